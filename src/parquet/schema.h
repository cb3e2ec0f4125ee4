// The logical schema of a flat Parquet file as the rest of the project sees it: named columns of
// seven value types, each REQUIRED or OPTIONAL (nullable). How these map onto Parquet physical
// and logical types is in file_schema.h.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uw::parquet {

enum class ColumnType {
  kBoolean,
  kInt32,
  kInt64,
  kDouble,
  kString,     // UTF-8 text (the reader also maps unannotated BYTE_ARRAY here)
  kDate,       // days since 1970-01-01, int32
  kTimestamp,  // microseconds since 1970-01-01T00:00:00Z, int64
};

std::string_view ColumnTypeName(ColumnType type);  // "boolean", "int32", … "timestamp"

struct Field {
  std::string name;
  ColumnType type = ColumnType::kString;
  bool nullable = true;

  bool operator==(const Field&) const = default;
};

class Schema {
 public:
  Schema() = default;
  explicit Schema(std::vector<Field> fields) : fields_(std::move(fields)) {}

  size_t size() const { return fields_.size(); }
  const Field& field(size_t i) const { return fields_[i]; }
  const std::vector<Field>& fields() const { return fields_; }
  // Position of the column with this exact name, or nullopt.
  std::optional<size_t> IndexOf(std::string_view name) const;
  // Throws Error(kInput) unless there is at least one column and every name is non-empty,
  // made of [A-Za-z0-9_] (what Delta/Spark accept without column mapping) and unique
  // case-insensitively. The writer calls this; readers accept any names.
  void ValidateForWriting() const;

  bool operator==(const Schema&) const = default;

 private:
  std::vector<Field> fields_;
};

}  // namespace uw::parquet
