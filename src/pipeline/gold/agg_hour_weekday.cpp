// gold.agg_hour_weekday: the listening heatmap. Always 168 rows, one per (local weekday, local
// hour of ended_at), keyed by (dow, hour) in that order; a cell without counted plays has zeros
// and a null skip_rate.
#include <array>

#include "pipeline/gold/aggregates.h"

namespace uw::gold {

tables::LakeTable AggHourWeekdayTable(const GoldPlays& plays) {
  using parquet::ColumnType;
  parquet::Schema schema({
      {"dow", ColumnType::kInt32, false},   // 1 = Monday .. 7 = Sunday
      {"hour", ColumnType::kInt32, false},  // 0..23
      {"plays", ColumnType::kInt64, false},
      {"ms_played", ColumnType::kInt64, false},
      {"skips", ColumnType::kInt64, false},
      {"skip_rate", ColumnType::kDouble, true},  // skips / plays; null without plays
  });
  struct Cell {
    int64_t plays = 0, ms_played = 0, skips = 0;
  };
  std::array<Cell, 7 * 24> cells{};
  const auto ms_played = plays.events.column("ms_played").int64s();
  const auto is_skip = plays.events.column("is_skip").bools();
  for (size_t p = 0; p < plays.size(); ++p) {
    if (!plays.counted[p]) continue;
    const int dow = plays.local_dow[p], hour = plays.local_hour[p];
    if (dow < 1 || dow > 7 || hour < 0 || hour > 23) continue;  // not a local time: no cell
    Cell& cell = cells[(dow - 1) * 24 + hour];
    ++cell.plays;
    cell.ms_played += ms_played[p];
    cell.skips += is_skip[p];
  }
  parquet::Batch rows(schema);
  for (int32_t i = 0; i < 7 * 24; ++i) {
    const Cell& cell = cells[i];
    rows.column(0).AppendInt32(i / 24 + 1);
    rows.column(1).AppendInt32(i % 24);
    rows.column(2).AppendInt64(cell.plays);
    rows.column(3).AppendInt64(cell.ms_played);
    rows.column(4).AppendInt64(cell.skips);
    if (cell.plays == 0) {
      rows.column(5).AppendNull();
    } else {
      rows.column(5).AppendDouble(static_cast<double>(cell.skips) /
                                  static_cast<double>(cell.plays));
    }
  }
  return {
      "agg_hour_weekday", schema, {}, {"dow", "hour"}, tables::SinglePartition(std::move(rows))};
}

}  // namespace uw::gold
