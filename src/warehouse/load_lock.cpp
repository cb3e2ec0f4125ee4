#include "warehouse/load_lock.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "core/poll.h"

namespace uw::warehouse {
namespace {

constexpr uint64_t Fnv1a64(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

// The advisory lock's key, derived from a name rather than picked, so it is unlikely to collide
// with another application's keys in the same database. Never change it: loads by different
// versions of unwrapped must exclude each other.
constexpr int64_t kLoadLockKey = static_cast<int64_t>(Fnv1a64("unwrapped.load"));

// Between two tries: short next to any sensible wait, long enough not to busy the server.
constexpr auto kPollInterval = std::chrono::milliseconds(200);

bool TryLock(Connection& c) {
  const auto rows = c.Query(fmt::format("SELECT pg_try_advisory_lock({})", kLoadLockKey));
  return rows.at(0).at(0) == "t";
}

}  // namespace

LoadLock::LoadLock(Connection& connection, std::chrono::seconds wait) : connection_(connection) {
  if (connection.dialect() != Dialect::kPostgres) return;
  // Polled rather than a blocking pg_advisory_lock: the wait stays bounded without touching the
  // session's lock_timeout, which would also bound the load's own statements.
  const auto said_waiting = [&] {
    // At warn, like the lake lock's wait: a run that idles on another process says so at the
    // default verbosity, and flushed so a tail of the log file shows it too.
    spdlog::warn("warehouse {}: another load is running; waiting up to {} s for it to finish",
                 connection.display(), wait.count());
    spdlog::default_logger()->flush();
  };
  if (!core::PollUntil([&] { return TryLock(connection); }, wait, kPollInterval, said_waiting)) {
    Fail(ErrorCode::kConflict,
         "warehouse {}: another load into this warehouse has held its load lock for over {} s; "
         "try again once it has finished, or wait longer with lock_wait=SECONDS in the address",
         connection.display(), wait.count());
  }
  held_ = true;
}

LoadLock::~LoadLock() {
  if (!held_) return;
  try {
    connection_.Query(fmt::format("SELECT pg_advisory_unlock({})", kLoadLockKey));
  } catch (...) {
    // The connection is gone, and with its session the server released the lock.
  }
}

}  // namespace uw::warehouse
