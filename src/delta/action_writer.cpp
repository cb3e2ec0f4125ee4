// SerializeCommit from action_json.h: one JSON object per line, in Spark's order (commitInfo,
// protocol, metaData, then file actions).
#include <fmt/format.h>

#include "core/text.h"
#include "core/version.h"
#include "delta/action_json.h"
#include "delta/path_encoding.h"

namespace uw::delta {
namespace {

void AppendPartitionValues(std::string& out, const PartitionValues& values) {
  out += "{";
  bool first = true;
  for (const auto& [column, value] : values) {
    if (!first) out.push_back(',');
    first = false;
    core::AppendJsonString(out, column);
    out.push_back(':');
    if (value) {
      core::AppendJsonString(out, *value);
    } else {
      out += "null";
    }
  }
  out += "}";
}

void AppendCommitInfo(std::string& out, const CommitInfo& info) {
  out += fmt::format(R"({{"commitInfo":{{"timestamp":{},"operation":)", info.timestamp_ms);
  core::AppendJsonString(out, info.operation);
  out += R"(,"operationParameters":{)";
  bool first = true;
  for (const auto& [key, value] : info.operation_parameters) {
    if (!first) out.push_back(',');
    first = false;
    core::AppendJsonString(out, key);
    out.push_back(':');
    core::AppendJsonString(out, value);
  }
  out += fmt::format(R"(}},"isBlindAppend":{},"engineInfo":)", info.is_blind_append);
  core::AppendJsonString(out, fmt::format("unwrapped/{}", kVersion));
  out += "}}\n";
}

void AppendMetadata(std::string& out, const Metadata& metadata) {
  out += R"({"metaData":{"id":)";
  core::AppendJsonString(out, metadata.id);
  out += R"(,"format":{"provider":"parquet","options":{}},"schemaString":)";
  core::AppendJsonString(out, SchemaString(metadata.schema));
  out += R"(,"partitionColumns":[)";
  for (size_t i = 0; i < metadata.partition_columns.size(); ++i) {
    if (i > 0) out.push_back(',');
    core::AppendJsonString(out, metadata.partition_columns[i]);
  }
  out += fmt::format(R"(],"configuration":{{}},"createdTime":{}}}}})", metadata.created_time_ms);
  out.push_back('\n');
}

void AppendAdd(std::string& out, const AddFile& add) {
  out += R"({"add":{"path":)";
  core::AppendJsonString(out, EncodeLogPath(add.path));
  out += R"(,"partitionValues":)";
  AppendPartitionValues(out, add.partition_values);
  out += fmt::format(R"(,"size":{},"modificationTime":{},"dataChange":{})", add.size_bytes,
                     add.modification_time_ms, add.data_change);
  if (!add.stats_json.empty()) {
    out += R"(,"stats":)";
    core::AppendJsonString(out, add.stats_json);
  }
  out += "}}\n";
}

void AppendRemove(std::string& out, const RemoveFile& remove) {
  out += R"({"remove":{"path":)";
  core::AppendJsonString(out, EncodeLogPath(remove.path));
  out += fmt::format(
      R"(,"deletionTimestamp":{},"dataChange":{},"extendedFileMetadata":{},"partitionValues":)",
      remove.deletion_timestamp_ms, remove.data_change, remove.size_bytes.has_value());
  AppendPartitionValues(out, remove.partition_values);
  if (remove.size_bytes) out += fmt::format(R"(,"size":{})", *remove.size_bytes);
  out += "}}\n";
}

}  // namespace

std::string SerializeCommit(const Commit& commit) {
  std::string out;
  if (commit.commit_info) AppendCommitInfo(out, *commit.commit_info);
  if (commit.protocol) {
    out += fmt::format(R"({{"protocol":{{"minReaderVersion":{},"minWriterVersion":{}}}}})",
                       commit.protocol->min_reader_version, commit.protocol->min_writer_version);
    out.push_back('\n');
  }
  if (commit.metadata) AppendMetadata(out, *commit.metadata);
  for (const auto& remove : commit.removes) AppendRemove(out, remove);
  for (const auto& add : commit.adds) AppendAdd(out, add);
  return out;
}

}  // namespace uw::delta
