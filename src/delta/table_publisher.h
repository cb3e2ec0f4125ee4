// The API pipelines publish tables with: data files are written first (by the caller), then one
// Delta commit adds them and removes the files they replace, then the replaced files are deleted
// so plain Parquet globbing also sees exactly the current table. A crash before the commit
// leaves orphan data files that Vacuum (vacuum.h) removes later; readers never see them.
// Thread safe; concurrent publishers are serialised by put-if-absent (committer.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "delta/actions.h"
#include "delta/committer.h"
#include "delta/snapshot.h"
#include "parquet/schema.h"
#include "storage/object_store.h"

namespace uw::delta {

struct NewDataFile {
  std::string key;  // the store key, under the table root
  uint64_t size_bytes = 0;
  PartitionValues partition_values;  // one value per partition column
  std::string stats_json;            // StatsJson(...) or empty
};

struct PublishRequest {
  std::string table_root;  // e.g. lake::SilverTable("listening_events")
  parquet::Schema schema;  // the full table schema, partition columns included
  std::vector<std::string> partition_columns;
  std::vector<NewDataFile> added;
  std::vector<std::string> replaced_keys;  // store keys of live files this commit replaces
  std::string operation = "WRITE";
  ConflictRule rule = ConflictRule::kCommutes;
  int64_t now_ms = 0;  // 0: the system clock
};

struct PublishResult {
  int64_t version = -1;
  size_t files_added = 0;
  size_t files_removed = 0;
};

// Commits one version (creating the table as version 0 first when it has no log) and deletes the
// replaced files. Throws Error(kNotFound) when an added file is absent, Error(kInternal) when its
// size or partition values are wrong, Error(kInput) when the partitioning differs from the
// table's, Error(kConflict) when a replaced file is not live or a concurrent commit conflicts.
PublishResult Publish(storage::ObjectStore& store, const PublishRequest& request);

// Store keys of the live files whose partition values equal one of `partitions`: what an
// overwrite of those partitions replaces.
std::vector<std::string> LiveFileKeysIn(const Snapshot& snapshot, std::string_view table_root,
                                        const std::vector<PartitionValues>& partitions);

}  // namespace uw::delta
