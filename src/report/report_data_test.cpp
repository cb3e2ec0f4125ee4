// Loading plays for a report: the period filter, what counts (incognito, ms_played = 0), and
// reading real Delta tables from an in-memory lake.
#include "report/report_data.h"

#include <gtest/gtest.h>

#include "core/civil_time.h"
#include "core/error.h"
#include "core/lake_paths.h"
#include "pipeline/tables/publish_table.h"
#include "storage/memory_store.h"

namespace uw::report {
namespace {

using parquet::ColumnType;

int32_t Day(int y, int m, int d) { return static_cast<int32_t>(core::DaysFromCivil(y, m, d)); }

// A minimal fact_plays: the required columns plus artist_name (no ids, no enrichment columns).
parquet::Schema FactSchema() {
  return parquet::Schema({{"ended_at", ColumnType::kTimestamp, false},
                          {"started_at", ColumnType::kTimestamp, false},
                          {"ms_played", ColumnType::kInt64, false},
                          {"incognito_mode", ColumnType::kBoolean, false},
                          {"artist_name", ColumnType::kString, true},
                          {"local_date", ColumnType::kDate, false},
                          {"local_hour", ColumnType::kInt32, false},
                          {"local_dow", ColumnType::kInt32, false}});
}

void AddRow(parquet::Batch& b, int32_t day, int64_t ms, bool incognito, std::string_view artist) {
  const int64_t ended_us = int64_t(day) * 86400 * 1000000 + 3600LL * 1000000;
  b.column(0).AppendInt64(ended_us);
  b.column(1).AppendInt64(ended_us - ms * 1000);
  b.column(2).AppendInt64(ms);
  b.column(3).AppendBool(incognito);
  b.column(4).AppendString(artist);
  b.column(5).AppendInt32(day);
  b.column(6).AppendInt32(1);
  b.column(7).AppendInt32(1);
}

parquet::Batch Sample() {
  parquet::Batch b(FactSchema());
  AddRow(b, Day(2024, 1, 1), 60000, false, "A");
  AddRow(b, Day(2024, 1, 2), 0, false, "A");      // never a play
  AddRow(b, Day(2024, 1, 3), 120000, true, "B");  // incognito
  AddRow(b, Day(2024, 3, 1), 30000, false, "C");  // outside January
  return b;
}

TEST(ReportData, KeepPlayCountsWhatItLeavesOut) {
  Exclusions e;
  EXPECT_TRUE(KeepPlay(1, false, false, false, e));
  EXPECT_FALSE(KeepPlay(0, false, true, false, e));
  EXPECT_FALSE(KeepPlay(10, true, false, false, e));
  EXPECT_TRUE(KeepPlay(10, true, true, false, e));
  EXPECT_FALSE(KeepPlay(10, true, false, true, e));
  EXPECT_EQ(e.zero_ms, 1);
  EXPECT_EQ(e.incognito, 1);
  EXPECT_EQ(e.podcast_incognito, 1);
}

TEST(ReportData, FiltersByPeriodAndLeavesOutIncognitoAndZeroMs) {
  ReportData data;
  data.period.from_day = Day(2024, 1, 1);
  data.period.to_day = Day(2024, 1, 31);
  AddFactPlays(Sample(), data);
  ASSERT_EQ(data.music.size(), 1u);
  EXPECT_EQ(data.music.artists.name(data.music.artist[0]), "A");
  EXPECT_EQ(data.excluded.incognito, 1);
  EXPECT_EQ(data.excluded.zero_ms, 1);
  // Absent enrichment columns read as null.
  EXPECT_TRUE(std::isnan(data.music.energy[0]));
  EXPECT_EQ(data.music.genre[0], -1);
}

TEST(ReportData, IncludesIncognitoWhenAsked) {
  ReportData data;
  data.include_incognito = true;
  AddFactPlays(Sample(), data);
  EXPECT_EQ(data.music.size(), 3u);
  EXPECT_EQ(data.excluded.incognito, 0);
  EXPECT_EQ(data.excluded.zero_ms, 1);
}

TEST(ReportData, MissingRequiredColumnIsCorrupt) {
  parquet::Batch b(parquet::Schema({{"ms_played", ColumnType::kInt64, false}}));
  ReportData data;
  try {
    AddFactPlays(b, data);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kCorrupt);
    EXPECT_NE(std::string(e.what()).find("local_date"), std::string::npos);
  }
}

TEST(ReportData, NoGoldTablesSaysToBuildFirst) {
  storage::MemoryStore lake("report-data-no-gold");
  try {
    LoadReportData(lake, Period{}, false);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
    EXPECT_NE(std::string(e.what()).find("run `unwrapped build` first"), std::string::npos);
  }
}

// Publishes Sample() as gold fact_plays partitioned by UTC month, as the gold build does.
void PublishSample(storage::MemoryStore& lake) {
  tables::LakeTable table;
  table.name = "fact_plays";
  table.schema = FactSchema();
  table.partition_columns = {"year", "month"};
  table.key = {"ended_at"};
  const parquet::Batch all = Sample();
  for (int month : {1, 3}) {
    std::vector<uint8_t> keep;
    for (size_t i = 0; i < all.num_rows(); ++i) {
      keep.push_back(core::CivilFromDays(all.column(5).GetInt32(i)).month == month);
    }
    table.partitions.push_back(
        {{{"year", "2024"}, {"month", std::to_string(month)}}, all.Filter(keep)});
  }
  auto staged = tables::StageTable(lake, lake::GoldTable("fact_plays"), table, {});
  lake.Sync();
  tables::CommitTable(lake, std::move(staged));
}

TEST(ReportData, ReadsThePeriodsPartitionsFromTheLake) {
  storage::MemoryStore lake("report-data-partitions");
  PublishSample(lake);
  Period march;
  march.from_day = Day(2024, 3, 1);
  march.to_day = Day(2024, 3, 31);
  const ReportData data = LoadReportData(lake, march, false);
  ASSERT_EQ(data.music.size(), 1u);
  EXPECT_EQ(data.music.artists.name(data.music.artist[0]), "C");
  EXPECT_EQ(data.podcasts.size(), 0u);  // no podcast table: no podcasts, no error

  const ReportData all = LoadReportData(lake, Period{}, true);
  EXPECT_EQ(all.music.size(), 3u);
}

}  // namespace
}  // namespace uw::report
