// The lake lock: at most one writing run per lake. Acquired with put-if-absent on
// _state/lock.json, released (deleted) by the destructor. A lock left by a dead process on this
// host, or older than `stale_after` from any host, is stale: it is taken over and the takeover
// is logged.
#pragma once

#include <chrono>
#include <string>

#include "storage/object_store.h"

namespace uw::storage {

class LakeLock {
 public:
  // Throws Error(kConflict) naming the holder (command, pid, host, start time) when the lake is
  // locked by a live run.
  LakeLock(ObjectStore& store, std::string command,
           std::chrono::seconds stale_after = std::chrono::hours(12));
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
