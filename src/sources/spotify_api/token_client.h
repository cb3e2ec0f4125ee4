// Spotify's accounts service: the token endpoint (POST <accounts_url>/api/token) for the two
// grants Unwrapped uses, authorization code with PKCE and refresh (formats.md §3.5, tech.md §5).
// Every token, code, verifier and secret it sees is registered with core::RegisterSecret, and no
// message it produces contains one.
// Not thread safe (uses one http::Client).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "http/client.h"

namespace uw::spotify_api {

struct TokenGrant {
  std::string access_token;                  // secret
  int64_t expires_in_s = 3600;               // lifetime of the access token
  std::optional<std::string> refresh_token;  // secret; absent on a refresh that did not rotate
  std::string scope;                         // space separated, as granted
};

class TokenClient {
 public:
  // `client` must outlive this object. `accounts_url` without trailing slash, e.g.
  // "https://accounts.spotify.com".
  TokenClient(http::Client& client, std::string accounts_url);

  // Exchanges the code from the sign-in callback. `redirect_uri` must equal the one in the
  // authorize URL. Throws Error(kInput) when Spotify rejects the code (invalid_grant),
  // Error(kUsage) naming spotify.client_id on invalid_client, Error(kIo) on other refusals or a
  // malformed answer, and whatever http::Client throws (StopRun, RequestFailed).
  TokenGrant ExchangeCode(const std::string& code, const std::string& verifier,
                          const std::string& redirect_uri, const std::string& client_id);

  // A new access token for `refresh_token`. With a client secret the client authenticates with
  // HTTP Basic (authorization-code apps), else it sends client_id in the body (PKCE apps).
  // Throws Error(kInput) "... run `unwrapped auth spotify` again" on invalid_grant (revoked or
  // past its six months), otherwise as ExchangeCode.
  TokenGrant Refresh(const std::string& refresh_token, const std::string& client_id,
                     const std::string& client_secret = "");

 private:
  enum class Grant { kCode, kRefresh };
  TokenGrant Post(const http::Request& request, Grant grant, const std::string& client_id);

  http::Client& client_;
  std::string token_url_;
};

// The message for a refresh token Spotify no longer accepts (shared with status and tests).
inline constexpr const char* kSignInAgain =
    "Spotify no longer accepts the saved sign-in (refresh tokens expire six months after signing "
    "in, and can be revoked): run `unwrapped auth spotify` again";

}  // namespace uw::spotify_api
