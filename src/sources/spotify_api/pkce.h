// PKCE (RFC 7636) for the authorization-code sign-in: a random code verifier, its S256
// challenge, and the random `state` that ties the browser's callback to this sign-in.
#pragma once

#include <string>
#include <string_view>

namespace uw::spotify_api {

struct Pkce {
  std::string verifier;   // 64 characters of [A-Za-z0-9-_]
  std::string challenge;  // base64url(SHA-256(verifier)), no padding
};

// A fresh verifier (from OpenSSL's CSPRNG) and its challenge. Throws Error(kInternal) when the
// random generator fails.
Pkce MakePkce();

// base64url(SHA-256(verifier)) without padding: code_challenge for method S256 (RFC 7636 §4.2).
std::string S256Challenge(std::string_view verifier);

// True when `verifier` is 43 to 128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.1).
bool IsValidVerifier(std::string_view verifier);

// An unguessable value for the `state` parameter (base64url of 24 random bytes).
std::string MakeState();

}  // namespace uw::spotify_api
