#include "storage/lake_lock.h"

#include <signal.h>
#include <simdjson.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <random>

#include "core/civil_time.h"
#include "core/error.h"
#include "core/lake_paths.h"
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

}  // namespace

LakeLock::LakeLock(ObjectStore& store, std::string command, std::chrono::seconds stale_after)
    : store_(store) {
  std::mt19937_64 rng{std::random_device{}()};
  token_ = fmt::format("{:016x}", rng());
  const Holder me{token_, std::move(command), HostName(), ::getpid(), NowMs()};
  const std::string key(lake::kLockKey);
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (store_.PutIfAbsent(key, Serialize(me))) return;
    std::string existing;
    try {
      existing = store_.Get(key);
    } catch (const Error& e) {
      if (e.code() == ErrorCode::kNotFound) continue;  // released meanwhile: try again
      throw;
    }
    const auto holder = Parse(existing);
    if (!IsStale(holder, stale_after)) {
      Fail(ErrorCode::kConflict,
           "the lake {} is in use by `unwrapped {}` (pid {} on {}, since {}); wait for it to finish, "
           "or delete {} if that run is gone",
           store_.Url(), holder->command, holder->pid, holder->host,
           core::FormatIsoSeconds(holder->started_ms / 1000), key);
    }
    spdlog::warn("taking over a stale lake lock{}", holder ? fmt::format(" from `unwrapped {}` (pid {} on {})",
                                                                          holder->command, holder->pid, holder->host)
                                                           : std::string(" (unreadable lock file)"));
    store_.Delete(key);
    recovered_stale_ = true;
  }
  Fail(ErrorCode::kConflict, "could not acquire the lake lock {} after 3 attempts", key);
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
