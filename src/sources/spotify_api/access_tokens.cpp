#include "sources/spotify_api/access_tokens.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/error.h"
#include "core/secrets.h"
#include "core/settings.h"

namespace uw::spotify_api {

TokenConfig TokenConfigFromSettings(const core::Settings& settings) {
  TokenConfig config;
  config.credentials_file = settings.spotify_credentials_file;
  config.client_secret = settings.spotify_client_secret;
  if (!settings.spotify_refresh_token.empty()) core::RegisterSecret(settings.spotify_refresh_token);
  if (!settings.spotify_client_secret.empty()) core::RegisterSecret(settings.spotify_client_secret);
  config.file = LoadCredentials(config.credentials_file);
  if (config.file) core::RegisterSecret(config.file->refresh_token);
  config.choice =
      ChooseRefreshToken(settings.spotify_refresh_token, settings.spotify_client_id, config.file);
  if (config.choice.origin == TokenOrigin::kNone) {
    Fail(ErrorCode::kUsage,
         "not signed in to Spotify (no {}): run `unwrapped auth spotify`, or for headless jobs set "
         "UNWRAPPED_SPOTIFY_REFRESH_TOKEN and UNWRAPPED_SPOTIFY_CLIENT_ID",
         config.credentials_file.string());
  }
  if (config.choice.client_id.empty()) {
    Fail(ErrorCode::kUsage,
         "no Spotify client id: set spotify.client_id (UNWRAPPED_SPOTIFY_CLIENT_ID)");
  }
  return config;
}

AccessTokens::AccessTokens(TokenClient& tokens, http::Clock& clock, TokenConfig config)
    : tokens_(tokens), clock_(clock), config_(std::move(config)) {}

std::string AccessTokens::Get() {
  if (access_token_.empty() || clock_.NowMs() >= refresh_at_ms_) RefreshNow();
  return access_token_;
}

void AccessTokens::Invalidate() { access_token_.clear(); }

void AccessTokens::RefreshNow() {
  const TokenGrant grant = tokens_.Refresh(config_.choice.refresh_token, config_.choice.client_id,
                                           config_.client_secret);
  ++refreshes_;
  const int64_t lifetime_ms = std::max<int64_t>(grant.expires_in_s, 0) * 1000;
  // A margin of half the lifetime for short-lived tokens keeps a token usable for a while
  // instead of refreshing before every request.
  const int64_t margin_ms = std::min(kRefreshMarginMs, lifetime_ms / 2);
  refresh_at_ms_ = clock_.NowMs() + lifetime_ms - margin_ms;
  access_token_ = grant.access_token;
  spdlog::debug("Spotify access token refreshed; valid for {} s", grant.expires_in_s);
  // Spotify may omit refresh_token ("continue using the existing token") or repeat it.
  if (grant.refresh_token && *grant.refresh_token != config_.choice.refresh_token)
    SaveRotated(grant);
}

void AccessTokens::SaveRotated(const TokenGrant& grant) {
  Credentials next;
  next.client_id = config_.choice.client_id;
  next.refresh_token = *grant.refresh_token;
  next.scope = !grant.scope.empty() ? grant.scope : config_.file ? config_.file->scope : "";
  // Rotation does not restart the six months: keep the sign-in date of this token's lineage.
  const bool same_lineage = config_.choice.origin == TokenOrigin::kCredentialsFile ||
                            config_.choice.origin == TokenOrigin::kRotatedSettings;
  next.authorized_at_ms = same_lineage && config_.file ? config_.file->authorized_at_ms : 0;
  next.refreshed_at_ms = clock_.NowMs();
  next.replaces_token_sha256 = config_.choice.settings_token_sha256;
  try {
    SaveCredentials(config_.credentials_file, next);
  } catch (const Error& e) {
    Fail(ErrorCode::kIo,
         "Spotify issued a new refresh token but it could not be saved ({}); the old one may no "
         "longer work: run `unwrapped auth spotify` again once the file can be written",
         e.what());
  }
  spdlog::info("Spotify rotated the refresh token; saved the new one to {}",
               config_.credentials_file.string());
  config_.choice.refresh_token = next.refresh_token;
  if (config_.choice.origin == TokenOrigin::kSettings)
    config_.choice.origin = TokenOrigin::kRotatedSettings;
  config_.file = next;
}

}  // namespace uw::spotify_api
