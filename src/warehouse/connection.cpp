#include "warehouse/connection.h"

#include <fmt/format.h>

#include "core/civil_time.h"

namespace uw::warehouse {

std::unique_ptr<Connection> Connect(const WarehouseUrl& url) {
  return url.dialect == Dialect::kPostgres ? ConnectPostgres(url) : ConnectSqlite(url);
}

std::optional<std::string> ValueText(const parquet::ColumnVector& column, size_t row) {
  using parquet::ColumnType;
  if (column.IsNull(row)) return std::nullopt;
  switch (column.type()) {
    case ColumnType::kBoolean:
      return column.GetBool(row) ? "true" : "false";
    case ColumnType::kInt32:
      return std::to_string(column.GetInt32(row));
    case ColumnType::kInt64:
      return std::to_string(column.GetInt64(row));
    case ColumnType::kDouble:
      return fmt::format("{}", column.GetDouble(row));  // shortest text that reads back exactly
    case ColumnType::kString:
      return std::string(column.GetString(row));
    case ColumnType::kDate:
      return core::FormatDate(column.GetInt32(row));
    case ColumnType::kTimestamp: {
      // Microseconds, so a value reads back unchanged: 2024-03-01T12:00:00.123456Z.
      const int64_t us = column.GetInt64(row);
      const int64_t seconds = core::FloorDiv(us, 1'000'000);
      const std::string iso = core::FormatIsoSeconds(seconds);  // …:SSZ
      return fmt::format("{}.{:06d}Z", iso.substr(0, iso.size() - 1), us - seconds * 1'000'000);
    }
  }
  return std::nullopt;
}

}  // namespace uw::warehouse
