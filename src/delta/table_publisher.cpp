#include "delta/table_publisher.h"

#include <algorithm>
#include <chrono>

#include "core/error.h"
#include "delta/uuid.h"

namespace uw::delta {
namespace {

int64_t SystemNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string RelativePath(std::string_view table_root, std::string_view key) {
  const std::string prefix = DataFileKey(table_root, "");
  if (!key.starts_with(prefix) || key.size() == prefix.size()) {
    Fail(ErrorCode::kInternal, "data file {} is not under the table root {}", key, prefix);
  }
  return std::string(key.substr(prefix.size()));
}

void CheckPartitionValues(const PublishRequest& request, const NewDataFile& file) {
  bool ok = file.partition_values.size() == request.partition_columns.size();
  for (const auto& column : request.partition_columns)
    ok = ok && file.partition_values.count(column) != 0;
  if (!ok)
    Fail(ErrorCode::kInternal, "{}: partition values do not match the partition columns", file.key);
}

AddFile MakeAdd(const storage::ObjectStore& store, const PublishRequest& request,
                const NewDataFile& file, int64_t now_ms) {
  CheckPartitionValues(request, file);
  // Spark reads the footer at size - 8, so the logged size must be the stored size exactly.
  const auto info = store.Stat(file.key);
  if (!info) Fail(ErrorCode::kNotFound, "{}: data file to publish does not exist", file.key);
  if (info->size_bytes != file.size_bytes) {
    Fail(ErrorCode::kInternal, "{}: size is {} bytes, the publisher was told {}", file.key,
         info->size_bytes, file.size_bytes);
  }
  AddFile add;
  add.path = RelativePath(request.table_root, file.key);
  add.partition_values = file.partition_values;
  add.size_bytes = file.size_bytes;
  add.modification_time_ms = info->modified_ms > 0 ? info->modified_ms : now_ms;
  add.stats_json = file.stats_json;
  return add;
}

// Version 0's protocol and metaData, or a new metaData when the schema changed.
void DescribeTable(Commit& commit, const std::optional<Snapshot>& existing,
                   const PublishRequest& request, int64_t now_ms) {
  if (existing && existing->metadata.partition_columns != request.partition_columns) {
    Fail(ErrorCode::kInput, "{}: the table is partitioned differently; rebuild it instead",
         request.table_root);
  }
  if (existing && existing->metadata.schema == request.schema) return;
  request.schema.ValidateForWriting();
  Metadata metadata;
  metadata.id = existing ? existing->metadata.id : RandomUuid();
  metadata.created_time_ms = existing ? existing->metadata.created_time_ms : now_ms;
  metadata.schema = request.schema;
  metadata.partition_columns = request.partition_columns;
  commit.metadata = std::move(metadata);
  if (!existing) commit.protocol = Protocol{};
}

const AddFile* LiveFile(const std::optional<Snapshot>& snapshot, const std::string& path) {
  if (!snapshot) return nullptr;
  const auto it = snapshot->live_files.find(path);
  return it == snapshot->live_files.end() ? nullptr : &it->second;
}

Commit BuildCommit(const storage::ObjectStore& store, const PublishRequest& request,
                   const std::optional<Snapshot>& existing, int64_t now_ms) {
  Commit commit;
  DescribeTable(commit, existing, request, now_ms);
  for (const auto& file : request.added)
    commit.adds.push_back(MakeAdd(store, request, file, now_ms));
  for (const auto& key : request.replaced_keys) {
    const std::string path = RelativePath(request.table_root, key);
    const AddFile* live = LiveFile(existing, path);
    if (live == nullptr)
      Fail(ErrorCode::kConflict, "{}: the file to replace is not part of the table", key);
    commit.removes.push_back({path, now_ms, true, live->partition_values, live->size_bytes});
  }
  CommitInfo info;
  info.timestamp_ms = now_ms;
  info.operation = existing ? request.operation : "CREATE TABLE";
  info.is_blind_append = request.replaced_keys.empty();
  info.operation_parameters["mode"] = request.replaced_keys.empty() ? "Append" : "Overwrite";
  std::string partition_by = "[";
  for (const auto& column : request.partition_columns) {
    partition_by += (partition_by.size() > 1 ? ",\"" : "\"") + column + "\"";
  }
  info.operation_parameters["partitionBy"] = partition_by + "]";
  commit.commit_info = std::move(info);
  return commit;
}

}  // namespace

PublishResult Publish(storage::ObjectStore& store, const PublishRequest& request) {
  const int64_t now_ms = request.now_ms != 0 ? request.now_ms : SystemNowMs();
  const auto existing = ReadSnapshot(store, request.table_root);
  Commit commit = BuildCommit(store, request, existing, now_ms);
  Snapshot snapshot = existing.value_or(Snapshot{});
  PublishResult result;
  result.version =
      CommitVersion(store, request.table_root, snapshot, std::move(commit), request.rule);
  result.files_added = request.added.size();
  // Only after the commit: until then the replaced files are the table.
  for (const auto& key : request.replaced_keys) {
    store.Delete(key);
    ++result.files_removed;
  }
  return result;
}

std::vector<std::string> LiveFileKeysIn(const Snapshot& snapshot, std::string_view table_root,
                                        const std::vector<PartitionValues>& partitions) {
  std::vector<std::string> keys;
  for (const auto& [path, add] : snapshot.live_files) {
    if (std::find(partitions.begin(), partitions.end(), add.partition_values) != partitions.end()) {
      keys.push_back(DataFileKey(table_root, path));
    }
  }
  return keys;
}

}  // namespace uw::delta
