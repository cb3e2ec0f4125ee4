// The aggregates against figures worked out by hand for small fixtures (test_plays.h), and
// their agreement with each other on a larger generated history.
#include "pipeline/gold/aggregates.h"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

#include "pipeline/gold/test_plays.h"
#include "pipeline/tables/table_checks.h"

namespace uw::gold {
namespace {

using testing::Day;
using testing::MakeGoldPlays;
using testing::Micros;
using testing::PlaySpec;
using testing::Rows;
using testing::TwoYearsOfThreeArtists;

int64_t I64(const tables::LakeTable& t, const char* column, size_t row) {
  return Rows(t).column(column).GetInt64(row);
}
int32_t I32(const tables::LakeTable& t, const char* column, size_t row) {
  return Rows(t).column(column).GetInt32(row);
}
double F64(const tables::LakeTable& t, const char* column, size_t row) {
  return Rows(t).column(column).GetDouble(row);
}
std::string Text(const tables::LakeTable& t, const char* column, size_t row) {
  const parquet::ColumnVector& values = Rows(t).column(column);
  return values.IsNull(row) ? "<null>" : std::string(values.GetString(row));
}
bool IsNull(const tables::LakeTable& t, const char* column, size_t row) {
  return Rows(t).column(column).IsNull(row);
}
void ExpectSound(const tables::LakeTable& table) {
  const auto problems = tables::CheckTable(table);
  EXPECT_TRUE(problems.empty()) << table.name << ": " << problems.front();
  EXPECT_NO_THROW(Rows(table).Validate()) << table.name;
  EXPECT_TRUE(table.partition_columns.empty()) << table.name;
}

// plays, ms_played, streams, skips, complete_plays, tracks, artists, new_artists, sessions
void ExpectMeasures(const tables::LakeTable& t, size_t row, std::vector<int64_t> expected) {
  const char* columns[] = {"plays",  "ms_played", "streams",     "skips",   "complete_plays",
                           "tracks", "artists",   "new_artists", "sessions"};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(I64(t, columns[i], row), expected[i])
        << t.name << " row " << row << " " << columns[i];
  }
}

TEST(AggPeriods, YearlyCountsOnlyCountedPlays) {
  const auto t = AggYearlyTable(MakeGoldPlays(TwoYearsOfThreeArtists()));
  ExpectSound(t);
  ASSERT_EQ(Rows(t).num_rows(), 2u);
  EXPECT_EQ(I32(t, "year", 0), 2022);
  // 2022: plays 1-3 (4 and 5 on 12-31 are 0 ms and incognito).
  ExpectMeasures(t, 0, {3, 320'000, 2, 1, 2, 3, 2, 2, 1});
  EXPECT_EQ(I64(t, "days_listened", 0), 1);
  EXPECT_EQ(I64(t, "albums", 0), 2);
  EXPECT_EQ(Text(t, "top_artist", 0), "Alpha");
  EXPECT_EQ(Text(t, "top_genre", 0), "rock");
  // 2023: only gamma is new; two sessions on two days.
  EXPECT_EQ(I32(t, "year", 1), 2023);
  ExpectMeasures(t, 1, {4, 700'000, 4, 1, 3, 3, 3, 1, 2});
  EXPECT_EQ(I64(t, "days_listened", 1), 2);
  EXPECT_EQ(I64(t, "albums", 1), 3);
  EXPECT_EQ(Text(t, "top_artist", 1), "Alpha");
  EXPECT_EQ(Text(t, "top_genre", 1), "rock");
  EXPECT_TRUE(IsNull(t, "avg_energy", 0));  // no audio features
}

TEST(AggPeriods, MonthlyAndDailyRowsAreThePeriodsWithCountedPlays) {
  const GoldPlays plays = MakeGoldPlays(TwoYearsOfThreeArtists());
  const auto monthly = AggMonthlyTable(plays);
  ExpectSound(monthly);
  ASSERT_EQ(Rows(monthly).num_rows(), 3u);
  EXPECT_EQ(I32(monthly, "year", 1), 2023);
  EXPECT_EQ(I32(monthly, "month", 1), 1);
  ExpectMeasures(monthly, 1, {2, 300'000, 2, 1, 1, 2, 2, 1, 1});
  EXPECT_EQ(I64(monthly, "days_listened", 1), 1);
  EXPECT_EQ(Text(monthly, "top_artist", 1), "Beta");
  EXPECT_EQ(Text(monthly, "top_genre", 1), "pop");  // gamma's minutes have no genre
  EXPECT_EQ(I32(monthly, "month", 2), 6);
  ExpectMeasures(monthly, 2, {2, 400'000, 2, 0, 2, 1, 1, 0, 1});
  EXPECT_EQ(Rows(monthly).schema().IndexOf("albums"), std::nullopt);

  const auto daily = AggDailyTable(plays);
  ExpectSound(daily);
  ASSERT_EQ(Rows(daily).num_rows(), 3u);  // 2022-12-31 held no counted play
  EXPECT_EQ(I32(daily, "date", 0), Day("2022-12-30"));
  EXPECT_EQ(I32(daily, "date", 1), Day("2023-01-01"));
  EXPECT_EQ(I32(daily, "date", 2), Day("2023-06-15"));
  ExpectMeasures(daily, 0, {3, 320'000, 2, 1, 2, 3, 2, 2, 1});
  EXPECT_EQ(Rows(daily).schema().IndexOf("days_listened"), std::nullopt);
}

TEST(AggPeriods, DaysAreLocalDates) {
  std::vector<PlaySpec> specs = {
      {.ended = "2023-03-04T23:20:00Z", .ms_played = 100'000, .track = "t", .artist = "a"},
      {.ended = "2023-03-04T22:20:00Z", .ms_played = 100'000, .track = "t", .artist = "a"}};
  specs[0].offset_s = 3600;  // 00:20 on the 5th in the listener's zone
  const auto daily = AggDailyTable(MakeGoldPlays(specs));
  ASSERT_EQ(Rows(daily).num_rows(), 2u);
  EXPECT_EQ(I32(daily, "date", 0), Day("2023-03-04"));
  EXPECT_EQ(I32(daily, "date", 1), Day("2023-03-05"));
  // The artist is new on the day of its first play only.
  EXPECT_EQ(I64(daily, "new_artists", 0), 1);
  EXPECT_EQ(I64(daily, "new_artists", 1), 0);
}

TEST(AggPeriods, FeatureAveragesArePerPlayAndNullWithoutFeatures) {
  std::vector<PlaySpec> specs = {{.ended = "2023-05-01T10:00:00Z", .track = "t1", .artist = "a"},
                                 {.ended = "2023-05-01T10:05:00Z", .track = "t1", .artist = "a"},
                                 {.ended = "2023-05-01T10:10:00Z", .track = "t2", .artist = "a"},
                                 {.ended = "2023-05-01T10:15:00Z", .track = "t3", .artist = "a"},
                                 {.ended = "2023-05-02T10:00:00Z", .track = "t3", .artist = "a"}};
  for (int i : {0, 1}) specs[i].energy = 0.8, specs[i].valence = 0.2, specs[i].danceability = 0.5;
  specs[2].energy = 0.2;  // valence and danceability unknown
  const auto daily = AggDailyTable(MakeGoldPlays(specs));
  ExpectSound(daily);
  EXPECT_DOUBLE_EQ(F64(daily, "avg_energy", 0), (0.8 + 0.8 + 0.2) / 3);
  EXPECT_DOUBLE_EQ(F64(daily, "avg_valence", 0), 0.2);
  EXPECT_DOUBLE_EQ(F64(daily, "avg_danceability", 0), 0.5);
  EXPECT_TRUE(IsNull(daily, "avg_energy", 1));
  EXPECT_TRUE(IsNull(daily, "top_genre", 1));
}

TEST(AggArtist, MeasuresOfEachArtist) {
  const auto t = AggArtistTable(MakeGoldPlays(TwoYearsOfThreeArtists()));
  ExpectSound(t);
  ASSERT_EQ(Rows(t).num_rows(), 3u);
  EXPECT_EQ(Text(t, "artist_id", 0), "alpha");
  EXPECT_EQ(Text(t, "artist_name", 0), "Alpha");
  EXPECT_EQ(I64(t, "plays", 0), 4);
  EXPECT_EQ(I64(t, "ms_played", 0), 700'000);
  EXPECT_EQ(I64(t, "streams", 0), 4);
  EXPECT_EQ(I64(t, "skips", 0), 0);
  EXPECT_DOUBLE_EQ(F64(t, "skip_rate", 0), 0.0);
  EXPECT_EQ(I64(t, "complete_plays", 0), 4);
  EXPECT_DOUBLE_EQ(F64(t, "completion_avg", 0), 1.0);
  EXPECT_EQ(I64(t, "tracks", 0), 2);
  EXPECT_EQ(I64(t, "first_played_at", 0), Micros("2022-12-30T10:00:00Z"));
  EXPECT_EQ(I64(t, "last_played_at", 0), Micros("2023-06-15T20:04:00Z"));
  EXPECT_EQ(Text(t, "primary_genre", 0), "rock");
  // beta: the incognito and 0 ms plays of t3 are left out.
  EXPECT_EQ(Text(t, "artist_id", 1), "beta");
  EXPECT_EQ(I64(t, "plays", 1), 2);
  EXPECT_EQ(I64(t, "ms_played", 1), 260'000);
  EXPECT_EQ(I64(t, "streams", 1), 1);
  EXPECT_EQ(I64(t, "skips", 1), 1);
  EXPECT_DOUBLE_EQ(F64(t, "skip_rate", 1), 0.5);
  EXPECT_DOUBLE_EQ(F64(t, "completion_avg", 1), (20'000.0 / 240'000.0 + 1.0) / 2);
  EXPECT_EQ(I64(t, "first_played_at", 1), Micros("2022-12-30T10:06:00Z"));
  EXPECT_EQ(I64(t, "last_played_at", 1), Micros("2023-01-01T09:00:00Z"));
  // gamma: one skipped play of a track without a known duration.
  EXPECT_DOUBLE_EQ(F64(t, "skip_rate", 2), 1.0);
  EXPECT_TRUE(IsNull(t, "completion_avg", 2));
  EXPECT_TRUE(IsNull(t, "primary_genre", 2));
  for (size_t row = 0; row < 3; ++row) {
    EXPECT_EQ(I32(t, "rank_by_ms", row), static_cast<int32_t>(row + 1));
    EXPECT_EQ(I32(t, "rank_by_plays", row), static_cast<int32_t>(row + 1));
  }
}

// Ranks are distinct: ties on the measure go to the other measure, then to the lower id.
TEST(AggArtist, RanksBreakTiesByTheOtherMeasureThenById) {
  const auto play = [](const char* ended, int64_t ms, const char* artist) {
    return PlaySpec{.ended = ended, .ms_played = ms, .track = artist, .artist = artist};
  };
  const GoldPlays plays = MakeGoldPlays({
      play("2023-01-01T10:00:00Z", 50'000, "zed"),
      play("2023-01-01T10:05:00Z", 50'000, "zed"),
      play("2023-01-01T10:10:00Z", 150'000, "cat"),
      play("2023-01-02T10:00:00Z", 100'000, "bob"),
      play("2023-01-02T10:05:00Z", 100'000, "amy"),
  });
  const auto t = AggArtistTable(plays);
  ExpectSound(t);
  ASSERT_EQ(Rows(t).num_rows(), 4u);
  // Rows in id order: amy, bob, cat, zed.
  EXPECT_EQ(Text(t, "artist_id", 0), "amy");
  EXPECT_EQ(Text(t, "artist_id", 3), "zed");
  const std::vector<int32_t> by_ms = {3, 4, 1, 2}, by_plays = {3, 4, 2, 1};
  for (size_t row = 0; row < 4; ++row) {
    EXPECT_EQ(I32(t, "rank_by_ms", row), by_ms[row]) << Text(t, "artist_id", row);
    EXPECT_EQ(I32(t, "rank_by_plays", row), by_plays[row]) << Text(t, "artist_id", row);
  }
  // amy and bob tie on 2023-01-02: the lower id is the day's top artist, whatever the order.
  const auto daily = AggDailyTable(plays);
  EXPECT_EQ(Text(daily, "top_artist", 0), "Cat");
  EXPECT_EQ(Text(daily, "top_artist", 1), "Amy");
  const auto tracks = AggTrackTable(plays);
  EXPECT_EQ(I32(tracks, "rank_by_ms", 0), 3);  // track "amy"
}

TEST(AggTrack, MeasuresAndNamesOfEachTrack) {
  const auto t = AggTrackTable(MakeGoldPlays(TwoYearsOfThreeArtists()));
  ExpectSound(t);
  ASSERT_EQ(Rows(t).num_rows(), 4u);
  EXPECT_EQ(Text(t, "track_id", 0), "t1");
  EXPECT_EQ(Text(t, "track_name", 0), "Track t1");
  EXPECT_EQ(Text(t, "artist_id", 0), "alpha");
  EXPECT_EQ(Text(t, "artist_name", 0), "Alpha");
  EXPECT_EQ(Text(t, "album_id", 0), "b1");
  EXPECT_EQ(Text(t, "album_name", 0), "Album b1");
  EXPECT_EQ(I64(t, "plays", 0), 3);
  EXPECT_EQ(I64(t, "ms_played", 0), 600'000);
  EXPECT_EQ(I64(t, "complete_plays", 0), 3);
  EXPECT_EQ(I64(t, "last_played_at", 0), Micros("2023-06-15T20:04:00Z"));
  EXPECT_EQ(Text(t, "track_id", 2), "t3");
  EXPECT_EQ(I64(t, "plays", 2), 2);
  EXPECT_DOUBLE_EQ(F64(t, "skip_rate", 2), 0.5);
  EXPECT_TRUE(IsNull(t, "completion_avg", 3));
  const std::vector<int32_t> ranks = {1, 3, 2, 4};  // t1 600 s, t2 100 s, t3 260 s, t4 60 s
  for (size_t row = 0; row < 4; ++row) {
    EXPECT_EQ(I32(t, "rank_by_ms", row), ranks[row]);
    EXPECT_EQ(I32(t, "rank_by_plays", row), ranks[row]);
  }
}

TEST(AggAlbum, MeasuresOfEachAlbum) {
  const auto t = AggAlbumTable(MakeGoldPlays(TwoYearsOfThreeArtists()));
  ExpectSound(t);
  ASSERT_EQ(Rows(t).num_rows(), 3u);
  EXPECT_EQ(Text(t, "album_id", 0), "b1");
  EXPECT_EQ(Text(t, "album_name", 0), "Album b1");
  EXPECT_EQ(Text(t, "artist_name", 0), "Alpha");
  EXPECT_EQ(I64(t, "plays", 0), 4);
  EXPECT_EQ(I64(t, "ms_played", 0), 700'000);
  EXPECT_EQ(I64(t, "tracks", 0), 2);
  EXPECT_EQ(I64(t, "skips", 1), 1);
  EXPECT_EQ(I64(t, "first_played_at", 2), Micros("2023-01-01T09:05:00Z"));
  EXPECT_EQ(I32(t, "rank_by_ms", 0), 1);
  EXPECT_EQ(I32(t, "rank_by_ms", 1), 2);
  EXPECT_EQ(I32(t, "rank_by_ms", 2), 3);
}

TEST(AggEntities, PlaysThatMissedTheirJoinGroupById) {
  std::vector<PlaySpec> specs = {
      {.ended = "2023-01-01T10:00:00Z", .track = "t1", .artist = "a1", .album = "b1"},
      {.ended = "2023-01-01T10:05:00Z", .track = "t1", .artist = "a1", .album = "b1"},
      {.ended = "2023-01-01T10:10:00Z", .track = "t2", .artist = "a2", .album = "b2"},
      {.ended = "2023-01-01T10:15:00Z", .track = "t3"},  // no artist, no album
  };
  specs[1].in_dims = false;  // a1 is in the dimensions through play 1
  specs[2].in_dims = false;  // a2 is in none
  const GoldPlays plays = MakeGoldPlays(specs);
  const auto artists = AggArtistTable(plays);
  ExpectSound(artists);
  ASSERT_EQ(Rows(artists).num_rows(), 2u);
  EXPECT_EQ(Text(artists, "artist_id", 0), "a1");
  EXPECT_EQ(I64(artists, "plays", 0), 2);
  EXPECT_EQ(Text(artists, "artist_id", 1), "a2");
  EXPECT_EQ(Text(artists, "artist_name", 1), "A2");  // from the play
  const auto tracks = AggTrackTable(plays);
  ASSERT_EQ(Rows(tracks).num_rows(), 3u);
  EXPECT_EQ(I64(tracks, "plays", 0), 2);
  EXPECT_TRUE(IsNull(tracks, "artist_id", 2));
  EXPECT_EQ(Rows(AggAlbumTable(plays)).num_rows(), 2u);
  EXPECT_EQ(I64(AggDailyTable(plays), "artists", 0), 2);
}

TEST(AggGenreMonthly, SharesOfEachMonthSumToOne) {
  const auto t = AggGenreMonthlyTable(MakeGoldPlays(TwoYearsOfThreeArtists()));
  ExpectSound(t);
  ASSERT_EQ(Rows(t).num_rows(), 4u);
  const std::vector<std::tuple<int, int, std::string, int64_t, int64_t, double>> expected = {
      {2022, 12, "pop", 1, 20'000, 20'000.0 / 320'000},
      {2022, 12, "rock", 2, 300'000, 300'000.0 / 320'000},
      {2023, 1, "pop", 1, 240'000, 1.0},  // gamma's play has no genre
      {2023, 6, "rock", 2, 400'000, 1.0}};
  for (size_t row = 0; row < expected.size(); ++row) {
    const auto& [year, month, genre, plays, ms, share] = expected[row];
    EXPECT_EQ(I32(t, "year", row), year);
    EXPECT_EQ(I32(t, "month", row), month);
    EXPECT_EQ(Text(t, "genre", row), genre);
    EXPECT_EQ(I64(t, "plays", row), plays);
    EXPECT_EQ(I64(t, "ms_played", row), ms);
    EXPECT_DOUBLE_EQ(F64(t, "share_of_ms", row), share);
  }
}

TEST(AggGenreMonthly, EmptyWithoutGenres) {
  std::vector<PlaySpec> specs = TwoYearsOfThreeArtists();
  for (PlaySpec& s : specs) s.genre.clear();
  const auto t = AggGenreMonthlyTable(MakeGoldPlays(specs));
  ExpectSound(t);
  EXPECT_EQ(Rows(t).num_rows(), 0u);
  EXPECT_EQ(t.schema.size(), 6u);
  EXPECT_TRUE(IsNull(AggYearlyTable(MakeGoldPlays(specs)), "top_genre", 0));
}

TEST(AggHourWeekday, AllCellsInLocalTime) {
  const auto t = AggHourWeekdayTable(MakeGoldPlays(TwoYearsOfThreeArtists()));
  ExpectSound(t);
  ASSERT_EQ(Rows(t).num_rows(), 168u);
  const auto cell = [](int dow, int hour) { return static_cast<size_t>((dow - 1) * 24 + hour); };
  for (size_t row = 0; row < 168; ++row) {
    EXPECT_EQ(I32(t, "dow", row), static_cast<int32_t>(row / 24 + 1));
    EXPECT_EQ(I32(t, "hour", row), static_cast<int32_t>(row % 24));
  }
  // 2022-12-30 was a Friday, 2023-01-01 a Sunday, 2023-06-15 a Thursday.
  EXPECT_EQ(I64(t, "plays", cell(5, 10)), 3);
  EXPECT_EQ(I64(t, "ms_played", cell(5, 10)), 320'000);
  EXPECT_DOUBLE_EQ(F64(t, "skip_rate", cell(5, 10)), 1.0 / 3);
  EXPECT_EQ(I64(t, "plays", cell(7, 9)), 2);
  EXPECT_DOUBLE_EQ(F64(t, "skip_rate", cell(7, 9)), 0.5);
  EXPECT_EQ(I64(t, "plays", cell(4, 20)), 2);
  // Saturday 22:00 held only the plays that are not counted.
  EXPECT_EQ(I64(t, "plays", cell(6, 22)), 0);
  EXPECT_TRUE(IsNull(t, "skip_rate", cell(6, 22)));
  int64_t plays = 0;
  for (size_t row = 0; row < 168; ++row) plays += I64(t, "plays", row);
  EXPECT_EQ(plays, 7);
}

TEST(Aggregates, NoPlaysGiveEmptyTablesAndAFullHeatmap) {
  const std::vector<tables::LakeTable> all = AggregateTables(MakeGoldPlays({}));
  ASSERT_EQ(all.size(), 10u);
  for (const tables::LakeTable& t : all) {
    ExpectSound(t);
    EXPECT_EQ(Rows(t).num_rows(), t.name == "agg_hour_weekday" ? 168u : 0u) << t.name;
  }
}

TEST(Aggregates, PublishingOrderAndKeys) {
  const std::vector<tables::LakeTable> all =
      AggregateTables(MakeGoldPlays(TwoYearsOfThreeArtists()));
  std::vector<std::string> names;
  for (const tables::LakeTable& t : all) names.push_back(t.name);
  EXPECT_EQ(names, (std::vector<std::string>{"dim_date", "sessions", "agg_daily", "agg_monthly",
                                             "agg_yearly", "agg_artist", "agg_track", "agg_album",
                                             "agg_genre_monthly", "agg_hour_weekday"}));
  EXPECT_EQ(all[8].key, (std::vector<std::string>{"year", "month", "genre"}));
  for (const tables::LakeTable& t : all) ExpectSound(t);
}

// A generated history: every grain must add up to the same counted plays and minutes.
TEST(Aggregates, EveryGrainAddsUpOnAGeneratedHistory) {
  std::mt19937 random(7);
  std::vector<PlaySpec> specs;
  int64_t when_s = *core::ParseIsoUtcMillis("2019-11-20T08:00:00Z") / 1000;
  for (int i = 0; i < 20'000; ++i) {
    when_s += std::uniform_int_distribution<int>(60, 40'000)(random);
    const int artist = std::uniform_int_distribution<int>(0, 59)(random);
    const int track = artist * 10 + std::uniform_int_distribution<int>(0, 9)(random);
    PlaySpec s{.ended = core::FormatIsoSeconds(when_s),
               .ms_played = std::uniform_int_distribution<int>(0, 300'000)(random),
               .track = "t" + std::to_string(track),
               .artist = "a" + std::to_string(artist),
               .album = "b" + std::to_string(track / 3)};
    s.offset_s = 3600 * std::uniform_int_distribution<int>(-5, 9)(random);
    s.incognito = random() % 20 == 0;
    s.skip = random() % 4 == 0;
    if (artist % 3 != 0) s.genre = "g" + std::to_string(artist % 7);
    s.in_dims = random() % 50 != 0;
    specs.push_back(std::move(s));
  }
  const GoldPlays plays = MakeGoldPlays(specs);
  int64_t counted = 0, ms = 0;
  for (size_t i = 0; i < plays.size(); ++i) {
    if (!plays.counted[i]) continue;
    ++counted;
    ms += plays.events.column("ms_played").GetInt64(i);
  }
  const std::vector<tables::LakeTable> all = AggregateTables(plays);
  for (const tables::LakeTable& t : all) ExpectSound(t);
  const auto sum = [](const tables::LakeTable& t, const char* column) {
    const auto values = Rows(t).column(column).int64s();
    return std::accumulate(values.begin(), values.end(), int64_t{0});
  };
  for (const char* name :
       {"sessions", "agg_daily", "agg_monthly", "agg_yearly", "agg_artist", "agg_hour_weekday"}) {
    const auto& t = *std::find_if(all.begin(), all.end(), [&](auto& x) { return x.name == name; });
    EXPECT_EQ(sum(t, "plays"), counted) << name;
    EXPECT_EQ(sum(t, "ms_played"), ms) << name;
  }
  EXPECT_EQ(sum(all[5], "tracks"), static_cast<int64_t>(Rows(all[6]).num_rows()));
  for (size_t period : {2, 3, 4}) {  // every artist is new exactly once
    EXPECT_EQ(sum(all[period], "new_artists"), static_cast<int64_t>(Rows(all[5]).num_rows()));
  }
  EXPECT_EQ(sum(all[4], "days_listened"), static_cast<int64_t>(Rows(all[2]).num_rows()));
  EXPECT_EQ(Rows(all[1]).num_rows(), plays.sessions.size());
}

}  // namespace
}  // namespace uw::gold
