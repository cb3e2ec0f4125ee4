// gold.agg_monthly: one row per local month with at least one counted play, keyed by (year,
// month): agg_daily's measures plus days_listened. docs/lake.md "Aggregates".
#include "pipeline/gold/aggregates.h"
#include "pipeline/gold/period_measures.h"

namespace uw::gold {

tables::LakeTable AggMonthlyTable(const GoldPlays& plays) {
  return AggMonthlyTable(IndexPlays(plays));
}

tables::LakeTable AggMonthlyTable(const PlayIndex& index) {
  using parquet::ColumnType;
  const PeriodKeys months = KeyPlaysBy(index, Period::kMonth);
  const std::vector<PeriodMeasures> measures = MeasurePeriods(index, months);
  const MeasureColumns extra{.days_listened = true};
  std::vector<parquet::Field> fields = {{"year", ColumnType::kInt32, false},
                                        {"month", ColumnType::kInt32, false}};
  for (parquet::Field& f : MeasureFields(extra)) fields.push_back(std::move(f));
  parquet::Schema schema(std::move(fields));
  parquet::Batch rows(schema);
  for (size_t m = 0; m < measures.size(); ++m) {
    if (measures[m].plays == 0) continue;
    const int32_t month_index = months.first + static_cast<int32_t>(m);  // year * 12 + month - 1
    rows.column(0).AppendInt32(month_index / 12);
    rows.column(1).AppendInt32(month_index % 12 + 1);
    AppendMeasures(rows, 2, measures[m], index, extra);
  }
  return {"agg_monthly", schema, {}, {"year", "month"}, tables::SinglePartition(std::move(rows))};
}

}  // namespace uw::gold
