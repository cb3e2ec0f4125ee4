// The load lock: one load at a time per warehouse. Two loads into one warehouse (an hourly job
// and a manual run, two lakes loaded into one database) would otherwise both read the same
// newest ledger row, both replace the same fact months and both append a ledger row.
//
// PostgreSQL: a session-level advisory lock on kLoadLockKey, taken before the migrations and held
// to the end of the load. A second load polls for it up to the address's lock_wait, then fails
// with Error(kConflict) naming the warehouse. The destructor unlocks it, and the server drops it
// with the session, so a killed load never leaves it behind.
//
// SQLite: nothing to take here. Its writers already serialise on the database's one write lock,
// which every transaction takes up front (BEGIN IMMEDIATE, waiting up to lock_wait, then
// kConflict: sqlite_connection.cpp); the loader reads the ledger inside its transaction, so a
// load that waited sees the row of the load it waited for. Migrations re-check the applied
// version inside each migration's transaction (migrations.cpp), so two first loads can race.
#pragma once

#include <chrono>

#include "warehouse/connection.h"

namespace uw::warehouse {

class LoadLock {
 public:
  // Waits up to `wait` (polling) for another load into the warehouse to finish, then holds the
  // lock. Throws Error(kConflict) naming the warehouse (password redacted) when it is still held.
  LoadLock(Connection& connection, std::chrono::seconds wait);
  ~LoadLock();
  LoadLock(const LoadLock&) = delete;
  LoadLock& operator=(const LoadLock&) = delete;

 private:
  Connection& connection_;
  bool held_ = false;
};

}  // namespace uw::warehouse
