// gold.agg_daily: one row per local date with at least one counted play, keyed by date. The
// measures (plays … top_genre) are period_measures.h's; docs/lake.md "Aggregates".
#include "pipeline/gold/aggregates.h"
#include "pipeline/gold/period_measures.h"

namespace uw::gold {

tables::LakeTable AggDailyTable(const GoldPlays& plays) { return AggDailyTable(IndexPlays(plays)); }

tables::LakeTable AggDailyTable(const PlayIndex& index) {
  const PeriodKeys days = KeyPlaysBy(index, Period::kDay);
  const std::vector<PeriodMeasures> measures = MeasurePeriods(index, days);
  std::vector<parquet::Field> fields = {{"date", parquet::ColumnType::kDate, false}};
  for (parquet::Field& f : MeasureFields({})) fields.push_back(std::move(f));
  parquet::Schema schema(std::move(fields));
  parquet::Batch rows(schema);
  for (size_t d = 0; d < measures.size(); ++d) {
    if (measures[d].plays == 0) continue;  // a day without counted plays has no row
    rows.column(0).AppendInt32(days.first + static_cast<int32_t>(d));
    AppendMeasures(rows, 1, measures[d], index, {});
  }
  return {"agg_daily", schema, {}, {"date"}, tables::SinglePartition(std::move(rows))};
}

}  // namespace uw::gold
