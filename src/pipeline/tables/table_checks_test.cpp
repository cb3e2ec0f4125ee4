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

// A key of several columns (a string and an integer, nullable): only rows equal in every key
// column repeat it, nulls equal to nulls.
TEST(TableChecks, CompositeKeysRepeatOnlyWhenEveryColumnIsEqual) {
  parquet::Schema schema({{"track_id", ColumnType::kString, true},
                          {"position", ColumnType::kInt32, false}});
  LakeTable table{"track_artists", schema, {}, {"track_id", "position"}, {}};
  parquet::Batch rows(schema);
  const std::vector<std::pair<const char*, int>> keys = {
      {"a", 0}, {"a", 1}, {"b", 0}, {"a", 0}, {nullptr, 0}, {nullptr, 1}, {nullptr, 0}, {"1", 0}};
  for (const auto& [id, position] : keys) {
    id ? rows.column(0).AppendString(id) : rows.column(0).AppendNull();
    rows.column(1).AppendInt32(position);
  }
  table.partitions.push_back({{}, std::move(rows)});
  const auto problems = CheckTable(table);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("track_artists: 2 rows repeat a key"), std::string::npos)
      << problems[0];
  EXPECT_NE(problems[0].find("track_id=a, position=0 (row 0 of the table and row 3 of the table)"),
            std::string::npos)
      << problems[0];
  EXPECT_NE(problems[0].find("track_id=null, position=0"), std::string::npos) << problems[0];
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
