// The sessions table against sessions worked out by hand (test_plays.h fixtures).
#include <gtest/gtest.h>

#include "pipeline/gold/aggregates.h"
#include "pipeline/gold/test_plays.h"
#include "pipeline/tables/table_checks.h"

namespace uw::gold {
namespace {

using testing::Day;
using testing::MakeGoldPlays;
using testing::Micros;
using testing::PlaySpec;
using testing::Rows;

struct Expected {
  const char* started;
  const char* ended;
  int32_t local_date;
  int32_t local_hour;
  int64_t ms_played, plays, tracks, artists, skips;
  const char* top_artist;  // nullptr: null
  int64_t incognito_plays;
};

void ExpectSession(const tables::LakeTable& t, size_t row, const Expected& e) {
  const parquet::Batch& rows = Rows(t);
  SCOPED_TRACE(::testing::Message() << "session row " << row);
  EXPECT_EQ(rows.column("session_id").GetInt64(row), Micros(e.started) / 1000);
  EXPECT_EQ(rows.column("started_at").GetInt64(row), Micros(e.started));
  EXPECT_EQ(rows.column("ended_at").GetInt64(row), Micros(e.ended));
  EXPECT_EQ(rows.column("duration_ms").GetInt64(row), (Micros(e.ended) - Micros(e.started)) / 1000);
  EXPECT_EQ(rows.column("local_date").GetInt32(row), e.local_date);
  EXPECT_EQ(rows.column("local_hour").GetInt32(row), e.local_hour);
  EXPECT_EQ(rows.column("ms_played").GetInt64(row), e.ms_played);
  EXPECT_EQ(rows.column("plays").GetInt64(row), e.plays);
  EXPECT_EQ(rows.column("tracks").GetInt64(row), e.tracks);
  EXPECT_EQ(rows.column("artists").GetInt64(row), e.artists);
  EXPECT_EQ(rows.column("skips").GetInt64(row), e.skips);
  const parquet::ColumnVector& top = rows.column("top_artist");
  if (e.top_artist == nullptr) {
    EXPECT_TRUE(top.IsNull(row));
  } else {
    EXPECT_EQ(top.GetString(row), e.top_artist);
  }
  EXPECT_EQ(rows.column("incognito_plays").GetInt64(row), e.incognito_plays);
}

TEST(Sessions, MeasuresOfEachSession) {
  const auto t = SessionsTable(MakeGoldPlays(testing::TwoYearsOfThreeArtists()));
  EXPECT_TRUE(tables::CheckTable(t).empty());
  ASSERT_EQ(Rows(t).num_rows(), 4u);
  EXPECT_EQ(t.key, std::vector<std::string>{"session_id"});
  // Plays 1-3: started 200 s before 10:00, the skip of t3 counts.
  ExpectSession(t, 0,
                {"2022-12-30T09:56:40Z", "2022-12-30T10:06:00Z", Day("2022-12-30"), 9, 320'000, 3,
                 3, 2, 1, "Alpha", 0});
  // Plays 4 (0 ms, skipped) and 5 (incognito): a session with nothing counted.
  ExpectSession(t, 1,
                {"2022-12-31T22:00:00Z", "2022-12-31T22:10:00Z", Day("2022-12-31"), 22, 0, 0, 0, 0,
                 0, nullptr, 1});
  ExpectSession(t, 2,
                {"2023-01-01T08:56:00Z", "2023-01-01T09:05:00Z", Day("2023-01-01"), 8, 300'000, 2,
                 2, 2, 1, "Beta", 0});
  ExpectSession(t, 3,
                {"2023-06-15T19:56:40Z", "2023-06-15T20:04:00Z", Day("2023-06-15"), 19, 400'000, 2,
                 1, 1, 0, "Alpha", 0});
}

TEST(Sessions, LocalStartAcrossMidnightAndTopArtistTie) {
  // Starts 23:50 UTC on 03-04, which is 00:50 on 03-05 at UTC+1; amy and bob tie on ms.
  std::vector<PlaySpec> specs = {
      {.ended = "2023-03-04T23:55:00Z", .ms_played = 300'000, .track = "x", .artist = "bob"},
      {.ended = "2023-03-05T00:00:00Z", .ms_played = 300'000, .track = "y", .artist = "amy"},
      {.ended = "2023-03-05T00:01:00Z", .ms_played = 60'000, .track = "y", .artist = "amy"},
      {.ended = "2023-03-05T00:02:00Z", .ms_played = 60'000, .track = "x", .artist = "bob"}};
  for (PlaySpec& s : specs) s.offset_s = 3600;
  specs[2].incognito = true;
  specs[3].incognito = true;
  const auto t = SessionsTable(MakeGoldPlays(specs));
  ASSERT_EQ(Rows(t).num_rows(), 1u);
  ExpectSession(t, 0,
                {"2023-03-04T23:50:00Z", "2023-03-05T00:02:00Z", Day("2023-03-05"), 0, 600'000, 2,
                 2, 2, 0, "Amy", 2});
}

TEST(Sessions, RowsAreInSessionIdOrder) {
  GoldPlays plays = MakeGoldPlays(testing::TwoYearsOfThreeArtists());
  std::swap(plays.sessions[0], plays.sessions[3]);  // the builder must not rely on their order
  for (size_t p = 0; p < plays.size(); ++p) {
    if (plays.session_of[p] == 0 || plays.session_of[p] == 3) plays.session_of[p] ^= 3;
  }
  const auto t = SessionsTable(plays);
  const auto ids = Rows(t).column("session_id").int64s();
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(Rows(t).column("plays").GetInt64(0), 3);
}

}  // namespace
}  // namespace uw::gold
