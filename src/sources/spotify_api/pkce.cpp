#include "sources/spotify_api/pkce.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <string>

#include "core/base64.h"
#include "core/error.h"

namespace uw::spotify_api {
namespace {

std::string RandomBytes(size_t count) {
  std::string bytes(count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    Fail(ErrorCode::kInternal, "the random number generator failed (OpenSSL RAND_bytes)");
  }
  return bytes;
}

std::string Sha256Bytes(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
    Fail(ErrorCode::kInternal, "SHA-256 failed (OpenSSL EVP_Digest)");
  }
  return std::string(reinterpret_cast<const char*>(digest), size);
}

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string S256Challenge(std::string_view verifier) {
  return core::Base64Url(Sha256Bytes(verifier));
}

bool IsValidVerifier(std::string_view verifier) {
  if (verifier.size() < 43 || verifier.size() > 128) return false;
  for (char c : verifier) {
    if (!IsUnreserved(c)) return false;
  }
  return true;
}

Pkce MakePkce() {
  // 48 random bytes encode to 64 base64url characters: 384 bits of entropy, well inside the
  // 43-128 character range RFC 7636 §4.1 allows (and base64url uses only unreserved characters).
  Pkce pkce;
  pkce.verifier = core::Base64Url(RandomBytes(48));
  pkce.challenge = S256Challenge(pkce.verifier);
  return pkce;
}

std::string MakeState() { return core::Base64Url(RandomBytes(24)); }

}  // namespace uw::spotify_api
