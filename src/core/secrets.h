// Secrets known to this process (access and refresh tokens, client secret, auth codes), so that
// nothing printed carries them: every spdlog line passes through Redact (core/logging.cpp).
// Thread safe.
#pragma once

#include <string>
#include <string_view>

namespace uw::core {

// Remembers `value` as a secret. Values shorter than 6 characters are ignored (they would
// redact ordinary words); registering the same value twice is harmless.
void RegisterSecret(std::string value);

// `text` with every occurrence of every registered secret replaced by "<redacted>".
std::string Redact(std::string_view text);

}  // namespace uw::core
