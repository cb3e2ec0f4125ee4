// gold.agg_yearly: one row per local year with at least one counted play, keyed by year:
// agg_daily's measures plus days_listened and albums. docs/lake.md "Aggregates".
#include "pipeline/gold/aggregates.h"
#include "pipeline/gold/period_measures.h"

namespace uw::gold {

tables::LakeTable AggYearlyTable(const GoldPlays& plays) {
  return AggYearlyTable(IndexPlays(plays));
}

tables::LakeTable AggYearlyTable(const PlayIndex& index) {
  const PeriodKeys years = KeyPlaysBy(index, Period::kYear);
  const std::vector<PeriodMeasures> measures = MeasurePeriods(index, years);
  const MeasureColumns extra{.days_listened = true, .albums = true};
  std::vector<parquet::Field> fields = {{"year", parquet::ColumnType::kInt32, false}};
  for (parquet::Field& f : MeasureFields(extra)) fields.push_back(std::move(f));
  parquet::Schema schema(std::move(fields));
  parquet::Batch rows(schema);
  for (size_t y = 0; y < measures.size(); ++y) {
    if (measures[y].plays == 0) continue;
    rows.column(0).AppendInt32(years.first + static_cast<int32_t>(y));
    AppendMeasures(rows, 1, measures[y], index, extra);
  }
  return {"agg_yearly", schema, {}, {"year"}, tables::SinglePartition(std::move(rows))};
}

}  // namespace uw::gold
