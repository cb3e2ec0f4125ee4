// The Delta Lake log actions we write and read (tech.md §3.2): protocol, metaData, add, remove,
// commitInfo. Plain structs; serialisation is in action_json.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parquet/schema.h"

namespace uw::delta {

// Partition column -> serialised value ("2024", "3"); nullopt is a null partition value.
using PartitionValues = std::map<std::string, std::optional<std::string>>;

struct Protocol {
  int min_reader_version = 1;
  int min_writer_version = 2;
};

struct Metadata {
  std::string id;  // a UUID, fixed for the life of the table
  parquet::Schema schema;
  std::vector<std::string> partition_columns;
  int64_t created_time_ms = 0;
};

// A data file of the table. `path` is relative to the table root and NOT URI-encoded here; the
// encoding happens when the action is serialised.
struct AddFile {
  std::string path;
  PartitionValues partition_values;
  uint64_t size_bytes = 0;
  int64_t modification_time_ms = 0;
  bool data_change = true;
  std::string stats_json;  // the add.stats string (file_stats.h), empty when absent
};

struct RemoveFile {
  std::string path;  // relative, not URI-encoded (as AddFile)
  int64_t deletion_timestamp_ms = 0;
  bool data_change = true;
  PartitionValues partition_values;
  std::optional<uint64_t> size_bytes;
};

struct CommitInfo {
  int64_t timestamp_ms = 0;
  std::string operation;  // "CREATE TABLE", "WRITE", …
  std::map<std::string, std::string> operation_parameters;
  bool is_blind_append = false;
};

// One commit's actions, in the order they are written.
struct Commit {
  std::optional<CommitInfo> commit_info;
  std::optional<Protocol> protocol;
  std::optional<Metadata> metadata;
  std::vector<AddFile> adds;
  std::vector<RemoveFile> removes;
};

}  // namespace uw::delta
