// MonthRuns must partition exactly as tables::StreamMonthPartitions does (same partitions, same
// rows, same order), which fact_plays used before it built months column by column.
#include "pipeline/gold/month_runs.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "core/civil_time.h"
#include "core/error.h"

namespace uw::gold {
namespace {

const parquet::Schema kSchema({{"i", parquet::ColumnType::kInt64, false}});

tables::LakeTable Shape() {
  tables::LakeTable shape;
  shape.name = "t";
  shape.schema = kSchema;
  shape.partition_columns = {"year", "month"};
  return shape;
}

// Every partition's rows, as the row numbers they hold.
std::vector<std::vector<int64_t>> Rows(const tables::StreamedTable& table) {
  std::vector<std::vector<int64_t>> rows;
  for (size_t p = 0; p < table.partitions.size(); ++p) {
    const parquet::Batch batch = table.build(p);
    const auto values = batch.column(0).int64s();
    rows.emplace_back(values.begin(), values.end());
  }
  return rows;
}

RC_GTEST_PROP(MonthRuns, PartitionLikeStreamMonthPartitions, ()) {
  // Times around month and year ends, before and after 1970, in ascending order.
  const auto day =
      rc::gen::element<int64_t>(core::DaysFromCivil(1969, 12, 31), core::DaysFromCivil(1970, 1, 1),
                                core::DaysFromCivil(2023, 12, 31), core::DaysFromCivil(2024, 1, 1),
                                core::DaysFromCivil(2024, 2, 29));
  auto times = *rc::gen::container<std::vector<int64_t>>(rc::gen::map(
      rc::gen::pair(day, rc::gen::inRange<int64_t>(-1, 86'400'001)),
      [](const std::pair<int64_t, int64_t>& d) { return d.first * 86'400'000 + d.second; }));
  std::sort(times.begin(), times.end());
  const auto ended = [&](size_t i) { return times[i]; };
  const tables::StreamedTable expected = tables::StreamMonthPartitions(
      Shape(), times.size(), ended,
      [](parquet::Batch& batch, size_t i) { batch.column(0).AppendInt64(int64_t(i)); });
  const tables::StreamedTable runs =
      StreamMonthRuns(Shape(), MonthRuns(times.size(), ended), [](size_t begin, size_t end) {
        parquet::Batch batch(kSchema);
        for (size_t i = begin; i < end; ++i) batch.column(0).AppendInt64(int64_t(i));
        return batch;
      });
  RC_ASSERT(runs.partitions == expected.partitions);
  RC_ASSERT(Rows(runs) == Rows(expected));
}

TEST(MonthRuns, RowsOutOfOrderAreAnInternalError) {
  const std::vector<int64_t> times = {5, 4};
  EXPECT_THROW(MonthRuns(times.size(), [&](size_t i) { return times[i]; }), Error);
  EXPECT_TRUE(MonthRuns(0, [](size_t) { return int64_t{0}; }).empty());
}

}  // namespace
}  // namespace uw::gold
