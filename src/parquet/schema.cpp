#include "parquet/schema.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/error.h"

namespace uw::parquet {

std::string_view ColumnTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kBoolean:
      return "boolean";
    case ColumnType::kInt32:
      return "int32";
    case ColumnType::kInt64:
      return "int64";
    case ColumnType::kDouble:
      return "double";
    case ColumnType::kString:
      return "string";
    case ColumnType::kDate:
      return "date";
    case ColumnType::kTimestamp:
      return "timestamp";
  }
  return "unknown";
}

std::optional<size_t> Schema::IndexOf(std::string_view name) const {
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].name == name) return i;
  }
  return std::nullopt;
}

void Schema::ValidateForWriting() const {
  if (fields_.empty()) Fail(ErrorCode::kInput, "a Parquet schema needs at least one column");
  std::set<std::string> lower_names;
  for (const auto& f : fields_) {
    const bool ok =
        !f.name.empty() && std::all_of(f.name.begin(), f.name.end(),
                                       [](unsigned char c) { return std::isalnum(c) || c == '_'; });
    if (!ok) Fail(ErrorCode::kInput, "column name \"{}\" must be non-empty [A-Za-z0-9_]", f.name);
    std::string lower = f.name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (!lower_names.insert(lower).second) {
      Fail(ErrorCode::kInput,
           "column name \"{}\" is not unique (names are compared case-insensitively)", f.name);
    }
  }
}

}  // namespace uw::parquet
