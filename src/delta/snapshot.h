// Replaying a table's Delta log (tech.md §3): the latest version, its metadata and the live data
// files (adds minus removes). We never write checkpoints; a log that has one written by another
// engine is refused rather than half-read. Thread safe (no shared state).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "delta/actions.h"
#include "storage/object_store.h"

namespace uw::delta {

struct Snapshot {
  int64_t version = -1;
  Protocol protocol;
  Metadata metadata;
  // Live files by path relative to the table root (decoded, not URI-encoded).
  std::map<std::string, AddFile> live_files;
};

// The newest committed version under `table_root`, or nullopt when the table has no log.
// Only lists the log. Throws Error(kInput) when the log holds a checkpoint.
std::optional<int64_t> LatestVersion(const storage::ObjectStore& store,
                                     std::string_view table_root);

// The table as of its newest version (or `as_of` when given), or nullopt when it has no log.
// Throws Error(kCorrupt) naming the version when a commit is missing, unreadable or lacks the
// protocol/metaData that version 0 must carry; Error(kInput) for checkpoints or a newer protocol.
std::optional<Snapshot> ReadSnapshot(const storage::ObjectStore& store, std::string_view table_root,
                                     std::optional<int64_t> as_of = std::nullopt);

// Applies one commit to `snapshot` (used by replay and by the committer's conflict check).
void ApplyCommit(Snapshot& snapshot, int64_t version, const Commit& commit);

// The data file's store key: table root + relative path.
std::string DataFileKey(std::string_view table_root, std::string_view relative_path);

}  // namespace uw::delta
