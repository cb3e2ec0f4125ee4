#include "delta/footer_stats.h"

#include <cstring>

#include "core/error.h"

namespace uw::delta {
namespace {

using parquet::ColumnType;

template <typename T>
T FromPlain(const std::string& bytes, const std::string& column) {
  T value;
  if (bytes.size() != sizeof value)
    Fail(ErrorCode::kInternal, "footer stats for '{}': a bound of {} bytes", column, bytes.size());
  std::memcpy(&value, bytes.data(), sizeof value);
  return value;
}

// A footer bound as a Delta stat value; nullopt for booleans (Delta keeps none).
std::optional<StatValue> Decode(ColumnType type, const std::string& bytes,
                                const std::string& column) {
  switch (type) {
    case ColumnType::kBoolean:
      return std::nullopt;
    case ColumnType::kInt32:
    case ColumnType::kDate:
      return StatValue(int64_t{FromPlain<int32_t>(bytes, column)});
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      return StatValue(FromPlain<int64_t>(bytes, column));
    case ColumnType::kDouble: {
      const double value = FromPlain<double>(bytes, column);
      return StatValue(value == 0 ? 0.0 : value);
    }
    case ColumnType::kString:
      return StatValue(bytes);
  }
  return std::nullopt;
}

bool Less(const StatValue& a, const StatValue& b) {
  if (const auto* s = std::get_if<std::string>(&a)) return *s < std::get<std::string>(b);
  if (const auto* d = std::get_if<double>(&a)) return *d < std::get<double>(b);
  return std::get<int64_t>(a) < std::get<int64_t>(b);
}

// Folds one row group's chunk into `stats`; `unbounded` is set once a chunk with values has no
// bounds, which makes the whole file's bounds unknown.
void Fold(const parquet::ColumnChunk& chunk, int64_t group_rows, ColumnStats& stats,
          bool& unbounded) {
  if (!chunk.meta_data || !chunk.meta_data->statistics) {
    unbounded = true;
    return;
  }
  const parquet::Statistics& s = *chunk.meta_data->statistics;
  const int64_t nulls = s.null_count.value_or(0);
  stats.null_count += nulls;
  if (!s.min_value || !s.max_value) {
    // No bounds: fine when the chunk has no (non-NaN) values, else the file's are unknown.
    const bool only_nulls_or_nan = nulls + s.nan_count.value_or(0) >= group_rows;
    if (!only_nulls_or_nan) unbounded = true;
    return;
  }
  const auto lo = Decode(stats.type, *s.min_value, stats.column);
  const auto hi = Decode(stats.type, *s.max_value, stats.column);
  if (!lo || !hi) return;
  if (!stats.min || Less(*lo, *stats.min)) stats.min = lo;
  if (!stats.max || Less(*stats.max, *hi)) stats.max = hi;
}

}  // namespace

FileStats StatsOfFooter(const parquet::FileMetaData& footer, const parquet::Schema& schema) {
  FileStats stats;
  stats.num_records = footer.num_rows;
  for (size_t c = 0; c < schema.size(); ++c) {
    ColumnStats column;
    column.column = schema.field(c).name;
    column.type = schema.field(c).type;
    bool unbounded = false;
    for (const parquet::RowGroup& group : footer.row_groups) {
      if (c >= group.columns.size())
        Fail(ErrorCode::kInternal, "footer stats: a row group lacks column '{}'", column.column);
      Fold(group.columns[c], group.num_rows, column, unbounded);
    }
    if (unbounded) column.min = column.max = std::nullopt;
    stats.columns.push_back(std::move(column));
  }
  return stats;
}

}  // namespace uw::delta
