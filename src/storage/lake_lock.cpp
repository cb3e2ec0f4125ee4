#include "storage/lake_lock.h"

#include <signal.h>
#include <simdjson.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <random>

#include "core/civil_time.h"
#include "core/error.h"
#include "core/lake_paths.h"
#include "core/poll.h"
#include "core/text.h"

namespace uw::storage {
namespace {

struct Holder {
  std::string token;
  std::string command;
  std::string host;
  int64_t pid = 0;
  int64_t started_ms = 0;
};

std::string HostName() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string Serialize(const Holder& h) {
  std::string out = "{\"token\":";
  core::AppendJsonString(out, h.token);
  out += ",\"command\":";
  core::AppendJsonString(out, h.command);
  out += ",\"host\":";
  core::AppendJsonString(out, h.host);
  out += fmt::format(",\"pid\":{},\"started_ms\":{}}}\n", h.pid, h.started_ms);
  return out;
}

// A lock file we cannot parse is treated as stale: it was written by put-if-absent, so a torn
// file can only come from outside interference.
std::optional<Holder> Parse(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(json).get(doc)) return std::nullopt;
  Holder h;
  std::string_view sv;
  if (doc["token"].get(sv)) return std::nullopt;
  h.token = sv;
  if (!doc["command"].get(sv)) h.command = sv;
  if (!doc["host"].get(sv)) h.host = sv;
  if (doc["pid"].get(h.pid)) h.pid = 0;
  if (doc["started_ms"].get(h.started_ms)) h.started_ms = 0;
  return h;
}

bool IsStale(const std::optional<Holder>& h, std::chrono::seconds stale_after) {
  if (!h) return true;
  if (NowMs() - h->started_ms > stale_after.count() * 1000) return true;
  if (h->host == HostName() && h->pid > 0) {
    return ::kill(static_cast<pid_t>(h->pid), 0) != 0 && errno == ESRCH;
  }
  return false;
}

// Between two tries: short next to any sensible wait; each try is one small read or write.
constexpr auto kPollInterval = std::chrono::milliseconds(200);

// `unwrapped build` (pid 42 on host)
std::string Describe(const Holder& h) {
  return fmt::format("`unwrapped {}` (pid {} on {})", h.command, h.pid, h.host);
}

double Seconds(std::chrono::milliseconds wait) { return static_cast<double>(wait.count()) / 1000; }

// One try: put-if-absent, taking over a stale lock or retrying when the holder has just gone (a
// few rounds). True when the lock is ours; false with `live` set to the run that holds it.
bool TryAcquire(ObjectStore& store, const std::string& record, std::chrono::seconds stale_after,
                bool& recovered_stale, std::optional<Holder>& live) {
  const std::string key(lake::kLockKey);
  for (int round = 0; round < 3; ++round) {
    if (store.PutIfAbsent(key, record)) return true;
    std::string existing;
    try {
      existing = store.Get(key);
    } catch (const Error& e) {
      if (e.code() == ErrorCode::kNotFound) continue;  // released meanwhile: try again
      throw;
    }
    auto holder = Parse(existing);
    if (!IsStale(holder, stale_after)) {
      live = std::move(holder);
      return false;
    }
    spdlog::warn("taking over a stale lake lock{}",
                 holder ? " from " + Describe(*holder) : std::string(" (unreadable lock file)"));
    store.Delete(key);
    recovered_stale = true;
  }
  Fail(ErrorCode::kConflict, "could not acquire the lake lock {} after 3 attempts", key);
}

[[noreturn]] void FailHeld(const std::string& lake_url, const Holder& h,
                           std::chrono::milliseconds waited) {
  const std::string since = core::FormatIsoSeconds(h.started_ms / 1000);
  if (waited.count() == 0) {
    Fail(ErrorCode::kConflict,
         "the lake {} is in use by {}, since {}; wait for it to finish (--lock-wait SECONDS waits "
         "for it), or delete {} if that run is gone",
         lake_url, Describe(h), since, lake::kLockKey);
  }
  Fail(
      ErrorCode::kConflict,
      "the lake {} is still in use by {}, since {}, after waiting {:g} s for it; try again once it "
      "has finished, wait longer with --lock-wait SECONDS, or delete {} if that run is gone",
      lake_url, Describe(h), since, Seconds(waited), lake::kLockKey);
}

}  // namespace

LakeLock::LakeLock(ObjectStore& store, std::string command, LakeLockOptions options)
    : store_(store) {
  std::mt19937_64 rng{std::random_device{}()};
  token_ = fmt::format("{:016x}", rng());
  const std::string record =
      Serialize({token_, std::move(command), HostName(), ::getpid(), NowMs()});
  std::optional<Holder> holder;
  const auto attempt = [&] {
    return TryAcquire(store_, record, options.stale_after, recovered_stale_, holder);
  };
  const auto said_waiting = [&] {
    spdlog::warn("waiting up to {:g} s for the lake lock held by {}", Seconds(options.wait),
                 Describe(*holder));
    // The log file is buffered: flushed now so whoever tails _state/logs sees why this run idles.
    spdlog::default_logger()->flush();
  };
  // Polled rather than watched: put-if-absent is all an object store offers, and a bounded poll
  // needs no signal or timer.
  if (core::PollUntil(attempt, options.wait, kPollInterval, said_waiting)) return;
  FailHeld(store_.Url(), *holder, options.wait);
}

LakeLock::~LakeLock() {
  try {
    // Only delete the lock if it is still ours (a stale takeover by another run must survive).
    const auto holder = Parse(store_.Get(std::string(lake::kLockKey)));
    if (holder && holder->token == token_) store_.Delete(std::string(lake::kLockKey));
  } catch (const std::exception& e) {
    spdlog::warn("could not release the lake lock: {}", e.what());
  }
}

}  // namespace uw::storage
