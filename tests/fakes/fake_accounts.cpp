#include "fakes/fake_accounts.h"

#include <openssl/evp.h>

#include <limits>

#include "core/base64.h"
#include "fakes/fake_json.h"
#include "fakes/fake_url.h"

namespace uw::fakes {
namespace {

constexpr int64_t kAccessTokenSeconds = 3600;
constexpr int64_t kCodeLifetimeMs = 10 * 60 * 1000;  // authorization codes are short-lived

AccountsReply OAuthError(std::string_view error, std::string_view description) {
  return {400, Json::Object().Set("error", error).Set("error_description", description).Dump()};
}

AccountsReply InvalidClient() { return OAuthError("invalid_client", "Invalid client"); }

// Redirect URIs must be HTTPS or a loopback literal; `localhost` is refused since 2025.
bool AllowedRedirect(std::string_view uri) {
  for (std::string_view loopback : {"http://127.0.0.1:", "http://127.0.0.1/", "http://[::1]:", "http://[::1]/"}) {
    if (uri.substr(0, loopback.size()) == loopback) return true;
  }
  return uri.substr(0, 8) == "https://" && uri.size() > 8;
}

AuthorizeOutcome ErrorPage(std::string_view message) {
  return {400, "", "<!DOCTYPE html><html><body><h1>" + std::string(message) + "</h1></body></html>"};
}

std::string AddState(std::string location, const std::string& state) {
  return state.empty() ? location : WithParam(std::move(location), "state", state);
}

}  // namespace

std::string PkceChallenge(std::string_view verifier) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(verifier.data(), verifier.size(), digest, &size, EVP_sha256(), nullptr);
  return core::Base64Url(std::string_view(reinterpret_cast<const char*>(digest), size));
}

Accounts::Accounts() : random_(std::random_device{}()) {}

void Accounts::AddClient(const std::string& client_id, const std::string& client_secret) {
  clients_[client_id] = client_secret;
}

void Accounts::RevokeRefreshTokens() {
  for (auto& [_, token] : refresh_tokens_) token.revoked = true;
}

void Accounts::ExpireAccessTokens() {
  for (auto& [_, token] : access_tokens_) token.expires_at_ms = std::numeric_limits<int64_t>::min();
}

std::string Accounts::RandomToken(size_t bytes) {
  std::string raw;
  while (raw.size() < bytes) {
    const uint64_t word = random_();
    raw.append(reinterpret_cast<const char*>(&word), sizeof word);
  }
  raw.resize(bytes);
  return core::Base64Url(raw);
}

AuthorizeOutcome Accounts::Authorize(const AuthorizeParams& params, bool user_declines, int64_t now_ms) {
  if (!clients_.count(params.client_id)) return ErrorPage("INVALID_CLIENT: Invalid client");
  if (params.redirect_uri.empty()) return ErrorPage("INVALID_CLIENT: Invalid redirect URI");
  if (!AllowedRedirect(params.redirect_uri)) return ErrorPage("INVALID_CLIENT: Insecure redirect URI");
  if (params.response_type != "code") return ErrorPage("unsupported_response_type");
  if (!params.code_challenge.empty() && params.code_challenge_method != "S256") {
    std::string location = WithParam(params.redirect_uri, "error", "invalid_request");
    location = WithParam(std::move(location), "error_description", "code_challenge_method must be S256");
    return {302, AddState(std::move(location), params.state), ""};
  }
  if (user_declines) {
    return {302, AddState(WithParam(params.redirect_uri, "error", "access_denied"), params.state), ""};
  }
  const std::string code = RandomToken(96);
  codes_[code] = Code{params.client_id, params.redirect_uri, params.scope, params.code_challenge, now_ms};
  return {302, AddState(WithParam(params.redirect_uri, "code", code), params.state), ""};
}

std::string Accounts::AuthenticateClient(const TokenParams& params) const {
  if (params.basic) {
    const auto it = clients_.find(params.basic->first);
    return it != clients_.end() && it->second == params.basic->second ? it->first : "";
  }
  return clients_.count(params.client_id) ? params.client_id : "";
}

AccountsReply Accounts::Token(const TokenParams& params, int64_t now_ms) {
  if (params.grant_type != "authorization_code" && params.grant_type != "refresh_token") {
    return OAuthError("unsupported_grant_type",
                      "grant_type must be client_credentials, authorization_code or refresh_token");
  }
  const std::string client_id = AuthenticateClient(params);
  if (client_id.empty()) return InvalidClient();
  return params.grant_type == "authorization_code" ? ExchangeCode(params, client_id, now_ms)
                                                   : Refresh(params, client_id, now_ms);
}

AccountsReply Accounts::ExchangeCode(const TokenParams& params, const std::string& client_id, int64_t now_ms) {
  const auto it = codes_.find(params.code);
  if (it == codes_.end() || it->second.client_id != client_id ||
      now_ms - it->second.issued_at_ms > kCodeLifetimeMs) {
    return OAuthError("invalid_grant", "Invalid authorization code");
  }
  const Code& code = it->second;
  if (params.redirect_uri != code.redirect_uri) return OAuthError("invalid_grant", "Invalid redirect URI");
  // A public client (no secret) must prove it started the flow.
  if (code.challenge.empty() && !params.basic) return InvalidClient();
  if (!code.challenge.empty() && PkceChallenge(params.code_verifier) != code.challenge) {
    return OAuthError("invalid_grant", "code_verifier was incorrect");
  }
  const std::string scope = code.scope;
  codes_.erase(it);  // single use; failed attempts above leave it usable
  const std::string access = IssueAccessToken(scope, now_ms);
  const std::string refresh = IssueRefreshToken(client_id, scope, now_ms);
  ++grants_["authorization_code"];
  return {200, Json::Object()
                   .Set("access_token", access)
                   .Set("token_type", "Bearer")
                   .Set("expires_in", kAccessTokenSeconds)
                   .Set("refresh_token", refresh)
                   .Set("scope", scope)
                   .Dump()};
}

AccountsReply Accounts::Refresh(const TokenParams& params, const std::string& client_id, int64_t now_ms) {
  const auto it = refresh_tokens_.find(params.refresh_token);
  if (it == refresh_tokens_.end() || it->second.revoked || it->second.client_id != client_id) {
    return OAuthError("invalid_grant", "Refresh token revoked");
  }
  // The 2026 rule: a fixed lifetime from the authorisation; refreshing does not extend it.
  if (lifetime_ms_ > 0 && now_ms - it->second.authorized_at_ms > lifetime_ms_) {
    return OAuthError("invalid_grant", "Refresh token expired");
  }
  const RefreshToken old = it->second;
  Json body = Json::Object();
  body.Set("access_token", IssueAccessToken(old.scope, now_ms))
      .Set("token_type", "Bearer")
      .Set("scope", old.scope)
      .Set("expires_in", kAccessTokenSeconds);
  if (rotate_) {
    it->second.revoked = true;
    const std::string next = RandomToken(96);
    refresh_tokens_[next] = RefreshToken{old.client_id, old.scope, old.authorized_at_ms, false};
    body.Set("refresh_token", next);
  }
  ++grants_["refresh_token"];
  return {200, body.Dump()};
}

std::string Accounts::IssueRefreshToken(const std::string& client_id, const std::string& scope, int64_t now_ms) {
  const std::string token = RandomToken(96);
  refresh_tokens_[token] = RefreshToken{client_id, scope, now_ms, false};
  return token;
}

std::string Accounts::IssueAccessToken(const std::string& scope, int64_t now_ms) {
  const std::string token = "BQ" + RandomToken(120);
  access_tokens_[token] = AccessToken{scope, now_ms + kAccessTokenSeconds * 1000};
  return token;
}

AccessCheck Accounts::CheckBearer(std::string_view authorization, int64_t now_ms, std::string* scope) const {
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.substr(0, kBearer.size()) != kBearer) return AccessCheck::kMissing;
  const auto it = access_tokens_.find(std::string(authorization.substr(kBearer.size())));
  if (it == access_tokens_.end() || now_ms >= it->second.expires_at_ms) return AccessCheck::kInvalid;
  if (scope) *scope = it->second.scope;
  return AccessCheck::kOk;
}

int64_t Accounts::Grants(std::string_view grant_type) const {
  const auto it = grants_.find(grant_type);
  return it == grants_.end() ? 0 : it->second;
}

}  // namespace uw::fakes
