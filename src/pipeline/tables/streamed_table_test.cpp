// A streamed table (lake_table.h StreamedTable, publish_table.h StageStreamedTable) must publish
// exactly what the same rows as one LakeTable publish: the same partitions, file names, checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>

#include "delta/snapshot.h"
#include "pipeline/tables/lake_table.h"
#include "pipeline/tables/publish_table.h"
#include "pipeline/tables/table_checks.h"
#include "storage/memory_store.h"

namespace uw::tables {
namespace {

using parquet::ColumnType;

constexpr int64_t kDayMs = 86'400'000;

struct Row {
  int64_t ended_ms;
  std::string id;
  std::optional<int64_t> played;
};

LakeTable Shape() {
  LakeTable shape;
  shape.name = "events";
  shape.schema = parquet::Schema({{"event_id", ColumnType::kString, false},
                                  {"ended_at", ColumnType::kInt64, false},
                                  {"ms_played", ColumnType::kInt64, false}});
  shape.partition_columns = {"year", "month"};
  shape.key = {"event_id"};
  return shape;
}

// Rows over three months (2024-01 … 2024-03), some out of order when `shuffled`.
std::vector<Row> Rows(bool shuffled) {
  std::vector<Row> rows;
  const int64_t jan1 = 19723 * kDayMs;  // 2024-01-01
  for (int i = 0; i < 90; ++i) rows.push_back({jan1 + i * kDayMs + i, "e" + std::to_string(i), i});
  if (shuffled) std::swap(rows[3], rows[70]);
  return rows;
}

StreamedTable Stream(const std::vector<Row>& rows) {
  return StreamMonthPartitions(
      Shape(), rows.size(), [&](size_t i) { return rows[i].ended_ms; },
      [&rows](parquet::Batch& batch, size_t i) {
        batch.column(0).AppendString(rows[i].id);
        batch.column(1).AppendInt64(rows[i].ended_ms);
        if (rows[i].played) {
          batch.column(2).AppendInt64(*rows[i].played);
        } else {
          batch.column(2).AppendNull();
        }
      });
}

LakeTable Whole(const std::vector<Row>& rows) {
  LakeTable table = Shape();
  table.partitions = BuildMonthPartitions(
      table.schema, rows.size(), [&](size_t i) { return rows[i].ended_ms; },
      [&](parquet::Batch& batch, size_t i) {
        batch.column(0).AppendString(rows[i].id);
        batch.column(1).AppendInt64(rows[i].ended_ms);
        if (rows[i].played) {
          batch.column(2).AppendInt64(*rows[i].played);
        } else {
          batch.column(2).AppendNull();
        }
      });
  return table;
}

std::vector<std::string> Keys(const storage::ObjectStore& lake, const std::string& root) {
  std::vector<std::string> keys;
  for (const auto& object : lake.List(root)) keys.push_back(object.key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

TEST(StreamedTable, MaterializesToTheMonthPartitions) {
  for (const bool shuffled : {false, true}) {
    const std::vector<Row> rows = Rows(shuffled);
    const LakeTable whole = Whole(rows);
    const LakeTable streamed = Materialize(Stream(rows));
    ASSERT_EQ(streamed.partitions.size(), 3u);
    ASSERT_EQ(streamed.partitions.size(), whole.partitions.size());
    for (size_t p = 0; p < whole.partitions.size(); ++p) {
      EXPECT_EQ(streamed.partitions[p].values, whole.partitions[p].values);
      EXPECT_EQ(ContentFileName(streamed, streamed.partitions[p].rows, {}),
                ContentFileName(whole, whole.partitions[p].rows, {}));
    }
  }
}

// build_last_first changes the order partitions are built in (the newest month is handed out
// first), nothing that is published: the partitions, rows and files are the usual ones.
TEST(StreamedTable, BuildingTheLastPartitionsFirstPublishesTheSame) {
  const std::vector<Row> rows = Rows(true);
  StreamedTable last_first = Stream(rows);
  last_first.build_last_first = true;
  std::vector<size_t> built;
  std::mutex built_mutex;
  const auto build = last_first.build;
  last_first.build = [&](size_t p) {
    {
      const std::lock_guard lock(built_mutex);
      built.push_back(p);
    }
    return build(p);
  };
  EXPECT_EQ(last_first.BuildOrder(0), 2u);
  EXPECT_EQ(last_first.BuildOrder(2), 0u);

  storage::MemoryStore usual_lake("usual"), last_first_lake("last-first");
  std::vector<std::string> problems;
  const PublishedTable usual = CommitTable(
      usual_lake,
      StageStreamedTable(usual_lake, "silver/events", Stream(rows), {}, true, problems));
  const PublishedTable reversed = CommitTable(
      last_first_lake,
      StageStreamedTable(last_first_lake, "silver/events", last_first, {}, true, problems));
  EXPECT_TRUE(problems.empty());
  std::sort(built.begin(), built.end());
  EXPECT_EQ(built, (std::vector<size_t>{0, 1, 2}));  // each once (the order depends on threads)
  EXPECT_EQ(reversed.rows, usual.rows);
  EXPECT_EQ(reversed.rewritten, usual.rewritten);
  EXPECT_EQ(Keys(last_first_lake, "silver/events/year"), Keys(usual_lake, "silver/events/year"));

  const LakeTable materialized = Materialize(last_first);
  const LakeTable whole = Whole(rows);
  ASSERT_EQ(materialized.partitions.size(), whole.partitions.size());
  for (size_t p = 0; p < whole.partitions.size(); ++p) {
    EXPECT_EQ(materialized.partitions[p].values, whole.partitions[p].values);
    EXPECT_EQ(ContentFileName(materialized, materialized.partitions[p].rows, {}),
              ContentFileName(whole, whole.partitions[p].rows, {}));
  }
}

TEST(StreamedTable, StagesTheSameFilesAsTheWholeTable) {
  const std::vector<Row> rows = Rows(true);
  storage::MemoryStore whole_lake("whole"), streamed_lake("streamed");
  const PublishedTable whole =
      CommitTable(whole_lake, StageTable(whole_lake, "silver/events", Whole(rows), {}));
  std::vector<std::string> problems;
  PublishedTable streamed = CommitTable(
      streamed_lake,
      StageStreamedTable(streamed_lake, "silver/events", Stream(rows), {}, true, problems));
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(streamed.rows, whole.rows);
  EXPECT_EQ(streamed.partitions_written, 3u);
  EXPECT_EQ(streamed.rewritten, whole.rewritten);
  const auto files = [](const storage::ObjectStore& lake) {
    std::vector<std::string> paths;
    const auto snapshot = delta::ReadSnapshot(lake, "silver/events");
    for (const auto& [path, add] : snapshot->live_files)
      paths.push_back(path + " " + add.stats_json);
    return paths;
  };
  EXPECT_EQ(files(streamed_lake), files(whole_lake));

  // Again with one month changed: that month alone is rewritten.
  std::vector<Row> changed = rows;
  changed.back().played = 7;
  problems.clear();
  streamed = CommitTable(streamed_lake, StageStreamedTable(streamed_lake, "silver/events",
                                                           Stream(changed), {}, true, problems));
  EXPECT_EQ(streamed.partitions_written, 1u);
  EXPECT_EQ(streamed.partitions_unchanged, 2u);
  EXPECT_EQ(streamed.rewritten, std::vector<std::string>{"year=2024/month=3"});
}

TEST(StreamedTable, ReportsCheckTablesProblemsAndWritesNothing) {
  std::vector<Row> rows = Rows(false);
  rows[80].id = rows[2].id;  // a key repeated across months
  rows[5].played.reset();    // a null in a not-null column
  const std::vector<std::string> expected = CheckTable(Whole(rows));
  ASSERT_EQ(expected.size(), 2u);

  storage::MemoryStore lake("checks");
  const std::vector<Row> sound = Rows(false);
  std::vector<std::string> problems;
  CommitTable(lake, StageStreamedTable(lake, "silver/events", Stream(sound), {}, true, problems));
  ASSERT_TRUE(problems.empty());
  const std::vector<std::string> before = Keys(lake, "silver/events");

  const StagedTable staged =
      StageStreamedTable(lake, "silver/events", Stream(rows), {}, true, problems);
  EXPECT_EQ(problems, expected);
  EXPECT_FALSE(staged.needs_commit);
  EXPECT_EQ(Keys(lake, "silver/events"), before);  // the files it wrote are gone again

  problems.clear();
  StageStreamedTable(lake, "silver/events", Stream(rows), {}, false, problems);
  EXPECT_EQ(problems, expected);
  EXPECT_EQ(Keys(lake, "silver/events"), before);
}

// The hash check finds a key repeated within one month as well as across months, and every
// month's first and last row take part (the merge of the months' sorted hashes).
TEST(StreamedTable, FindsRepeatedKeysWithinAndAcrossMonths) {
  for (const auto& [a, b] : {std::pair{10, 11}, std::pair{0, 89}, std::pair{30, 31}, std::pair{59, 60}}) {
    SCOPED_TRACE(std::to_string(a) + " " + std::to_string(b));
    std::vector<Row> rows = Rows(true);
    rows[b].id = rows[a].id;
    const std::vector<std::string> expected = CheckTable(Whole(rows));
    ASSERT_EQ(expected.size(), 1u);
    storage::MemoryStore lake("repeats");
    std::vector<std::string> problems;
    StageStreamedTable(lake, "silver/events", Stream(rows), {}, false, problems);
    EXPECT_EQ(problems, expected);
  }
}

}  // namespace
}  // namespace uw::tables
