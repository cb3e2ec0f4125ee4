#include "storage/lake_lock.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <optional>
#include <thread>

#include "core/error.h"
#include "core/lake_paths.h"
#include "storage/memory_store.h"

namespace uw::storage {
namespace {

using namespace std::chrono_literals;

TEST(LakeLock, SecondRunIsRefusedWithTheHolderNamed) {
  MemoryStore store("lock-1");
  LakeLock first(store, "import");
  try {
    LakeLock second(store, "build");
    FAIL() << "two runs held the lake at once";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
    EXPECT_NE(std::string(e.what()).find("unwrapped import"), std::string::npos) << e.what();
  }
}

TEST(LakeLock, ReleasedOnDestruction) {
  MemoryStore store("lock-2");
  { LakeLock first(store, "import"); }
  EXPECT_FALSE(store.Exists(std::string(lake::kLockKey)));
  LakeLock again(store, "import");
  EXPECT_FALSE(again.recovered_stale());
}

TEST(LakeLock, LockOfADeadProcessIsTakenOver) {
  MemoryStore store("lock-3");
  // The lock of a run killed with -9: a holder record naming a pid on this host that is gone.
  const pid_t pid = fork();
  if (pid == 0) _exit(0);
  int status = 0;
  waitpid(pid, &status, 0);
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  store.Put(std::string(lake::kLockKey),
            fmt::format("{{\"token\":\"dead\",\"command\":\"build\",\"host\":\"{}\",\"pid\":{},"
                        "\"started_ms\":{}}}",
                        host, pid, std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count()));
  LakeLock lock(store, "import");
  EXPECT_TRUE(lock.recovered_stale());
}

TEST(LakeLock, OldLockFromAnotherHostIsStale) {
  MemoryStore store("lock-4");
  store.Put(std::string(lake::kLockKey),
            R"({"token":"t","command":"build","host":"elsewhere","pid":1,"started_ms":1000})");
  LakeLock lock(store, "import", {.stale_after = std::chrono::hours(1)});
  EXPECT_TRUE(lock.recovered_stale());
}

TEST(LakeLock, FreshLockFromAnotherHostIsRespected) {
  MemoryStore store("lock-5");
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  store.Put(std::string(lake::kLockKey),
            fmt::format(R"({{"token":"t","command":"build","host":"elsewhere","pid":1,"started_ms":{}}})", now));
  EXPECT_THROW(LakeLock(store, "import"), Error);
}

TEST(LakeLock, WithoutAWaitALiveHolderIsReportedAtOnce) {
  MemoryStore store("lock-6");
  LakeLock first(store, "run hourly");
  try {
    LakeLock second(store, "build", {.wait = 0ms});
    FAIL() << "two runs held the lake at once";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
    const std::string message = e.what();
    EXPECT_NE(message.find("`unwrapped run hourly` (pid"), std::string::npos) << message;
    EXPECT_EQ(message.find("after waiting"), std::string::npos) << message;
  }
}

TEST(LakeLock, AWaiterGetsTheLockOnceTheHolderReleasesIt) {
  MemoryStore store("lock-7");
  std::optional<LakeLock> first;
  first.emplace(store, "run hourly");
  std::atomic<bool> released{false};
  std::thread holder([&] {
    std::this_thread::sleep_for(200ms);
    released = true;  // before the lock file goes, so the waiter can only see it true
    first.reset();
  });
  try {
    LakeLock second(store, "build", {.wait = 5s});
    EXPECT_TRUE(released) << "the waiter took the lake while the holder still had it";
    EXPECT_FALSE(second.recovered_stale());
  } catch (const Error& e) {
    ADD_FAILURE() << "the waiter gave up: " << e.what();
  }
  holder.join();
}

TEST(LakeLock, AWaiterGivesUpNamingTheHolderAndTheWait) {
  MemoryStore store("lock-8");
  LakeLock first(store, "import");
  try {
    LakeLock second(store, "build", {.wait = 300ms});
    FAIL() << "two runs held the lake at once";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
    const std::string message = e.what();
    EXPECT_NE(message.find("`unwrapped import` (pid"), std::string::npos) << message;
    EXPECT_NE(message.find("after waiting 0.3 s"), std::string::npos) << message;
  }
  // The holder's lock survives the waiter that gave up.
  EXPECT_NE(store.Get(std::string(lake::kLockKey)).find("\"import\""), std::string::npos);
}

}  // namespace
}  // namespace uw::storage
