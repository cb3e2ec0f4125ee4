#include "core/sha256.h"

#include <openssl/evp.h>

#include "core/error.h"

namespace uw::core {

namespace {

std::string Hex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(length * 2, '0');
  for (unsigned int i = 0; i < length; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 15];
  }
  return out;
}

EVP_MD_CTX* Ctx(void* context) { return static_cast<EVP_MD_CTX*>(context); }

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    Fail(ErrorCode::kInternal, "OpenSSL SHA-256 failed");
  }
  return Hex(digest, length);
}

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  if (context_ == nullptr || EVP_DigestInit_ex(Ctx(context_), EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(Ctx(context_));
    Fail(ErrorCode::kInternal, "OpenSSL SHA-256 init failed");
  }
}

Sha256::~Sha256() { EVP_MD_CTX_free(Ctx(context_)); }

void Sha256::Update(std::string_view bytes) {
  if (EVP_DigestUpdate(Ctx(context_), bytes.data(), bytes.size()) != 1) {
    Fail(ErrorCode::kInternal, "OpenSSL SHA-256 update failed");
  }
}

std::string Sha256::HexDigest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(Ctx(context_), digest, &length) != 1) {
    Fail(ErrorCode::kInternal, "OpenSSL SHA-256 final failed");
  }
  return Hex(digest, length);
}

}  // namespace uw::core
