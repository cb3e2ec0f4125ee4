// SHA-256 (OpenSSL) for content addressing in bronze.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace uw::core {

// Lower-case hex digest of the bytes.
std::string Sha256Hex(std::string_view bytes);

// Incremental SHA-256 for content that arrives in pieces (column buffers, streams).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  void Update(const void* data, size_t size) {
    Update(std::string_view(static_cast<const char*>(data), size));
  }
  // The lower-case hex digest; the hasher must not be updated afterwards.
  std::string HexDigest();

 private:
  void* context_;  // EVP_MD_CTX, kept opaque so OpenSSL stays out of the header
};

}  // namespace uw::core
