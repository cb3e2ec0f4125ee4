// ReadTableByPartition must visit a month-partitioned table in time order (month=9 before
// month=10, unlike the path order ReadTable keeps) and read only the columns asked for.
#include <gtest/gtest.h>

#include "pipeline/tables/lake_table.h"
#include "pipeline/tables/publish_table.h"
#include "pipeline/tables/read_table.h"
#include "storage/memory_store.h"

namespace uw::tables {
namespace {

using parquet::ColumnType;

constexpr int64_t kDayMs = 86'400'000;

// One row on the first day of each month of 2023 (months 1 … 12), ids "m1" … "m12".
void PublishYear(storage::ObjectStore& lake) {
  LakeTable table;
  table.name = "events";
  table.schema = parquet::Schema({{"event_id", ColumnType::kString, false},
                                  {"ended_at", ColumnType::kInt64, false}});
  table.partition_columns = {"year", "month"};
  table.key = {"event_id"};
  const int first_days[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  std::vector<int64_t> ended;
  for (const int day : first_days) ended.push_back((19358 + day) * kDayMs);  // 19358: 2023-01-01
  table.partitions = BuildMonthPartitions(
      table.schema, ended.size(), [&](size_t i) { return ended[i]; },
      [&](parquet::Batch& rows, size_t i) {
        rows.column(0).AppendString("m" + std::to_string(i + 1));
        rows.column(1).AppendInt64(ended[i]);
      });
  CommitTable(lake, StageTable(lake, "silver/events", table, {}));
}

TEST(ReadTableByPartition, VisitsMonthsInNumericOrderWithTheColumnsAsked) {
  storage::MemoryStore lake("read");
  PublishYear(lake);
  std::vector<std::string> ids;
  const parquet::Schema schema =
      ReadTableByPartition(lake, "silver/events", {"event_id"}, [&](parquet::Batch month) {
        ASSERT_EQ(month.num_columns(), 1u);
        for (size_t r = 0; r < month.num_rows(); ++r)
          ids.emplace_back(month.column(0).GetString(r));
      });
  ASSERT_EQ(schema.fields().size(), 1u);
  EXPECT_EQ(schema.fields()[0].name, "event_id");
  std::vector<std::string> expected;
  for (int m = 1; m <= 12; ++m) expected.push_back("m" + std::to_string(m));
  EXPECT_EQ(ids, expected);

  // ReadTable keeps path order, where month=10 sorts before month=2.
  const parquet::Batch whole = ReadTable(lake, "silver/events", {"event_id"});
  ASSERT_EQ(whole.num_rows(), 12u);
  EXPECT_EQ(whole.column(0).GetString(1), "m10");
}

}  // namespace
}  // namespace uw::tables
