// SchemaString / ParseSchemaString from action_json.h.
#include <simdjson.h>

#include "core/error.h"
#include "core/text.h"
#include "delta/action_json.h"

namespace uw::delta {
namespace {

using parquet::ColumnType;

std::string_view SparkTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kBoolean:
      return "boolean";
    case ColumnType::kInt32:
      return "integer";
    case ColumnType::kInt64:
      return "long";
    case ColumnType::kDouble:
      return "double";
    case ColumnType::kString:
      return "string";
    case ColumnType::kDate:
      return "date";
    case ColumnType::kTimestamp:
      return "timestamp";
  }
  Fail(ErrorCode::kInternal, "unknown column type");
}

ColumnType TypeFromSpark(std::string_view name, std::string_view column) {
  if (name == "boolean") return ColumnType::kBoolean;
  if (name == "integer" || name == "short" || name == "byte") return ColumnType::kInt32;
  if (name == "long") return ColumnType::kInt64;
  if (name == "double" || name == "float") return ColumnType::kDouble;
  if (name == "string") return ColumnType::kString;
  if (name == "date") return ColumnType::kDate;
  if (name == "timestamp") return ColumnType::kTimestamp;
  Fail(ErrorCode::kInput, "Delta column '{}' has type '{}', which is not supported", column, name);
}

}  // namespace

std::string SchemaString(const parquet::Schema& schema) {
  std::string out = R"({"type":"struct","fields":[)";
  for (size_t i = 0; i < schema.size(); ++i) {
    const auto& field = schema.field(i);
    if (i > 0) out.push_back(',');
    out += R"({"name":)";
    core::AppendJsonString(out, field.name);
    out += R"(,"type":")";
    out += SparkTypeName(field.type);
    out += field.nullable ? R"(","nullable":true,"metadata":{}})"
                          : R"(","nullable":false,"metadata":{}})";
  }
  out += "]}";
  return out;
}

parquet::Schema ParseSchemaString(std::string_view schema_string) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::dom::array fields;
  if (parser.parse(schema_string.data(), schema_string.size()).get(root) != simdjson::SUCCESS ||
      root["fields"].get_array().get(fields) != simdjson::SUCCESS) {
    Fail(ErrorCode::kCorrupt, "Delta schemaString is not a struct type: {}",
         schema_string.substr(0, 200));
  }
  std::vector<parquet::Field> out;
  for (simdjson::dom::element field : fields) {
    std::string_view name, type;
    bool nullable = true;
    if (field["name"].get_string().get(name) != simdjson::SUCCESS) {
      Fail(ErrorCode::kCorrupt, "Delta schemaString has a field without a name");
    }
    if (field["type"].get_string().get(type) != simdjson::SUCCESS) {
      Fail(ErrorCode::kInput, "Delta column '{}' has a nested type, which is not supported", name);
    }
    if (field["nullable"].get_bool().get(nullable) != simdjson::SUCCESS) nullable = true;
    out.push_back({std::string(name), TypeFromSpark(type, name), nullable});
  }
  return parquet::Schema(std::move(out));
}

}  // namespace uw::delta
