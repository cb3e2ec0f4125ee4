// The fake's accounts service (tech.md §5, formats.md §3.5): registered clients, the
// authorization-code flow with PKCE (S256), refresh tokens (optionally rotated, revocable, with an
// optional lifetime) and the access tokens the Web API checks. Answers carry the real error
// bodies ({"error":"invalid_grant","error_description":...}). Not thread-safe; FakeSpotify
// serialises access. Times are the fake's simulated clock, in ms.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>

namespace uw::fakes {

struct AuthorizeParams {
  std::string client_id;
  std::string response_type;
  std::string redirect_uri;
  std::string state;
  std::string scope;
  std::string code_challenge_method;
  std::string code_challenge;
};

struct AuthorizeOutcome {
  int status = 302;
  std::string location;  // for 302
  std::string page;      // for 400: a short text/html error page
};

struct TokenParams {
  std::string grant_type;
  std::string code;
  std::string redirect_uri;
  std::string code_verifier;
  std::string refresh_token;
  std::string client_id;  // from the body (PKCE)
  std::optional<std::pair<std::string, std::string>> basic;  // id and secret of a Basic header
};

struct AccountsReply {
  int status = 200;
  std::string body;  // JSON
};

enum class AccessCheck { kOk, kMissing, kInvalid };

// base64url(SHA-256(verifier)), the S256 code challenge (RFC 7636).
std::string PkceChallenge(std::string_view verifier);

class Accounts {
 public:
  Accounts();

  void AddClient(const std::string& client_id, const std::string& client_secret);
  void SetRotateRefreshTokens(bool rotate) { rotate_ = rotate; }
  void SetRefreshTokenLifetimeMs(int64_t lifetime_ms) { lifetime_ms_ = lifetime_ms; }
  void RevokeRefreshTokens();
  void ExpireAccessTokens();

  AuthorizeOutcome Authorize(const AuthorizeParams& params, bool user_declines, int64_t now_ms);
  AccountsReply Token(const TokenParams& params, int64_t now_ms);

  std::string IssueRefreshToken(const std::string& client_id, const std::string& scope, int64_t now_ms);
  std::string IssueAccessToken(const std::string& scope, int64_t now_ms);
  // Checks an Authorization header ("Bearer <token>"); on kOk sets *scope.
  AccessCheck CheckBearer(std::string_view authorization, int64_t now_ms, std::string* scope) const;

  int64_t Grants(std::string_view grant_type) const;

 private:
  struct Code {
    std::string client_id, redirect_uri, scope, challenge;
    int64_t issued_at_ms = 0;
  };
  struct RefreshToken {
    std::string client_id, scope;
    int64_t authorized_at_ms = 0;
    bool revoked = false;
  };
  struct AccessToken {
    std::string scope;
    int64_t expires_at_ms = 0;
  };

  std::string RandomToken(size_t bytes);
  // The requesting client's id, or "" when the credentials do not name a registered client.
  std::string AuthenticateClient(const TokenParams& params) const;
  AccountsReply ExchangeCode(const TokenParams& params, const std::string& client_id, int64_t now_ms);
  AccountsReply Refresh(const TokenParams& params, const std::string& client_id, int64_t now_ms);

  std::map<std::string, std::string> clients_;  // id -> secret
  std::map<std::string, Code> codes_;
  std::map<std::string, RefreshToken> refresh_tokens_;
  std::map<std::string, AccessToken> access_tokens_;
  std::map<std::string, int64_t, std::less<>> grants_;
  bool rotate_ = false;
  int64_t lifetime_ms_ = 0;
  std::mt19937_64 random_;
};

}  // namespace uw::fakes
