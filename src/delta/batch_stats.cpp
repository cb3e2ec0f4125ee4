#include "delta/batch_stats.h"

#include <cmath>

namespace uw::delta {
namespace {

using parquet::ColumnType;
using parquet::ColumnVector;

// Bounds over the present rows of one column; `get(row)` reads a value as T.
template <typename T, typename Get>
void Bounds(const ColumnVector& column, ColumnStats& stats, Get get) {
  std::optional<T> lo, hi;
  for (size_t row = 0; row < column.size(); ++row) {
    if (column.IsNull(row)) continue;
    const T value = get(row);
    if constexpr (std::is_same_v<T, double>) {
      if (std::isnan(value)) continue;
    }
    if (!lo || value < *lo) lo = value;
    if (!hi || *hi < value) hi = value;
  }
  if (!lo) return;
  if constexpr (std::is_same_v<T, std::string_view>) {
    stats.min = std::string(*lo);
    stats.max = std::string(*hi);
  } else {
    stats.min = *lo;
    stats.max = *hi;
  }
}

ColumnStats StatsOfColumn(const parquet::Field& field, const ColumnVector& column) {
  ColumnStats stats;
  stats.column = field.name;
  stats.type = field.type;
  stats.null_count = int64_t(column.null_count());
  switch (field.type) {
    case ColumnType::kBoolean:
      break;  // Spark collects no boolean bounds; StatsJson would omit them anyway
    case ColumnType::kInt32:
    case ColumnType::kDate:
      Bounds<int64_t>(column, stats, [&](size_t r) { return int64_t(column.GetInt32(r)); });
      break;
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      Bounds<int64_t>(column, stats, [&](size_t r) { return column.GetInt64(r); });
      break;
    case ColumnType::kDouble:
      Bounds<double>(column, stats, [&](size_t r) { return column.GetDouble(r); });
      break;
    case ColumnType::kString:
      Bounds<std::string_view>(column, stats, [&](size_t r) { return column.GetString(r); });
      break;
  }
  return stats;
}

}  // namespace

FileStats StatsOfBatch(const parquet::Batch& batch) {
  FileStats stats;
  stats.num_records = int64_t(batch.num_rows());
  for (size_t i = 0; i < batch.num_columns(); ++i) {
    stats.columns.push_back(StatsOfColumn(batch.schema().field(i), batch.column(i)));
  }
  return stats;
}

}  // namespace uw::delta
