#include "pipeline/tables/table_checks.h"

#include <gtest/gtest.h>

namespace uw::tables {
namespace {

using parquet::ColumnType;

LakeTable TwoPartitions() {
  parquet::Schema schema({{"event_id", ColumnType::kString, false},
                          {"ms_played", ColumnType::kInt64, false},
                          {"note", ColumnType::kString, true}});
  LakeTable table{"listening_events", schema, {"year", "month"}, {"event_id"}, {}};
  for (const char* month : {"1", "2"}) {
    parquet::Batch rows(schema);
    for (int i = 0; i < 3; ++i) {
      rows.column(0).AppendString(std::string(month) + "-" + std::to_string(i));
      rows.column(1).AppendInt64(1000);
      rows.column(2).AppendNull();
    }
    table.partitions.push_back({{{"year", "2024"}, {"month", month}}, std::move(rows)});
  }
  return table;
}

TEST(TableChecks, ASoundTableHasNoProblems) { EXPECT_TRUE(CheckTable(TwoPartitions()).empty()); }

TEST(TableChecks, DuplicateKeysAcrossPartitionsAreNamed) {
  LakeTable table = TwoPartitions();
  parquet::Batch& feb = table.partitions[1].rows;
  parquet::Batch copy(feb.schema());
  copy.Append(feb);
  copy.column(0).Clear();
  for (const char* id : {"1-2", "2-1", "2-1"}) copy.column(0).AppendString(id);
  feb = std::move(copy);
  const auto problems = CheckTable(table);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("listening_events: 2 rows repeat a key"), std::string::npos)
      << problems[0];
  EXPECT_NE(
      problems[0].find("event_id=1-2 (row 2 of year=2024/month=1 and row 0 of year=2024/month=2)"),
      std::string::npos)
      << problems[0];
  EXPECT_NE(problems[0].find("event_id=2-1"), std::string::npos) << problems[0];
}

TEST(TableChecks, NullsInNotNullColumnsAreNamedByKey) {
  LakeTable table = TwoPartitions();
  parquet::Batch& jan = table.partitions[0].rows;
  parquet::Batch rows(jan.schema());
  for (int i = 0; i < 3; ++i) {
    rows.column(0).AppendString("1-" + std::to_string(i));
    if (i == 1) {
      rows.column(1).AppendNull();
    } else {
      rows.column(1).AppendInt64(5);
    }
    rows.column(2).AppendNull();
  }
  jan = std::move(rows);
  const auto problems = CheckTable(table);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0],
            "listening_events: ms_played is null in 1 rows: event_id=1-1 in year=2024/month=1");
}

}  // namespace
}  // namespace uw::tables
