#include "sources/spotify_api/credentials_lock.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <optional>

#include "core/error.h"
#include "sources/spotify_api/credentials.h"
#include "sources/spotify_api/test_support.h"
#include "testing/testing.h"

namespace uw::spotify_api {
namespace {

namespace fs = std::filesystem;
using test::ThrownCode;

// What a child process reports through its exit code (it must not run gtest assertions).
enum ChildResult { kChildLocked = 10, kChildRefused = 11, kChildOtherError = 12 };

// Runs `body` in a forked child and returns its exit code (-1 when it did not exit normally).
int RunInChild(const std::function<int()>& body) {
  const pid_t pid = ::fork();
  if (pid < 0) {
    ADD_FAILURE() << "fork failed";
    return -1;
  }
  if (pid == 0) {
    int code = kChildOtherError;
    try {
      code = body();
    } catch (...) {
    }
    ::_exit(code);  // no atexit handlers, no gtest teardown in the child
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// In a child: takes the lock waiting at most `wait_ms`; refused means kConflict naming the file.
int TryLockInChild(const fs::path& credentials, int64_t wait_ms) {
  return RunInChild([&] {
    try {
      CredentialsLock lock(credentials, wait_ms);
      return static_cast<int>(kChildLocked);
    } catch (const Error& e) {
      const bool named = std::string(e.what()).find(
                             CredentialsLock::LockPath(credentials).string()) != std::string::npos;
      return static_cast<int>(e.code() == ErrorCode::kConflict && named ? kChildRefused
                                                                        : kChildOtherError);
    }
  });
}

class CredentialsLockTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  fs::path credentials = dir / "creds.json";
};

TEST_F(CredentialsLockTest, LockFileSitsBesideTheCredentialsWithMode0600) {
  EXPECT_EQ(CredentialsLock::LockPath(credentials), dir / "creds.json.lock");
  { CredentialsLock lock(credentials, 0); }
  EXPECT_EQ(FileMode(dir / "creds.json.lock"), std::optional<mode_t>(0600));
  EXPECT_FALSE(fs::exists(credentials));  // the lock writes no credentials
}

TEST_F(CredentialsLockTest, MissingFoldersAreCreatedPrivate) {
  const fs::path nested = dir / "config" / "unwrapped" / "creds.json";
  CredentialsLock lock(nested, 0);
  EXPECT_EQ(FileMode(dir / "config"), std::optional<mode_t>(0700));
  EXPECT_EQ(FileMode(dir / "config" / "unwrapped"), std::optional<mode_t>(0700));
}

TEST_F(CredentialsLockTest, ExcludesAnotherProcessAndIsReleasedOnDestruction) {
  {
    CredentialsLock held(credentials, 0);
    EXPECT_EQ(TryLockInChild(credentials, 0), kChildRefused);
    EXPECT_EQ(TryLockInChild(credentials, 100), kChildRefused);  // waited, still held
  }
  EXPECT_EQ(TryLockInChild(credentials, 0), kChildLocked);
}

TEST_F(CredentialsLockTest, ExcludesASecondHolderInTheSameProcess) {
  std::optional<CredentialsLock> first(std::in_place, credentials, 0);
  std::string message;
  EXPECT_EQ(ThrownCode([&] { CredentialsLock second(credentials, 0); }, &message),
            ErrorCode::kConflict);
  EXPECT_NE(message.find((dir / "creds.json.lock").string()), std::string::npos);
  first.reset();
  EXPECT_NO_THROW(CredentialsLock again(credentials, 0));
}

TEST_F(CredentialsLockTest, AWaiterGetsTheLockWhenTheHoldingProcessEnds) {
  int ready[2];
  int go[2];
  ASSERT_EQ(::pipe(ready), 0);
  ASSERT_EQ(::pipe(go), 0);
  const pid_t holder = ::fork();
  ASSERT_GE(holder, 0);
  if (holder == 0) {
    ::close(ready[0]);
    ::close(go[1]);
    int code = kChildOtherError;
    try {
      CredentialsLock lock(credentials, 0);
      char byte = 'L';
      if (::write(ready[1], &byte, 1) == 1) code = kChildLocked;
      while (::read(go[0], &byte, 1) > 0) {  // holds until the parent closes `go`
      }
    } catch (...) {
    }
    ::_exit(code);  // after the lock's destructor; a crash would drop it just the same
  }
  ::close(ready[1]);
  ::close(go[0]);
  char byte = 0;
  ASSERT_EQ(::read(ready[0], &byte, 1), 1);  // the child holds the lock now
  ::close(ready[0]);
  EXPECT_EQ(ThrownCode([&] { CredentialsLock refused(credentials, 0); }), ErrorCode::kConflict);
  ::close(go[1]);  // lets the child end; the wait below ends with it, not with the bound
  EXPECT_NO_THROW(CredentialsLock waited(credentials, 30'000));
  int status = 0;
  ASSERT_EQ(::waitpid(holder, &status, 0), holder);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == kChildLocked);
}

TEST_F(CredentialsLockTest, TheKernelDropsTheLockOfAProcessThatDies) {
  // The child exits holding the lock, without its destructor (as a crash would).
  EXPECT_EQ(RunInChild([&] {
              new CredentialsLock(credentials, 0);  // leaked on purpose
              return static_cast<int>(kChildLocked);
            }),
            kChildLocked);
  EXPECT_NO_THROW(CredentialsLock after(credentials, 0));
}

TEST_F(CredentialsLockTest, UncreatableLockFileIsAnIoErrorNamingIt) {
  testing::WriteFile(dir / "not-a-folder", "x");
  const fs::path inside = dir / "not-a-folder" / "creds.json";
  std::string message;
  EXPECT_EQ(ThrownCode([&] { CredentialsLock lock(inside, 0); }, &message), ErrorCode::kIo);
  EXPECT_NE(message.find(CredentialsLock::LockPath(inside).string()), std::string::npos);
}

}  // namespace
}  // namespace uw::spotify_api
