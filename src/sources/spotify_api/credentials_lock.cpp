#include "sources/spotify_api/credentials_lock.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "core/error.h"
#include "core/poll.h"
#include "sources/spotify_api/credentials.h"

namespace uw::spotify_api {
namespace {

namespace fs = std::filesystem;

// Short against a refresh (hundreds of ms), long enough not to spin.
constexpr auto kPollInterval = std::chrono::milliseconds(20);

[[noreturn]] void FailErrno(const fs::path& lock_file, const char* what) {
  Fail(ErrorCode::kIo, "{}: cannot {} the Spotify sign-in lock: {}", lock_file.string(), what,
       std::strerror(errno));
}

// One non-blocking attempt: true when locked, false when another holder has it.
bool TryLock(int fd, const fs::path& lock_file) {
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) return false;
    if (errno != EINTR) FailErrno(lock_file, "take");
  }
  return true;
}

}  // namespace

fs::path CredentialsLock::LockPath(const fs::path& credentials_file) {
  return credentials_file.string() + ".lock";
}

int CredentialsLock::OpenLockFile(const fs::path& lock_file) {
  // Before the first sign-in the folder may not exist yet; it will hold the secret, so it is
  // created as private as SaveCredentials would create it.
  CreatePrivateDirs(lock_file.parent_path());
  const int fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) FailErrno(lock_file, "create or open");
  return fd;
}

CredentialsLock::CredentialsLock(const fs::path& credentials_file, int64_t wait_ms)
    : lock_file_(LockPath(credentials_file)), fd_(OpenLockFile(lock_file_)) {
  // Polling with LOCK_NB rather than a blocking flock: the wait has a bound, and no signal or
  // timer is needed to end it.
  const auto said_waiting = [&] {
    // At warn, like the lake lock's wait: a run that idles on another process says why.
    spdlog::warn(
        "Waiting for another Unwrapped process to finish refreshing the Spotify sign-in "
        "(it holds {})",
        lock_file_.string());
    spdlog::default_logger()->flush();
  };
  if (core::PollUntil([&] { return TryLock(fd_.get(), lock_file_); },
                      std::chrono::milliseconds(wait_ms), kPollInterval, said_waiting))
    return;
  Fail(ErrorCode::kConflict,
       "another Unwrapped process has held the Spotify sign-in lock {} for over {:g} s while "
       "refreshing; try again when it is done (the lock is released when that process ends)",
       lock_file_.string(), static_cast<double>(wait_ms) / 1000);
}

}  // namespace uw::spotify_api
