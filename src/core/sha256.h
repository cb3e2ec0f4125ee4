// SHA-256 (OpenSSL) for content addressing in bronze.
#pragma once

#include <string>
#include <string_view>

namespace uw::core {

// Lower-case hex digest of the bytes.
std::string Sha256Hex(std::string_view bytes);

}  // namespace uw::core
