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
  // Refresh and save under the lock, after re-reading the file: another process may have
  // rotated the token since this one loaded it, and the old token may no longer work.
  const std::optional<CredentialsLock> lock = LockUnlessUnwritable();
  FollowFile();
  const TokenGrant grant = RefreshFollowingFile();
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

std::optional<CredentialsLock> AccessTokens::LockUnlessUnwritable() const {
  try {
    return std::optional<CredentialsLock>(std::in_place, config_.credentials_file,
                                          config_.lock_wait_ms);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kIo) throw;  // kConflict: another run holds it too long
    // A headless job may run with a read-only config folder; its refreshes worked before the
    // lock existed and keep working (a rotation would fail to save, and say so).
    spdlog::warn("{}; refreshing the Spotify sign-in without it", e.what());
    return std::nullopt;
  }
}

bool AccessTokens::FollowFile() {
  std::optional<Credentials> file;
  try {
    file = LoadCredentials(config_.credentials_file, /*warn_if_open=*/false);
  } catch (const Error& e) {
    // The run loaded it fine at start; a damaged file now is no reason to stop refreshing
    // with the token in hand (a rotation writes the file anew).
    spdlog::warn("{}; going on with the Spotify sign-in loaded at start", e.what());
    return false;
  }
  if (file) core::RegisterSecret(file->refresh_token);
  if (!AdoptFileSuccessor(config_.choice, file)) return false;
  spdlog::info("The Spotify refresh token was rotated by another run; using the new one from {}",
               config_.credentials_file.string());
  config_.file = std::move(file);
  return true;
}

TokenGrant AccessTokens::RefreshFollowingFile() {
  try {
    return tokens_.Refresh(config_.choice.refresh_token, config_.choice.client_id,
                           config_.client_secret);
  } catch (const Error& e) {
    // kInput is invalid_grant. A writer that took no lock may have rotated the token after
    // FollowFile looked: one more look, one more try, and otherwise the sign-in is over.
    if (e.code() != ErrorCode::kInput || !FollowFile()) throw;
  }
  return tokens_.Refresh(config_.choice.refresh_token, config_.choice.client_id,
                         config_.client_secret);
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
