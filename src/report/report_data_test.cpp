// Loading plays for a report: the period filter, what counts (incognito, ms_played = 0), and
// reading real Delta tables from an in-memory lake.
#include "report/report_data.h"

#include <gtest/gtest.h>

#include <optional>

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

// Text columns as plain strings or as codes of a shared StringTable (what the reader returns for
// a dictionary-encoded chunk); nullopt is null.
using Texts = std::vector<std::optional<std::string>>;

parquet::ColumnVector TextColumn(const Texts& texts, bool coded) {
  parquet::ColumnVector column(ColumnType::kString);
  if (!coded) {
    for (const auto& t : texts) t ? column.AppendString(*t) : column.AppendNull();
    return column;
  }
  auto table = std::make_shared<parquet::StringTable>();
  table->Add("unused");  // codes need not start at the first string
  std::vector<uint32_t> codes;
  std::vector<uint8_t> valid;
  for (const auto& t : texts) {
    valid.push_back(t.has_value());
    if (t) codes.push_back(table->Intern(*t));
  }
  column.AppendCodes(table, codes.data(), valid.data(), texts.size());
  return column;
}

// Plays whose artists and tracks come by id, by name when the id is missing, and whose ids and
// names collide, with the zone and platform of each.
parquet::Batch TextSample(bool coded) {
  const Texts artist_id = {"a1", "", "a1", std::nullopt, "B", "a2", "a2"};
  const Texts artist_name = {"A", "B", "A renamed", "B", "Bee", std::nullopt, "Two"};
  const Texts track_id = {"t1", "", "t1", "", "t3", std::nullopt, "t1"};
  const Texts track_name = {"T1", "T2", "T1", "T2", "T3", "T4", "T1"};
  const Texts platform = {"ios", std::nullopt, "ios", "web", "web", "", "ios"};
  const Texts zone = {"Europe/Berlin", "UTC",           "UTC",          std::nullopt,
                      "UTC",           "Europe/Berlin", "Europe/Berlin"};
  parquet::Batch numbers(FactSchema());
  for (size_t i = 0; i < artist_id.size(); ++i) AddRow(numbers, Day(2024, 1, 1), 1000, false, "");
  const parquet::Schema schema = FactSchema();
  std::vector<parquet::Field> fields(schema.fields().begin(), schema.fields().end());
  std::vector<parquet::ColumnVector> columns;
  for (size_t c = 0; c < fields.size(); ++c) {
    if (fields[c].name == "artist_name") continue;
    columns.push_back(numbers.column(c));
  }
  std::erase_if(fields, [](const parquet::Field& f) { return f.name == "artist_name"; });
  for (const auto& [name, texts] :
       std::vector<std::pair<std::string, Texts>>{{"artist_id", artist_id},
                                                  {"artist_name", artist_name},
                                                  {"track_id", track_id},
                                                  {"track_name", track_name},
                                                  {"platform", platform},
                                                  {"local_tz", zone}}) {
    fields.push_back({name, ColumnType::kString, true});
    columns.push_back(TextColumn(texts, coded));
  }
  return parquet::Batch(parquet::Schema(std::move(fields)), std::move(columns));
}

TEST(ReportData, CodedTextGetsTheCodesAndNamesOfPlainText) {
  ReportData plain, coded;
  AddFactPlays(TextSample(false), plain);
  AddFactPlays(TextSample(true), coded);
  ASSERT_EQ(plain.music.size(), 7u);
  // By id; by name without one; an id equal to a name is the same key.
  EXPECT_EQ(plain.music.artist, (std::vector<int32_t>{0, 1, 0, 1, 1, 2, 2}));
  EXPECT_EQ(plain.music.artists.name(0), "A");   // the first name seen
  EXPECT_EQ(plain.music.artists.name(2), "a2");  // no name: the id
  EXPECT_EQ(plain.music.platform, (std::vector<int32_t>{0, -1, 0, 1, 1, -1, 0}));
  EXPECT_EQ(plain.local_tz, "Europe/Berlin");

  const MusicPlays &p = plain.music, &c = coded.music;
  EXPECT_EQ(c.artist, p.artist);
  EXPECT_EQ(c.track, p.track);
  EXPECT_EQ(c.platform, p.platform);
  ASSERT_EQ(c.artists.size(), p.artists.size());
  for (int32_t a = 0; a < int32_t(p.artists.size()); ++a)
    EXPECT_EQ(c.artists.name(a), p.artists.name(a));
  ASSERT_EQ(c.tracks.size(), p.tracks.size());
  for (int32_t t = 0; t < int32_t(p.tracks.size()); ++t) {
    EXPECT_EQ(c.tracks.name(t), p.tracks.name(t));
    EXPECT_EQ(c.tracks.detail(t), p.tracks.detail(t));
  }
  EXPECT_EQ(coded.local_tz, plain.local_tz);
}

TEST(ReportData, ZonesAddUpOverBatches) {
  // Europe/Berlin and UTC tie in each batch; the counts add up, and the tie goes by name.
  ReportData data;
  ZoneCounts zones;
  AddFactPlays(TextSample(true), data, zones);
  AddFactPlays(TextSample(false), data, zones);
  EXPECT_EQ(data.local_tz, "");  // left alone until every batch is in
  EXPECT_EQ(zones.at("Europe/Berlin"), 6);
  EXPECT_EQ(zones.at("UTC"), 6);
  EXPECT_EQ(zones.at(""), 2);
  EXPECT_EQ(MostPlayedZone(zones, "none"), "Europe/Berlin");  // a tie: the first by name
  EXPECT_EQ(MostPlayedZone({}, "none"), "none");
}

}  // namespace
}  // namespace uw::report
