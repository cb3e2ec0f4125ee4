#include "pipeline/tables/publish_table.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>

#include "core/error.h"
#include "core/sha256.h"
#include "delta/batch_stats.h"
#include "delta/snapshot.h"
#include "delta/vacuum.h"
#include "parquet/parallel.h"
#include "pipeline/tables/table_checks.h"

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
  // Hashing every row is most of the planning: the partitions are hashed in parallel.
  std::vector<std::string> names(table.partitions.size());
  parquet::ParallelFor(names.size(), parquet::DefaultThreads(), [&](size_t i) {
    names[i] = ContentFileName(table, table.partitions[i].rows, options);
  });
  for (size_t i = 0; i < table.partitions.size(); ++i) {
    const TablePartition& partition = table.partitions[i];
    const std::string path = PartitionDir(partition.values) + names[i];
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

namespace {

// Files no version references (a build killed before its commit) go first, under the lock.
// Without a log the folder is the leftover of a first build that never committed.
std::optional<delta::Snapshot> RemoveOrphans(storage::ObjectStore& lake,
                                             const std::string& table_root,
                                             PublishedTable& result) {
  result.orphans_removed = lake.RemoveAbandonedTemporaries(table_root);
  auto snapshot = delta::ReadSnapshot(lake, table_root);
  if (snapshot) {
    result.orphans_removed += delta::VacuumUnreferenced(lake, table_root, 0, NowMs()).size();
  } else {
    for (const storage::ObjectInfo& object : lake.List(table_root)) {
      result.orphans_removed += lake.Delete(object.key) ? 1 : 0;
    }
  }
  return snapshot;
}

// One partition's file: its bytes stored under `key`, with the Delta stats of its rows.
delta::NewDataFile WritePartition(storage::ObjectStore& lake, const std::string& key,
                                  const TablePartition& partition,
                                  const parquet::WriterOptions& options) {
  parquet::WriterOptions file_options = options;
  file_options.threads = 1;  // parallel across files instead
  std::string bytes = parquet::WriteParquet(partition.rows, file_options);
  delta::NewDataFile file;
  file.key = key;
  file.size_bytes = bytes.size();
  file.partition_values = partition.values;
  file.stats_json = delta::StatsJson(delta::StatsOfBatch(partition.rows));
  lake.Put(file.key, bytes);
  return file;
}

// The Delta commit of a staged table: `added` the files written for the partitions `written`,
// `replaced_keys` the live files they (or vanished partitions) replace.
void FinishStaging(const std::string& table_root, const LakeTable& table,
                   const std::vector<delta::PartitionValues>& written,
                   std::vector<delta::NewDataFile> added, std::vector<std::string> replaced_keys,
                   StagedTable& staged) {
  PublishedTable& result = staged.result;
  for (const delta::PartitionValues& values : written) {
    result.rewritten.push_back(PartitionText(values));
  }
  for (const delta::NewDataFile& file : added) result.bytes_written += file.size_bytes;
  // A partition's new file may be the very file it replaces (same rows, schema changed only in
  // metadata): never remove what we just added.
  std::erase_if(replaced_keys, [&](const std::string& key) {
    return std::any_of(added.begin(), added.end(), [&](const auto& f) { return f.key == key; });
  });

  result.partitions_written = written.size();
  staged.needs_commit = true;
  delta::PublishRequest& request = staged.request;
  request.table_root = table_root;
  request.schema = table.DeltaSchema();
  request.partition_columns = table.partition_columns;
  request.added = std::move(added);
  request.replaced_keys = std::move(replaced_keys);
  request.operation = "WRITE";
}

// The key check of a streamed table without holding its partitions. A single non-null string
// key (event_id) keeps only a 64-bit hash per row; only when two hashes are equal are the key
// columns rebuilt for the exact check (CheckTable's messages). Any other key keeps its columns.
class StreamedKeys {
 public:
  explicit StreamedKeys(const StreamedTable& table) : table_(table) {
    const LakeTable& shape = table.shape;
    keys_.name = shape.name;
    keys_.partition_columns = shape.partition_columns;
    keys_.key = shape.key;
    std::vector<parquet::Field> fields;
    for (const std::string& column : shape.key) {
      const auto index = shape.schema.IndexOf(column);
      if (!index) Fail(ErrorCode::kInternal, "{}: no key column {}", shape.name, column);
      columns_.push_back(*index);
      fields.push_back(shape.schema.field(*index));
    }
    hashes_only_ =
        fields.size() == 1 && fields[0].type == parquet::ColumnType::kString && !fields[0].nullable;
    keys_.schema = parquet::Schema(std::move(fields));
    for (const delta::PartitionValues& values : table.partitions) {
      keys_.partitions.push_back({values, parquet::Batch(keys_.schema)});
    }
    hashes_.resize(table.partitions.size());
  }

  // Called once per partition, concurrently for different partitions.
  void Add(size_t partition, const parquet::Batch& rows) {
    if (!hashes_only_) return Keep(partition, rows);
    const parquet::ColumnVector& values = rows.column(columns_[0]);
    std::vector<uint64_t>& hashes = hashes_[partition];
    hashes.reserve(values.size());
    for (size_t row = 0; row < values.size(); ++row) {
      hashes.push_back(std::hash<std::string_view>{}(values.GetString(row)));
    }
  }

  std::vector<std::string> Problems() {
    if (hashes_only_) {
      std::vector<uint64_t> all;
      for (std::vector<uint64_t>& hashes : hashes_) {
        all.insert(all.end(), hashes.begin(), hashes.end());
        std::vector<uint64_t>().swap(hashes);
      }
      std::sort(all.begin(), all.end());
      if (std::adjacent_find(all.begin(), all.end()) == all.end()) return {};
      parquet::ParallelFor(table_.partitions.size(), parquet::DefaultThreads(),
                           [&](size_t i) { Keep(i, table_.build(i)); });
    }
    return KeyProblems(keys_);
  }

 private:
  void Keep(size_t partition, const parquet::Batch& rows) {
    parquet::Batch& kept = keys_.partitions[partition].rows;
    for (size_t k = 0; k < columns_.size(); ++k) {
      kept.column(k).AppendRange(rows.column(columns_[k]), 0, rows.num_rows());
    }
  }

  const StreamedTable& table_;
  std::vector<size_t> columns_;  // of the key, in the table's schema
  bool hashes_only_ = false;
  std::vector<std::vector<uint64_t>> hashes_;  // per partition
  LakeTable keys_;                             // the key columns, when kept
};

}  // namespace

StagedTable StageTable(storage::ObjectStore& lake, const std::string& table_root,
                       const LakeTable& table, const parquet::WriterOptions& options) {
  StagedTable staged;
  PublishedTable& result = staged.result;
  result.name = table.name;
  result.rows = table.num_rows();
  auto snapshot = RemoveOrphans(lake, table_root, result);

  Plan plan = PlanPublish(snapshot, table_root, table, options);
  result.partitions_unchanged = plan.unchanged;
  if (table.partial && snapshot) CountKeptPartitions(*snapshot, table, result);
  result.partitions_removed = plan.vanished;
  result.version = snapshot ? snapshot->version : -1;
  const bool schema_changed = !snapshot || snapshot->metadata.schema != table.DeltaSchema();
  if (plan.to_write.empty() && plan.replaced_keys.empty() && !schema_changed) return staged;

  std::vector<delta::NewDataFile> added(plan.to_write.size());
  parquet::ParallelFor(plan.to_write.size(), parquet::DefaultThreads(), [&](size_t i) {
    added[i] = WritePartition(lake, plan.file_keys[plan.to_write[i]],
                              table.partitions[plan.to_write[i]], options);
  });
  std::vector<delta::PartitionValues> written;
  for (const size_t i : plan.to_write) written.push_back(table.partitions[i].values);
  FinishStaging(table_root, table, written, std::move(added), std::move(plan.replaced_keys),
                staged);
  return staged;
}

StagedTable StageStreamedTable(storage::ObjectStore& lake, const std::string& table_root,
                               const StreamedTable& table, const parquet::WriterOptions& options,
                               bool write, std::vector<std::string>& problems) {
  const LakeTable& shape = table.shape;
  const size_t count = table.partitions.size();
  StagedTable staged;
  PublishedTable& result = staged.result;
  result.name = shape.name;
  std::optional<delta::Snapshot> snapshot;
  if (write) snapshot = RemoveOrphans(lake, table_root, result);
  std::map<delta::PartitionValues, std::vector<std::string>> live;  // partition -> live paths
  if (snapshot) {
    for (const auto& [path, add] : snapshot->live_files) live[add.partition_values].push_back(path);
  }
  const bool same_schema = snapshot && snapshot->metadata.schema == shape.DeltaSchema();

  StreamedKeys keys(table);

  struct Outcome {
    uint64_t rows = 0;
    NullCounts nulls;
    bool unchanged = false;
    std::optional<delta::NewDataFile> file;
  };
  std::vector<Outcome> outcomes(count);
  parquet::ParallelFor(count, parquet::DefaultThreads(), [&](size_t i) {
    const TablePartition partition{table.partitions[i], table.build(i)};
    Outcome& outcome = outcomes[i];
    outcome.rows = partition.rows.num_rows();
    outcome.nulls = CountNulls(shape, partition);
    keys.Add(i, partition.rows);
    // A partition failing a not-null check cannot be written (the writer refuses it) and will
    // not be published.
    const bool has_nulls = std::any_of(outcome.nulls.nulls.begin(), outcome.nulls.nulls.end(),
                                       [](uint64_t n) { return n != 0; });
    if (!write || has_nulls) return;
    const std::string path =
        PartitionDir(partition.values) + ContentFileName(shape, partition.rows, options);
    const auto it = live.find(partition.values);
    outcome.unchanged =
        same_schema && it != live.end() && it->second.size() == 1 && it->second.front() == path;
    if (!outcome.unchanged) {
      outcome.file = WritePartition(lake, delta::DataFileKey(table_root, path), partition, options);
    }
  });

  std::vector<NullCounts> nulls;
  for (Outcome& outcome : outcomes) {
    result.rows += outcome.rows;
    nulls.push_back(std::move(outcome.nulls));
  }
  std::vector<std::string> found = NullProblems(shape, nulls);
  for (std::string& problem : keys.Problems()) found.push_back(std::move(problem));
  if (!write) {
    for (std::string& problem : found) problems.push_back(std::move(problem));
    return staged;
  }

  // The same plan as PlanPublish, from the outcomes.
  std::vector<delta::PartitionValues> written;
  std::vector<delta::NewDataFile> added;
  std::vector<std::string> replaced_keys;
  for (size_t i = 0; i < count; ++i) {
    const auto it = live.find(table.partitions[i]);
    if (outcomes[i].unchanged) {
      ++result.partitions_unchanged;
    } else if (outcomes[i].file) {
      written.push_back(table.partitions[i]);
      added.push_back(std::move(*outcomes[i].file));
      if (it != live.end()) {
        for (const std::string& old : it->second)
          replaced_keys.push_back(delta::DataFileKey(table_root, old));
      }
    }
    if (it != live.end()) live.erase(it);
  }
  for (const auto& [values, paths] : live) {  // partitions that no longer have rows
    ++result.partitions_removed;
    for (const std::string& old : paths)
      replaced_keys.push_back(delta::DataFileKey(table_root, old));
  }
  result.version = snapshot ? snapshot->version : -1;
  const bool schema_changed = !snapshot || snapshot->metadata.schema != shape.DeltaSchema();
  if (!found.empty()) {  // nothing of this table may be published: drop what was written
    StagedTable abandoned;
    FinishStaging(table_root, shape, written, std::move(added), {}, abandoned);
    AbandonStaged(lake, abandoned);
    for (std::string& problem : found) problems.push_back(std::move(problem));
    return staged;
  }
  if (written.empty() && replaced_keys.empty() && !schema_changed) return staged;
  FinishStaging(table_root, shape, written, std::move(added), std::move(replaced_keys), staged);
  return staged;
}

PublishedTable CommitTable(storage::ObjectStore& lake, StagedTable staged) {
  if (!staged.needs_commit) return staged.result;
  const delta::PublishResult published = delta::Publish(lake, staged.request);
  staged.result.version = published.version;
  staged.result.committed = true;
  return staged.result;
}

void AbandonStaged(storage::ObjectStore& lake, const StagedTable& staged) {
  if (!staged.needs_commit) return;
  const auto snapshot = delta::ReadSnapshot(lake, staged.request.table_root);
  for (const delta::NewDataFile& file : staged.request.added) {
    const bool live =
        snapshot &&
        std::any_of(snapshot->live_files.begin(), snapshot->live_files.end(), [&](const auto& f) {
          return delta::DataFileKey(staged.request.table_root, f.first) == file.key;
        });
    if (!live) lake.Delete(file.key);
  }
}

}  // namespace uw::tables
