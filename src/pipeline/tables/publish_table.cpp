#include "pipeline/tables/publish_table.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>

#include "core/sha256.h"
#include "delta/batch_stats.h"
#include "delta/snapshot.h"
#include "delta/vacuum.h"
#include "parquet/parallel.h"

namespace uw::tables {
namespace {

// Bump when the bytes written for the same rows change (encoding, layout), so files rewrite.
// Part of every content hash; kept as first published so existing lakes keep their file names.
constexpr std::string_view kFormatTag = "unwrapped-silver-file-v1";

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

template <typename T>
void HashSpan(core::Sha256& hasher, std::span<const T> values) {
  const uint64_t count = values.size();
  hasher.Update(&count, sizeof count);
  hasher.Update(values.data(), values.size_bytes());
}

void HashColumn(core::Sha256& hasher, const parquet::ColumnVector& column) {
  HashSpan(hasher, column.validity());
  switch (column.type()) {
    case parquet::ColumnType::kBoolean:
      HashSpan(hasher, column.bools());
      break;
    case parquet::ColumnType::kInt32:
    case parquet::ColumnType::kDate:
      HashSpan(hasher, column.int32s());
      break;
    case parquet::ColumnType::kInt64:
    case parquet::ColumnType::kTimestamp:
      HashSpan(hasher, column.int64s());
      break;
    case parquet::ColumnType::kDouble:
      HashSpan(hasher, column.doubles());
      break;
    case parquet::ColumnType::kString:
      HashSpan(hasher, column.offsets());
      HashSpan(hasher, std::span<const char>(column.chars().data(), column.chars().size()));
      break;
  }
}

std::string PartitionDir(const delta::PartitionValues& values) {
  std::string dir;
  for (const std::string& column : {std::string("year"), std::string("month")}) {
    const auto it = values.find(column);
    if (it != values.end())
      dir += column + '=' + it->second.value_or("__HIVE_DEFAULT_PARTITION__") + '/';
  }
  return dir;
}

std::string PartitionText(const delta::PartitionValues& values) {
  std::string dir = PartitionDir(values);
  if (dir.empty()) return "table";
  dir.pop_back();
  return dir;
}

struct Plan {
  std::vector<size_t> to_write;            // partition indices
  std::vector<std::string> file_keys;      // per partition
  std::vector<std::string> replaced_keys;  // live files to remove
  size_t unchanged = 0, vanished = 0;
};

Plan PlanPublish(const std::optional<delta::Snapshot>& snapshot, const std::string& table_root,
                 const LakeTable& table, const parquet::WriterOptions& options) {
  Plan plan;
  std::map<delta::PartitionValues, std::vector<std::string>> live;  // partition -> live paths
  if (snapshot) {
    for (const auto& [path, add] : snapshot->live_files) live[add.partition_values].push_back(path);
  }
  const bool same_schema = snapshot && snapshot->metadata.schema == table.DeltaSchema();
  for (size_t i = 0; i < table.partitions.size(); ++i) {
    const TablePartition& partition = table.partitions[i];
    const std::string path =
        PartitionDir(partition.values) + ContentFileName(table, partition.rows, options);
    plan.file_keys.push_back(delta::DataFileKey(table_root, path));
    auto it = live.find(partition.values);
    const bool unchanged =
        same_schema && it != live.end() && it->second.size() == 1 && it->second.front() == path;
    if (unchanged) {
      ++plan.unchanged;
    } else {
      plan.to_write.push_back(i);
      if (it != live.end()) {
        for (const std::string& old : it->second)
          plan.replaced_keys.push_back(delta::DataFileKey(table_root, old));
      }
    }
    if (it != live.end()) live.erase(it);
  }
  if (table.partial) return plan;             // the partitions not listed stay as they are
  for (const auto& [values, paths] : live) {  // partitions that no longer have rows
    ++plan.vanished;
    for (const std::string& old : paths)
      plan.replaced_keys.push_back(delta::DataFileKey(table_root, old));
  }
  return plan;
}

// add.stats numRecords, or 0 when the file has no stats.
uint64_t NumRecords(const std::string& stats_json) {
  const size_t at = stats_json.find("\"numRecords\":");
  return at == std::string::npos ? 0 : std::strtoull(stats_json.c_str() + at + 13, nullptr, 10);
}

// A partial table's summary covers the whole table: the partitions it keeps count as unchanged
// and their rows (from the Delta stats) are added to the rows it writes.
void CountKeptPartitions(const delta::Snapshot& snapshot, const LakeTable& table,
                         PublishedTable& result) {
  for (const auto& [path, add] : snapshot.live_files) {
    const bool listed =
        std::any_of(table.partitions.begin(), table.partitions.end(),
                    [&](const TablePartition& p) { return p.values == add.partition_values; });
    if (listed) continue;
    result.rows += NumRecords(add.stats_json);
    ++result.partitions_unchanged;
  }
}

}  // namespace

std::string ContentFileName(const LakeTable& table, const parquet::Batch& rows,
                            const parquet::WriterOptions& options) {
  core::Sha256 hasher;
  hasher.Update(kFormatTag);
  const int codec = int(options.codec);
  hasher.Update(&codec, sizeof codec);
  for (const parquet::Field& field : table.schema.fields()) {
    hasher.Update(field.name);
    const int type = int(field.type) * 2 + int(field.nullable);
    hasher.Update(&type, sizeof type);
  }
  for (size_t c = 0; c < rows.num_columns(); ++c) HashColumn(hasher, rows.column(c));
  return "part-" + hasher.HexDigest().substr(0, 32) + ".parquet";
}

StagedTable StageTable(storage::ObjectStore& lake, const std::string& table_root,
                       const LakeTable& table, const parquet::WriterOptions& options) {
  StagedTable staged;
  PublishedTable& result = staged.result;
  result.name = table.name;
  result.rows = table.num_rows();
  // Files no version references (a build killed before its commit) go first, under the lock.
  // Without a log the folder is the leftover of a first build that never committed.
  result.orphans_removed = lake.RemoveAbandonedTemporaries(table_root);
  auto snapshot = delta::ReadSnapshot(lake, table_root);
  if (snapshot) {
    result.orphans_removed += delta::VacuumUnreferenced(lake, table_root, 0, NowMs()).size();
  } else {
    for (const storage::ObjectInfo& object : lake.List(table_root)) {
      result.orphans_removed += lake.Delete(object.key) ? 1 : 0;
    }
  }

  Plan plan = PlanPublish(snapshot, table_root, table, options);
  result.partitions_unchanged = plan.unchanged;
  if (table.partial && snapshot) CountKeptPartitions(*snapshot, table, result);
  result.partitions_removed = plan.vanished;
  result.version = snapshot ? snapshot->version : -1;
  const bool schema_changed = !snapshot || snapshot->metadata.schema != table.DeltaSchema();
  if (plan.to_write.empty() && plan.replaced_keys.empty() && !schema_changed) return staged;

  std::vector<delta::NewDataFile> added(plan.to_write.size());
  parquet::WriterOptions file_options = options;
  file_options.threads = 1;  // parallel across files instead
  parquet::ParallelFor(plan.to_write.size(), parquet::DefaultThreads(), [&](size_t i) {
    const TablePartition& partition = table.partitions[plan.to_write[i]];
    std::string bytes = parquet::WriteParquet(partition.rows, file_options);
    delta::NewDataFile& file = added[i];
    file.key = plan.file_keys[plan.to_write[i]];
    file.size_bytes = bytes.size();
    file.partition_values = partition.values;
    file.stats_json = delta::StatsJson(delta::StatsOfBatch(partition.rows));
    lake.Put(file.key, bytes);
  });
  for (const size_t i : plan.to_write) {
    result.rewritten.push_back(PartitionText(table.partitions[i].values));
  }
  for (const delta::NewDataFile& file : added) result.bytes_written += file.size_bytes;
  // A partition's new file may be the very file it replaces (same rows, schema changed only in
  // metadata): never remove what we just added.
  std::erase_if(plan.replaced_keys, [&](const std::string& key) {
    return std::any_of(added.begin(), added.end(), [&](const auto& f) { return f.key == key; });
  });

  result.partitions_written = plan.to_write.size();
  staged.needs_commit = true;
  delta::PublishRequest& request = staged.request;
  request.table_root = table_root;
  request.schema = table.DeltaSchema();
  request.partition_columns = table.partition_columns;
  request.added = std::move(added);
  request.replaced_keys = std::move(plan.replaced_keys);
  request.operation = "WRITE";
  return staged;
}

PublishedTable CommitTable(storage::ObjectStore& lake, StagedTable staged) {
  if (!staged.needs_commit) return staged.result;
  const delta::PublishResult published = delta::Publish(lake, staged.request);
  staged.result.version = published.version;
  staged.result.committed = true;
  return staged.result;
}

}  // namespace uw::tables
