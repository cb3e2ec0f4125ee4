// Publishing one LakeTable as a Delta table whose data files are named by their content:
// a partition whose rows did not change keeps its file (nothing is written), a changed partition
// gets a new file, and one Delta commit adds the new files and removes the replaced and vanished
// ones, which are deleted after the commit (delta/table_publisher.h). So a rebuild rewrites
// exactly the partitions that changed, a reader sees the old version or the new one, and a
// build killed at any point leaves the previous version intact (its orphans are removed by the
// next publish). The caller holds the lake lock.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "delta/table_publisher.h"
#include "parquet/file_writer.h"
#include "pipeline/tables/lake_table.h"
#include "storage/object_store.h"

namespace uw::tables {

struct PublishedTable {
  std::string name;
  uint64_t rows = 0;
  int64_t version = -1;    // the table's version after publishing
  bool committed = false;  // false: nothing changed, no commit written
  size_t partitions_written = 0, partitions_unchanged = 0, partitions_removed = 0;
  uint64_t bytes_written = 0;
  std::vector<std::string> rewritten;  // "year=2024/month=5" (or "table") per written partition
  size_t orphans_removed = 0;          // leftovers of an interrupted earlier build
};

// A table whose changed files are written but not yet committed.
struct StagedTable {
  PublishedTable result;
  bool needs_commit = false;
  delta::PublishRequest request;
};

// Step 1: removes orphans, compares partitions with the live files, writes the changed ones.
StagedTable StageTable(storage::ObjectStore& lake, const std::string& table_root,
                       const LakeTable& table, const parquet::WriterOptions& options);
// Step 1 for a streamed table, with its checks (CheckTable's messages, appended to `problems`):
// builds each partition, checks it, names it by its content and, when `write`, writes it if it
// changed, then drops it; partitions are handled in parallel, one per thread at a time. When a
// check of this table fails, the files it wrote are deleted again and nothing is staged; with
// `write` false (an earlier table failed) the table is only checked.
StagedTable StageStreamedTable(storage::ObjectStore& lake, const std::string& table_root,
                               const StreamedTable& table, const parquet::WriterOptions& options,
                               bool write, std::vector<std::string>& problems);
// Step 2 (after the caller made the staged files durable, ObjectStore::Sync): one Delta commit,
// then the replaced files are deleted.
PublishedTable CommitTable(storage::ObjectStore& lake, StagedTable staged);

// Instead of step 2: deletes the files step 1 wrote that the table's current version does not
// reference, so a build that fails after staging leaves only the previous version behind.
void AbandonStaged(storage::ObjectStore& lake, const StagedTable& staged);

// The data file name of a partition: part-<32 hex of SHA-256 over the schema and the encoded
// column chunks (everything before the footer, so a new writer version alone renames nothing)>
// .parquet. Staging encodes each partition, names it so and skips the write when its partition's
// live file has that name.
std::string ContentFileName(const LakeTable& table, const parquet::Batch& rows,
                            const parquet::WriterOptions& options);

}  // namespace uw::tables
