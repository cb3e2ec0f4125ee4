// ParseCommit from action_json.h. Tolerant of what other writers add (unknown actions and
// fields), strict about what replay needs (paths, sizes, schema).
#include <simdjson.h>

#include "core/error.h"
#include "delta/action_json.h"
#include "delta/path_encoding.h"

namespace uw::delta {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

constexpr auto kOk = simdjson::SUCCESS;

class ActionParser {
 public:
  explicit ActionParser(int64_t version) : version_(version) {}

  void ParseLine(std::string_view line, Commit& commit) {
    object action;
    if (parser_.parse(line.data(), line.size()).get_object().get(action) != kOk) {
      Fail(ErrorCode::kCorrupt, "Delta log version {}: a line is not a JSON object", version_);
    }
    for (auto [key, value] : action) {
      if (key == "add") {
        commit.adds.push_back(Add(Obj(value, key)));
      } else if (key == "remove") {
        commit.removes.push_back(Remove(Obj(value, key)));
      } else if (key == "metaData") {
        commit.metadata = MetadataOf(Obj(value, key));
      } else if (key == "protocol") {
        commit.protocol = ProtocolOf(Obj(value, key));
      } else if (key == "commitInfo") {
        commit.commit_info = CommitInfoOf(Obj(value, key));
      }
    }
  }

 private:
  [[noreturn]] void Corrupt(std::string_view action, std::string_view what) const {
    Fail(ErrorCode::kCorrupt, "Delta log version {}: {} action {}", version_, action, what);
  }
  object Obj(element value, std::string_view action) const {
    object out;
    if (value.get_object().get(out) != kOk) Corrupt(action, "is not an object");
    return out;
  }
  std::string Str(object o, std::string_view field, std::string_view action) const {
    std::string_view out;
    if (o[field].get_string().get(out) != kOk)
      Corrupt(action, fmt::format("has no string '{}'", field));
    return std::string(out);
  }
  int64_t Int(object o, std::string_view field, std::string_view action) const {
    int64_t out = 0;
    if (o[field].get_int64().get(out) != kOk)
      Corrupt(action, fmt::format("has no integer '{}'", field));
    return out;
  }
  std::string Path(object o, std::string_view action) const {
    const auto decoded = DecodeLogPath(Str(o, "path", action));
    if (!decoded || decoded->empty()) Corrupt(action, "has a malformed path");
    return *decoded;
  }
  PartitionValues Partitions(object o, std::string_view action) const {
    PartitionValues out;
    object values;
    if (o["partitionValues"].get_object().get(values) != kOk) return out;
    for (auto [column, value] : values) {
      std::string_view text;
      if (value.is_null()) {
        out[std::string(column)] = std::nullopt;
      } else if (value.get_string().get(text) == kOk) {
        out[std::string(column)] = std::string(text);
      } else {
        Corrupt(action, "has a partition value that is not a string");
      }
    }
    return out;
  }

  AddFile Add(object o) const {
    AddFile add;
    add.path = Path(o, "add");
    add.partition_values = Partitions(o, "add");
    const int64_t size = Int(o, "size", "add");
    if (size < 0) Corrupt("add", "has a negative size");
    add.size_bytes = static_cast<uint64_t>(size);
    add.modification_time_ms = Int(o, "modificationTime", "add");
    bool data_change = true;
    if (o["dataChange"].get_bool().get(data_change) == kOk) add.data_change = data_change;
    std::string_view stats;
    if (o["stats"].get_string().get(stats) == kOk) add.stats_json = std::string(stats);
    return add;
  }
  RemoveFile Remove(object o) const {
    RemoveFile remove;
    remove.path = Path(o, "remove");
    int64_t value = 0;
    if (o["deletionTimestamp"].get_int64().get(value) == kOk) remove.deletion_timestamp_ms = value;
    bool data_change = true;
    if (o["dataChange"].get_bool().get(data_change) == kOk) remove.data_change = data_change;
    remove.partition_values = Partitions(o, "remove");
    if (o["size"].get_int64().get(value) == kOk && value >= 0)
      remove.size_bytes = static_cast<uint64_t>(value);
    return remove;
  }
  Metadata MetadataOf(object o) const {
    Metadata metadata;
    metadata.id = Str(o, "id", "metaData");
    metadata.schema = ParseSchemaString(Str(o, "schemaString", "metaData"));
    simdjson::dom::array columns;
    if (o["partitionColumns"].get_array().get(columns) != kOk)
      Corrupt("metaData", "has no partitionColumns");
    for (element column : columns) {
      std::string_view name;
      if (column.get_string().get(name) != kOk)
        Corrupt("metaData", "has a partition column that is not a string");
      metadata.partition_columns.emplace_back(name);
    }
    int64_t created = 0;
    if (o["createdTime"].get_int64().get(created) == kOk) metadata.created_time_ms = created;
    return metadata;
  }
  Protocol ProtocolOf(object o) const {
    Protocol protocol;
    protocol.min_reader_version = static_cast<int>(Int(o, "minReaderVersion", "protocol"));
    protocol.min_writer_version = static_cast<int>(Int(o, "minWriterVersion", "protocol"));
    // Reader 2 adds column mapping, 3 table features such as deletion vectors: reading those
    // tables as if they were version 1 would return wrong rows.
    if (protocol.min_reader_version > 1) {
      Fail(ErrorCode::kInput,
           "Delta log version {}: the table needs Delta reader version {}; only 1 is supported",
           version_, protocol.min_reader_version);
    }
    return protocol;
  }
  CommitInfo CommitInfoOf(object o) const {
    CommitInfo info;
    int64_t timestamp = 0;
    if (o["timestamp"].get_int64().get(timestamp) == kOk) info.timestamp_ms = timestamp;
    std::string_view operation;
    if (o["operation"].get_string().get(operation) == kOk) info.operation = std::string(operation);
    return info;
  }

  int64_t version_;
  simdjson::dom::parser parser_;
};

}  // namespace

Commit ParseCommit(std::string_view text, int64_t version) {
  ActionParser parser(version);
  Commit commit;
  size_t start = 0;
  bool any_line = false;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) {
      parser.ParseLine(line, commit);
      any_line = true;
    }
    start = end + 1;
  }
  if (!any_line) Fail(ErrorCode::kCorrupt, "Delta log version {}: the commit is empty", version);
  return commit;
}

}  // namespace uw::delta
