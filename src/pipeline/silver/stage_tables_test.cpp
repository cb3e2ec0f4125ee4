// StageSilverTables: the dimensions staged from one thread while the facts stream from another,
// handed back in publishing order; a failed check on either side leaves no file of either.
#include "pipeline/silver/stage_tables.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.h"
#include "pipeline/silver/parallel_ranges.h"
#include "storage/memory_store.h"

namespace uw::silver {
namespace {

using parquet::ColumnType;

constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kJan1 = 19723 * kDayMs;  // 2024-01-01

// A dimension keyed by `id`, one row per id (a repeated id fails the key check).
LakeTable Dimension(const std::string& name, const std::vector<std::string>& ids) {
  const parquet::Schema schema({{"id", ColumnType::kString, false}});
  parquet::Batch rows(schema);
  for (const std::string& id : ids) rows.column(0).AppendString(id);
  return {name, schema, {}, {"id"}, SinglePartition(std::move(rows))};
}

// A fact table keyed by event_id over three months, one row per id.
StreamedTable Facts(const std::vector<std::string>& ids) {
  LakeTable shape;
  shape.name = "events";
  shape.schema = parquet::Schema(
      {{"event_id", ColumnType::kString, false}, {"ended_at", ColumnType::kInt64, false}});
  shape.partition_columns = {"year", "month"};
  shape.key = {"event_id"};
  const auto ended = [](size_t i) { return kJan1 + int64_t(i) * 32 * kDayMs; };
  return StreamMonthPartitions(std::move(shape), ids.size(), ended,
                               [ids, ended](parquet::Batch& batch, size_t i) {
                                 batch.column(0).AppendString(ids[i]);
                                 batch.column(1).AppendInt64(ended(i));
                               });
}

std::vector<std::string> DataFiles(const storage::ObjectStore& lake) {
  std::vector<std::string> files;
  for (const auto& object : lake.List("silver/")) {
    if (object.key.ends_with(".parquet")) files.push_back(object.key);
  }
  return files;
}

std::vector<StagedTable> Stage(storage::ObjectStore& lake, const TableProducer& produce) {
  StageTimes times;
  return StageSilverTables(lake, {}, produce, times);
}

// The message of the error staging throws ("" when it throws none).
std::string Failure(storage::ObjectStore& lake, const TableProducer& produce) {
  try {
    Stage(lake, produce);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kCorrupt);
    return e.what();
  }
  return "";
}

TEST(StageSilverTables, DimensionsAndFactsOnTwoThreadsInPublishingOrder) {
  storage::MemoryStore lake("stage-order");
  const StreamedTable facts = Facts({"e1", "e2", "e3"});
  std::vector<StagedTable> staged =
      Stage(lake, [&](const VisitTable& visit, const StreamTable& stream) {
        RunConcurrently([&] { stream(facts); },
                        [&] {
                          visit(Dimension("tracks", {"t1", "t2"}));
                          visit(Dimension("artists", {"a1"}));
                        });
      });
  std::vector<std::string> names;
  for (const StagedTable& table : staged) names.push_back(table.result.name);
  EXPECT_EQ(names, (std::vector<std::string>{"tracks", "artists", "events"}));
  EXPECT_EQ(DataFiles(lake).size(), 5u);  // two dimensions, three months
  for (StagedTable& table : staged) EXPECT_EQ(CommitTable(lake, std::move(table)).version, 0);
}

// The facts are written while the dimensions are checked: a dimension that fails its check
// takes the facts' files with it, and the dimensions after it are checked, not written.
TEST(StageSilverTables, AFailedDimensionLeavesNoFileOfAnyTable) {
  storage::MemoryStore lake("stage-dimension-fails");
  const StreamedTable facts = Facts({"e1", "e2", "e3"});
  const std::string error = Failure(lake, [&](const VisitTable& visit, const StreamTable& stream) {
    RunConcurrently([&] { stream(facts); },
                    [&] {
                      visit(Dimension("tracks", {"t1", "t1"}));
                      visit(Dimension("artists", {"a1", "a1"}));
                    });
  });
  EXPECT_NE(error.find("nothing was published"), std::string::npos) << error;
  EXPECT_NE(error.find("tracks"), std::string::npos) << error;
  EXPECT_NE(error.find("artists"), std::string::npos) << error;  // checked all the same
  EXPECT_EQ(DataFiles(lake), std::vector<std::string>{});
}

TEST(StageSilverTables, AFailedFactTableLeavesNoFileOfAnyTable) {
  storage::MemoryStore lake("stage-facts-fail");
  const StreamedTable facts = Facts({"e1", "e2", "e1"});
  const std::string error = Failure(lake, [&](const VisitTable& visit, const StreamTable& stream) {
    RunConcurrently([&] { stream(facts); }, [&] { visit(Dimension("tracks", {"t1", "t2"})); });
  });
  EXPECT_NE(error.find("events"), std::string::npos) << error;
  EXPECT_EQ(DataFiles(lake), std::vector<std::string>{});
}

// The error names the dimensions' problems first, whichever side found its own first.
TEST(StageSilverTables, NamesTheDimensionsProblemsFirst) {
  storage::MemoryStore lake("stage-both-fail");
  const StreamedTable facts = Facts({"e1", "e1", "e2"});
  const std::string error = Failure(lake, [&](const VisitTable& visit, const StreamTable& stream) {
    stream(facts);
    visit(Dimension("tracks", {"t1", "t1"}));
  });
  const size_t tracks = error.find("tracks"), events = error.find("events");
  ASSERT_NE(tracks, std::string::npos) << error;
  ASSERT_NE(events, std::string::npos) << error;
  EXPECT_LT(tracks, events) << error;
  EXPECT_EQ(DataFiles(lake), std::vector<std::string>{});
}

}  // namespace
}  // namespace uw::silver
