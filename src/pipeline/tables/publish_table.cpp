#include "pipeline/tables/publish_table.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <optional>

#include "core/error.h"
#include "core/sha256.h"
#include "delta/footer_stats.h"
#include "parquet/file_writer.h"
#include "delta/snapshot.h"
#include "delta/vacuum.h"
#include "parquet/parallel.h"
#include "pipeline/tables/table_checks.h"

namespace uw::tables {
namespace {

// Bump when what a file's name covers changes, so files rewrite. v2: names hash the encoded data
// pages (v1 hashed the row values before encoding).
constexpr std::string_view kFormatTag = "unwrapped-silver-file-v2";

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The bytes of a Parquet file before its footer: magic and column chunks. Everything in them is
// a function of the rows, the schema and the encoding; the footer adds only what follows from
// them plus the writer's version, which must not rename every file on an upgrade.
std::string_view DataRegion(std::string_view file) {
  uint32_t footer_length = 0;
  if (file.size() < 12) Fail(ErrorCode::kInternal, "a Parquet file of {} bytes", file.size());
  std::memcpy(&footer_length, file.data() + file.size() - 8, 4);
  if (footer_length > file.size() - 12)
    Fail(ErrorCode::kInternal, "a Parquet footer longer than its file");
  return file.substr(0, file.size() - 8 - footer_length);
}

std::string FileNameOf(const parquet::Schema& schema, std::string_view file) {
  core::Sha256 hasher;
  hasher.Update(kFormatTag);
  for (const parquet::Field& field : schema.fields()) {
    hasher.Update(field.name);
    const int type = int(field.type) * 2 + int(field.nullable);
    hasher.Update(&type, sizeof type);
  }
  const std::string_view data = DataRegion(file);
  hasher.Update(data.data(), data.size());
  return "part-" + hasher.HexDigest().substr(0, 32) + ".parquet";
}

// One partition encoded in memory: its file name (by content), bytes and Delta stats.
struct EncodedPartition {
  std::string name;
  std::string bytes;
  std::string stats_json;
};

// `options.threads` says how many columns are encoded at once: 1 when partitions are encoded in
// parallel already.
EncodedPartition Encode(const parquet::Batch& rows, const parquet::WriterOptions& options) {
  EncodedPartition encoded;
  parquet::FileWriter writer =
      parquet::FileWriter::ToString(&encoded.bytes, rows.schema(), options);
  writer.Write(rows);
  writer.Close();
  encoded.name = FileNameOf(rows.schema(), encoded.bytes);
  encoded.stats_json = delta::StatsJson(delta::StatsOfFooter(writer.metadata(), rows.schema()));
  return encoded;
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

using LiveFiles = std::map<delta::PartitionValues, std::vector<std::string>>;

LiveFiles LiveByPartition(const std::optional<delta::Snapshot>& snapshot) {
  LiveFiles live;  // partition -> live paths
  if (snapshot) {
    for (const auto& [path, add] : snapshot->live_files) live[add.partition_values].push_back(path);
  }
  return live;
}

// What staging did with one partition.
struct Outcome {
  bool unchanged = false;
  std::optional<delta::NewDataFile> file;
};

// Encodes a partition and stores it, unless the one live file of its partition is this very
// file (same name, hence same rows and encoding) under the same schema.
Outcome WriteUnlessUnchanged(storage::ObjectStore& lake, const std::string& table_root,
                             const TablePartition& partition, const LiveFiles& live,
                             bool same_schema, const parquet::WriterOptions& options) {
  EncodedPartition encoded = Encode(partition.rows, options);
  const std::string path = PartitionDir(partition.values) + encoded.name;
  const auto it = live.find(partition.values);
  Outcome outcome;
  outcome.unchanged =
      same_schema && it != live.end() && it->second.size() == 1 && it->second.front() == path;
  if (outcome.unchanged) return outcome;
  delta::NewDataFile file;
  file.key = delta::DataFileKey(table_root, path);
  file.size_bytes = encoded.bytes.size();
  file.partition_values = partition.values;
  file.stats_json = std::move(encoded.stats_json);
  lake.Put(file.key, encoded.bytes);
  outcome.file = std::move(file);
  return outcome;
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
  if (!(rows.schema() == table.schema))
    Fail(ErrorCode::kInternal, "{}: rows of another schema", table.name);
  return Encode(rows, options).name;
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
      const bool repeats = AnyHashRepeats();
      hashes_.clear();
      if (!repeats) return {};
      parquet::ParallelFor(table_.partitions.size(), parquet::DefaultThreads(),
                           [&](size_t i) { Keep(i, table_.build(i)); });
    }
    return KeyProblems(keys_);
  }

 private:
  // Whether any hash occurs twice, in one partition or across them. Each hash sets one bit, picked
  // by its low bits, of a bitmap with 8 bits per hash; a second bitmap marks the bits set more
  // than once, and only the hashes on those (about one in nine by chance) are sorted and
  // compared. Two passes over the hashes cost less than sorting them all, and this runs at the
  // end of the fact table, the build's peak of memory: the bitmaps take a quarter to a half of
  // what the hashes take, where a copy of five million hashes cost more than 60 MB.
  bool AnyHashRepeats() const {
    size_t total = 0;
    for (const std::vector<uint64_t>& hashes : hashes_) total += hashes.size();
    const size_t bits = std::bit_ceil(std::max<size_t>(total * 8, 64));
    std::vector<uint64_t> seen(bits / 64), again(bits / 64);
    const auto visit = [&](const auto& fn) {
      for (const std::vector<uint64_t>& hashes : hashes_) {
        for (const uint64_t hash : hashes) {
          const uint64_t bit = hash & (bits - 1);
          fn(hash, bit / 64, uint64_t{1} << (bit % 64));
        }
      }
    };
    visit([&](uint64_t, size_t word, uint64_t mask) {
      again[word] |= seen[word] & mask;
      seen[word] |= mask;
    });
    std::vector<uint64_t> candidates;
    visit([&](uint64_t hash, size_t word, uint64_t mask) {
      if (again[word] & mask) candidates.push_back(hash);
    });
    std::sort(candidates.begin(), candidates.end());
    return std::adjacent_find(candidates.begin(), candidates.end()) != candidates.end();
  }

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

namespace {

// The files a table's staging wrote and replaced, from the outcome of each of its partitions
// (`partitions` in the same order). A partial table leaves the partitions it does not list as
// they are; a whole table removes the files of partitions that no longer have rows.
struct Changes {
  std::vector<delta::PartitionValues> written;
  std::vector<delta::NewDataFile> added;
  std::vector<std::string> replaced_keys;
  size_t unchanged = 0, vanished = 0;
};

Changes ChangesOf(const std::string& table_root, const std::vector<delta::PartitionValues>& partitions,
                  std::vector<Outcome>& outcomes, LiveFiles live, bool partial) {
  Changes changes;
  for (size_t i = 0; i < partitions.size(); ++i) {
    const auto it = live.find(partitions[i]);
    if (outcomes[i].unchanged) {
      ++changes.unchanged;
    } else if (outcomes[i].file) {
      changes.written.push_back(partitions[i]);
      changes.added.push_back(std::move(*outcomes[i].file));
      if (it != live.end()) {
        for (const std::string& old : it->second)
          changes.replaced_keys.push_back(delta::DataFileKey(table_root, old));
      }
    }
    if (it != live.end()) live.erase(it);
  }
  if (partial) return changes;
  for (const auto& [values, paths] : live) {  // partitions that no longer have rows
    ++changes.vanished;
    for (const std::string& old : paths)
      changes.replaced_keys.push_back(delta::DataFileKey(table_root, old));
  }
  return changes;
}

}  // namespace

StagedTable StageTable(storage::ObjectStore& lake, const std::string& table_root,
                       const LakeTable& table, const parquet::WriterOptions& options) {
  StagedTable staged;
  PublishedTable& result = staged.result;
  result.name = table.name;
  result.rows = table.num_rows();
  const auto snapshot = RemoveOrphans(lake, table_root, result);
  const LiveFiles live = LiveByPartition(snapshot);
  const bool same_schema = snapshot && snapshot->metadata.schema == table.DeltaSchema();

  // One partition (a dimension): its columns are encoded in parallel; several: the partitions.
  std::vector<Outcome> outcomes(table.partitions.size());
  parquet::WriterOptions file_options = options;
  if (outcomes.size() > 1) file_options.threads = 1;
  parquet::ParallelFor(outcomes.size(), parquet::DefaultThreads(), [&](size_t i) {
    outcomes[i] = WriteUnlessUnchanged(lake, table_root, table.partitions[i], live, same_schema,
                                       file_options);
  });
  std::vector<delta::PartitionValues> partitions;
  for (const TablePartition& partition : table.partitions) partitions.push_back(partition.values);
  Changes changes = ChangesOf(table_root, partitions, outcomes, live, table.partial);

  result.partitions_unchanged = changes.unchanged;
  if (table.partial && snapshot) CountKeptPartitions(*snapshot, table, result);
  result.partitions_removed = changes.vanished;
  result.version = snapshot ? snapshot->version : -1;
  const bool schema_changed = !same_schema;
  if (changes.written.empty() && changes.replaced_keys.empty() && !schema_changed) return staged;
  FinishStaging(table_root, table, changes.written, std::move(changes.added),
                std::move(changes.replaced_keys), staged);
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
  const LiveFiles live = LiveByPartition(snapshot);
  const bool same_schema = snapshot && snapshot->metadata.schema == shape.DeltaSchema();

  StreamedKeys keys(table);
  parquet::WriterOptions file_options = options;
  file_options.threads = 1;  // parallel across partitions instead
  std::vector<uint64_t> rows(count);
  std::vector<NullCounts> nulls(count);
  std::vector<Outcome> outcomes(count);
  parquet::ParallelFor(count, parquet::DefaultThreads(), [&](size_t n) {
    const size_t i = table.BuildOrder(n);
    const TablePartition partition{table.partitions[i], table.build(i)};
    rows[i] = partition.rows.num_rows();
    nulls[i] = CountNulls(shape, partition);
    keys.Add(i, partition.rows);
    // A partition failing a not-null check cannot be written (the writer refuses it) and will
    // not be published.
    const bool has_nulls = std::any_of(nulls[i].nulls.begin(), nulls[i].nulls.end(),
                                       [](uint64_t n) { return n != 0; });
    if (!write || has_nulls) return;
    outcomes[i] =
        WriteUnlessUnchanged(lake, table_root, partition, live, same_schema, file_options);
  });

  for (const uint64_t n : rows) result.rows += n;
  std::vector<std::string> found = NullProblems(shape, nulls);
  for (std::string& problem : keys.Problems()) found.push_back(std::move(problem));
  if (!write) {
    for (std::string& problem : found) problems.push_back(std::move(problem));
    return staged;
  }

  Changes changes = ChangesOf(table_root, table.partitions, outcomes, live, false);
  result.partitions_unchanged = changes.unchanged;
  result.partitions_removed = changes.vanished;
  result.version = snapshot ? snapshot->version : -1;
  if (!found.empty()) {  // nothing of this table may be published: drop what was written
    StagedTable abandoned;
    FinishStaging(table_root, shape, changes.written, std::move(changes.added), {}, abandoned);
    AbandonStaged(lake, abandoned);
    for (std::string& problem : found) problems.push_back(std::move(problem));
    return staged;
  }
  const bool schema_changed = !same_schema;
  if (changes.written.empty() && changes.replaced_keys.empty() && !schema_changed) return staged;
  FinishStaging(table_root, shape, changes.written, std::move(changes.added),
                std::move(changes.replaced_keys), staged);
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
