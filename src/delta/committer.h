// Writing one Delta commit atomically with ObjectStore::PutIfAbsent (tech.md §3.5): the commit
// file appears whole or not at all, and two writers never both win a version. Thread safe.
#pragma once

#include <cstdint>
#include <string_view>

#include "delta/actions.h"
#include "delta/snapshot.h"
#include "storage/object_store.h"

namespace uw::delta {

// What to do when another writer committed the version we wanted.
enum class ConflictRule {
  kFail,  // always Error(kConflict)
  // The operation commutes with others (a blind append, or an overwrite of partitions): retry
  // as the next version unless a winning commit removed a file we remove, changed the metadata,
  // or created the table with a different schema or partitioning.
  kCommutes,
};

// Writes `commit` as version `snapshot.version + 1` (0 when snapshot.version is -1, in which case
// the commit must carry protocol and metaData). On a lost race, replays the newer commits into
// `snapshot` and applies `rule`. Returns the version written; `snapshot` is left at that version.
// Throws Error(kConflict) when the rule forbids a retry or retries run out.
int64_t CommitVersion(storage::ObjectStore& store, std::string_view table_root, Snapshot& snapshot,
                      Commit commit, ConflictRule rule);

}  // namespace uw::delta
