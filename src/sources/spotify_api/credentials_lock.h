// The cross-process lock on the Spotify sign-in, held while a run refreshes its access token and
// saves a rotated refresh token (access_tokens.h). Without it two Unwrapped processes that
// loaded the same refresh token (an hourly `ingest` from cron and a manual `enrich`) could both
// refresh with it: when Spotify rotates, the second one sends a token the first one's refresh
// just replaced (invalid_grant, "sign in again" although the file holds a valid successor), or
// saves its own successor over the first one's.
//
// It is an advisory flock(2) on `<credentials file>.lock`, created with mode 0600 (and missing
// folders 0700) when absent and never removed: removing it would race with a process that has
// just opened it. flock belongs to the open file, so it also excludes a second holder in the
// same process, and the kernel drops it when the holder exits or crashes: no stale locks.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/fd.h"

namespace uw::spotify_api {

// How long a run waits for another one's refresh (a refresh is one request with its retries).
inline constexpr int64_t kCredentialsLockWaitMs = 30'000;

class CredentialsLock {
 public:
  // Locks `LockPath(credentials_file)`, polling every few milliseconds for up to `wait_ms`.
  // Throws Error(kConflict) naming the lock file when another holder keeps it that long, and
  // Error(kIo) naming it when it cannot be created, opened or locked.
  explicit CredentialsLock(const std::filesystem::path& credentials_file,
                           int64_t wait_ms = kCredentialsLockWaitMs);
  // Unlocks by closing the lock file (the file stays).
  ~CredentialsLock() = default;
  CredentialsLock(const CredentialsLock&) = delete;
  CredentialsLock& operator=(const CredentialsLock&) = delete;

  // "<credentials_file>.lock".
  static std::filesystem::path LockPath(const std::filesystem::path& credentials_file);

 private:
  static int OpenLockFile(const std::filesystem::path& lock_file);

  std::filesystem::path lock_file_;
  core::Fd fd_;
};

}  // namespace uw::spotify_api
