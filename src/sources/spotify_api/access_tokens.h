// The access token of a run: obtained from the refresh token on first use, refreshed shortly
// before it expires and after a 401, and never written anywhere (only held in memory).
// Which refresh token and client id are used follows token_source.h: the configured ones
// (headless: UNWRAPPED_SPOTIFY_REFRESH_TOKEN, UNWRAPPED_SPOTIFY_CLIENT_ID) else the credentials
// file's. When Spotify rotates the refresh token, the new one replaces the old in the
// credentials file at once, atomically, and this run continues with it. That holds in headless
// mode too: the configured token cannot be changed from here, so the file records the successor
// together with the configured token's hash, and later runs configured with the same token use
// the file's newer one (`status` says when the configured token and the file disagree). A file
// from `auth spotify` is replaced then: that run was not using it anyway, and losing the only
// copy of a rotated token would end the headless sign-in.
// Several processes may share one sign-in (cron's `ingest` and a manual `enrich`). Each refresh,
// with the save of a rotated token, runs under the cross-process lock of credentials_lock.h and
// starts by re-loading the credentials file: when another run has rotated the token meanwhile
// (the file holds its successor by the rule of token_source.h), this run switches to it instead
// of sending the replaced one. Should Spotify still answer invalid_grant, the file is re-loaded
// once more and a changed token tried once (a writer that took no lock: an older Unwrapped, a
// file copied in by hand). So the file always ends with the last rotated token. `auth spotify`
// saves under the same lock, so a refresh under way cannot overwrite a new sign-in.
// When the lock file cannot be created (a read-only folder) the refresh runs unlocked, as before.
// Not thread safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "http/clock.h"
#include "sources/spotify_api/credentials.h"
#include "sources/spotify_api/credentials_lock.h"
#include "sources/spotify_api/token_client.h"
#include "sources/spotify_api/token_source.h"

namespace uw::core {
struct Settings;
}

namespace uw::spotify_api {

// A refresh happens this long before the access token expires (tech.md §5: ~5 minutes).
inline constexpr int64_t kRefreshMarginMs = 5 * 60 * 1000;

struct TokenConfig {
  RefreshTokenChoice choice;               // refresh token, client id and where they came from
  std::optional<Credentials> file;         // the credentials file as loaded (for its dates)
  std::filesystem::path credentials_file;  // where a rotated refresh token is saved
  std::string client_secret;               // "" for PKCE sign-ins
  int64_t lock_wait_ms = kCredentialsLockWaitMs;  // bound on waiting for another run's refresh
};

// Loads the credentials file and applies token_source.h. Throws Error(kUsage) when there is no
// refresh token ("run `unwrapped auth spotify`, or set ...") or no client id, and what
// LoadCredentials throws.
TokenConfig TokenConfigFromSettings(const core::Settings& settings);

class AccessTokens {
 public:
  // `tokens` and `clock` must outlive this object.
  AccessTokens(TokenClient& tokens, http::Clock& clock, TokenConfig config);

  // A usable access token: the held one, or a fresh one when there is none, it was
  // invalidated, or it expires within kRefreshMarginMs (or half its lifetime, when Spotify
  // grants less than twice the margin). Throws what TokenClient::Refresh throws (kInput with
  // "run `unwrapped auth spotify` again" on invalid_grant), Error(kIo) when a rotated refresh
  // token cannot be saved, and Error(kConflict) naming the lock file when another process's
  // refresh holds the lock longer than lock_wait_ms.
  std::string Get();

  // Forgets the held access token (after a 401), so the next Get refreshes.
  void Invalidate();

  int64_t refreshes() const { return refreshes_; }
  const std::string& client_id() const { return config_.choice.client_id; }

 private:
  void RefreshNow();
  std::optional<CredentialsLock> LockUnlessUnwritable() const;
  bool FollowFile();
  TokenGrant RefreshFollowingFile();
  void SaveRotated(const TokenGrant& grant);

  TokenClient& tokens_;
  http::Clock& clock_;
  TokenConfig config_;
  std::string access_token_;
  int64_t refresh_at_ms_ = 0;  // Get refreshes from this moment on
  int64_t refreshes_ = 0;
};

}  // namespace uw::spotify_api
