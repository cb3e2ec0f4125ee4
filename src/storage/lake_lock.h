// The lake lock: at most one writing run per lake. Acquired with put-if-absent on
// _state/lock.json, released (deleted) by the destructor. A lock left by a dead process on this
// host, or older than `stale_after` from any host, is stale: it is taken over and the takeover
// is logged. While a live run holds the lock, a new one waits for it up to `wait` (polling), so
// a manual command started during the scheduled hourly run finishes after it instead of failing.
#pragma once

#include <chrono>
#include <string>

#include "storage/object_store.h"

namespace uw::storage {

struct LakeLockOptions {
  // How long to wait for a live holder to finish; 0 = fail at once.
  std::chrono::milliseconds wait{0};
  std::chrono::seconds stale_after = std::chrono::hours(12);
};

class LakeLock {
 public:
  // Throws Error(kConflict) naming the holder (command, pid, host, start time) and the wait when
  // a live run still holds the lake after `options.wait`. Logs one info line when it starts
  // waiting.
  LakeLock(ObjectStore& store, std::string command, LakeLockOptions options = {});
  ~LakeLock();
  LakeLock(const LakeLock&) = delete;
  LakeLock& operator=(const LakeLock&) = delete;

  // True when an earlier, stale lock had to be taken over.
  bool recovered_stale() const { return recovered_stale_; }

 private:
  ObjectStore& store_;
  std::string token_;
  bool recovered_stale_ = false;
};

}  // namespace uw::storage
