// BuildGoldPlays on hand-made silver rows: local time across DST and midnight, sessions split
// exactly at the gap, first plays, completion, the counting rule, zones from conn_country.
// Expected values are written out by hand from the calendar, not computed by gold code.
#include "pipeline/gold/gold_plays.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "pipeline/gold/gold_fixture.h"

namespace uw::gold {
namespace {

using fixture::Play;
using fixture::Utc;

GoldPlays Build(const std::vector<Play>& plays, GoldOptions options = {},
                const std::map<std::string, int64_t>& durations = {}) {
  return BuildGoldPlays(fixture::ListeningEvents(plays), fixture::SilverFor(plays, durations),
                        options);
}

GoldOptions Berlin() {
  GoldOptions options;
  options.listener_zone = "Europe/Berlin";
  return options;
}

// Days since 1970 of a civil date, spelled out for the expectations.
int32_t Day(int y, int m, int d) { return int32_t(core::DaysFromCivil(y, m, d)); }

std::string Id(const GoldPlays& g, size_t i) {
  return std::string(g.events.column("event_id").GetString(i));
}

TEST(GoldPlays, FallBackNightGivesTwoLocalHalfPastTwos) {
  // 2024-10-27: Berlin falls back from +2 to +1 at 01:00 UTC; 00:30 and 01:30 UTC both read 02:30.
  const GoldPlays g =
      Build({{"a", Utc(2024, 10, 27, 0, 30)}, {"b", Utc(2024, 10, 27, 1, 30)}}, Berlin());
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g.local_offset_s[0], 7200);
  EXPECT_EQ(g.local_offset_s[1], 3600);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(g.local_hour[i], 2) << i;
    EXPECT_EQ(g.local_date[i], Day(2024, 10, 27)) << i;
    EXPECT_EQ(g.local_dow[i], 7) << i;  // a Sunday
    EXPECT_EQ(g.zone_names[g.zone_index[i]], "Europe/Berlin");
  }
}

TEST(GoldPlays, SpringForwardSkipsTheLocalTwoOClockHour) {
  // 2024-03-31: 00:59:59 UTC is 01:59:59 (+1), one second later it is 03:00:00 (+2).
  const GoldPlays g =
      Build({{"a", Utc(2024, 3, 31, 0, 59, 59)}, {"b", Utc(2024, 3, 31, 1, 0, 0)}}, Berlin());
  EXPECT_EQ(g.local_offset_s[0], 3600);
  EXPECT_EQ(g.local_hour[0], 1);
  EXPECT_EQ(g.local_offset_s[1], 7200);
  EXPECT_EQ(g.local_hour[1], 3);
}

TEST(GoldPlays, LocalDateRollsOverAtLocalMidnight) {
  // Berlin summer time (+2): 21:59:59 UTC is still Sunday 30 June, 22:00 UTC is Monday 1 July.
  const GoldPlays g =
      Build({{"a", Utc(2024, 6, 30, 21, 59, 59)}, {"b", Utc(2024, 6, 30, 22, 0, 0)}}, Berlin());
  EXPECT_EQ(g.local_date[0], Day(2024, 6, 30));
  EXPECT_EQ(g.local_hour[0], 23);
  EXPECT_EQ(g.local_dow[0], 7);
  EXPECT_EQ(g.local_date[1], Day(2024, 7, 1));
  EXPECT_EQ(g.local_hour[1], 0);
  EXPECT_EQ(g.local_dow[1], 1);
}

TEST(GoldPlays, UtcListenerAndDaysOfTheWeek) {
  // 2024-01-01 was a Monday; 2024-01-06 a Saturday.
  const GoldPlays g = Build({{"a", Utc(2024, 1, 1, 12)}, {"b", Utc(2024, 1, 6, 12)}});
  EXPECT_EQ(g.local_offset_s[0], 0);
  EXPECT_EQ(g.local_dow[0], 1);
  EXPECT_EQ(g.local_dow[1], 6);
  EXPECT_EQ(g.local_hour[1], 12);
}

TEST(GoldPlays, SortsByEndThenEventId) {
  const int64_t t = Utc(2024, 5, 1, 12);
  const GoldPlays g = Build({{"z", t + 5000}, {"b", t}, {"a", t}, {"m", t - 1}});
  ASSERT_EQ(g.size(), 4u);
  EXPECT_EQ(Id(g, 0), "m");
  EXPECT_EQ(Id(g, 1), "a");
  EXPECT_EQ(Id(g, 2), "b");
  EXPECT_EQ(Id(g, 3), "z");
}

TEST(GoldPlays, SessionSplitsOnlyWhenThePauseExceedsTheGap) {
  GoldOptions options;
  options.session_gap_ms = 30 * 60 * 1000;
  const int64_t end1 = Utc(2024, 5, 1, 10);
  // Play 2 starts exactly 30 min after play 1 ended (same session); play 3 starts 30 min and
  // 1 ms after play 2 ended (new session).
  const int64_t start2 = end1 + 30 * 60 * 1000, end2 = start2 + 200000;
  const int64_t start3 = end2 + 30 * 60 * 1000 + 1;
  const GoldPlays g = Build({{"p1", end1, 180000},
                             {"p2", end2, 200000},
                             {"p3", start3 + 100000, 100000},
                             {"p4", start3 + 300000, 150000}},
                            options);
  ASSERT_EQ(g.sessions.size(), 2u);
  EXPECT_EQ(g.sessions[0].session_id, end1 - 180000);
  EXPECT_EQ(g.sessions[0].first, 0u);
  EXPECT_EQ(g.sessions[0].count, 2u);
  EXPECT_EQ(g.sessions[1].session_id, start3);
  EXPECT_EQ(g.sessions[1].first, 2u);
  EXPECT_EQ(g.sessions[1].count, 2u);
  EXPECT_EQ(g.session_of, (std::vector<uint32_t>{0, 0, 1, 1}));
  EXPECT_EQ(g.session_position, (std::vector<int32_t>{1, 2, 1, 2}));
}

TEST(GoldPlays, OverlappingPlaysStayInOneSessionAndIdsNeverCollide) {
  const int64_t t = Utc(2024, 5, 1, 10);
  // p2 started before p1 ended (overlap): one session. p3 and p4 carry a start two hours after
  // their end (an offline timestamp silver kept): each pause from the previous end exceeds the
  // gap, both sessions would be named by the same start, and the second takes the next ms.
  const GoldPlays g =
      Build({{"p1", t, 60000},
             {"p2", t + 30000, 60000},
             {"p3", t + 3'600'000, 60000, "t1", "a1", "trackdone", "", false, t + 4 * 3'600'000},
             {"p4", t + 3'700'000, 60000, "t1", "a1", "trackdone", "", false, t + 4 * 3'600'000}});
  ASSERT_EQ(g.sessions.size(), 3u);
  EXPECT_EQ(g.sessions[0].count, 2u);
  EXPECT_EQ(g.sessions[1].session_id, t + 4 * 3'600'000);
  EXPECT_EQ(g.sessions[2].session_id, t + 4 * 3'600'000 + 1);
}

TEST(GoldPlays, FirstPlaysOfTrackAndArtistIncludeIncognitoAndNameOnlyArtists) {
  const int64_t t = Utc(2024, 5, 1, 10);
  const std::string name_only = "name:00112233aabbccdd";
  Play incognito{"p1", t, 180000, "t1", "a1"};
  incognito.incognito = true;
  const GoldPlays g = Build({incognito,
                             {"p2", t + 200000, 180000, "t1", "a1"},
                             {"p3", t + 400000, 180000, "t2", "a1"},
                             {"p4", t + 600000, 180000, "t3", name_only},
                             {"p5", t + 800000, 180000, "t3", name_only},
                             {"p6", t + 1000000, 180000, "t4", ""}});
  EXPECT_EQ(g.first_of_track, (std::vector<uint8_t>{1, 0, 1, 1, 0, 1}));
  EXPECT_EQ(g.first_of_artist, (std::vector<uint8_t>{1, 0, 0, 1, 0, 0}));
  EXPECT_GE(g.artist_row[3], 0);  // the name-only artist joins its silver row
  EXPECT_EQ(g.artist_row[5], -1);
}

TEST(GoldPlays, CompletionIsCappedAndCompleteMeansTrackdoneOrNinetyFivePercent) {
  const int64_t t = Utc(2024, 5, 1, 10);
  const GoldPlays g = Build({{"p1", t, 250000, "t1", "a1", "trackdone"},
                             {"p2", t + 1000000, 100000, "t1", "a1", "fwdbtn"},
                             {"p3", t + 2000000, 190000, "t1", "a1", "fwdbtn"},
                             {"p4", t + 3000000, 189999, "t1", "a1", "endplay"},
                             {"p5", t + 4000000, 1000, "t2", "a1", "trackdone"},
                             {"p6", t + 5000000, 100000, "t2", "a1", "fwdbtn"}},
                            {}, {{"t1", 200000}});
  EXPECT_DOUBLE_EQ(g.completion[0], 1.0);
  EXPECT_DOUBLE_EQ(g.completion[1], 0.5);
  EXPECT_DOUBLE_EQ(g.completion[2], 0.95);
  EXPECT_TRUE(std::isnan(g.completion[4]));  // t2 has no known duration
  EXPECT_EQ(g.is_complete, (std::vector<uint8_t>{1, 0, 1, 0, 1, 0}));
}

TEST(GoldPlays, CountedMeansNotIncognitoAndSomethingPlayed) {
  const int64_t t = Utc(2024, 5, 1, 10);
  Play incognito{"p2", t + 1000, 50000};
  incognito.incognito = true;
  const GoldPlays g =
      Build({{"p1", t, 50000}, incognito, {"p3", t + 2000, 0}, {"p4", t + 3000, 1}});
  EXPECT_EQ(g.counted, (std::vector<uint8_t>{1, 0, 0, 1}));
}

TEST(GoldPlays, ZoneFromCountryOnlyForSingleZoneCountries) {
  GoldOptions options = Berlin();
  options.zone_from_country = true;
  const int64_t t = Utc(2024, 1, 15, 12);  // winter: Berlin +1, Tokyo +9
  auto play = [&](const char* id, int64_t at, const char* country) {
    Play p{id, at};
    p.conn_country = country;
    return p;
  };
  const std::vector<Play> plays = {play("p1", t, "JP"), play("p2", t + 1000, "US"),
                                   play("p3", t + 2000, ""), play("p4", t + 3000, "jp"),
                                   play("p5", t + 4000, "DE")};
  const GoldPlays g = Build(plays, options);
  EXPECT_EQ(g.zone_names[g.zone_index[0]], "Asia/Tokyo");
  EXPECT_EQ(g.local_offset_s[0], 9 * 3600);
  EXPECT_EQ(g.local_hour[0], 21);
  EXPECT_EQ(g.zone_names[g.zone_index[1]], "Europe/Berlin");  // several zones: the listener's
  EXPECT_EQ(g.local_offset_s[1], 3600);
  EXPECT_EQ(g.zone_names[g.zone_index[2]], "Europe/Berlin");  // no country
  EXPECT_EQ(g.zone_names[g.zone_index[3]], "Asia/Tokyo");
  EXPECT_EQ(g.zone_names[g.zone_index[4]], "Europe/Berlin");

  options.zone_from_country = false;
  const GoldPlays off = Build(plays, options);
  for (size_t i = 0; i < off.size(); ++i) EXPECT_EQ(off.local_offset_s[i], 3600) << i;
}

TEST(GoldPlays, UnknownListenerZoneIsAUsageError) {
  GoldOptions options;
  options.listener_zone = "Mars/Olympus_Mons";
  try {
    Build({{"p1", Utc(2024, 1, 1)}}, options);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_NE(std::string(e.what()).find("Mars/Olympus_Mons"), std::string::npos) << e.what();
  }
}

TEST(GoldPlays, TopGenrePrefersTheGenreMostSourcesGiveThenTheFirstListed) {
  const int64_t t = Utc(2024, 5, 1, 10);
  const std::vector<Play> plays = {{"p1", t, 1000, "t1", "a1"},
                                   {"p2", t + 5000, 1000, "t2", "a2"},
                                   {"p3", t + 9000, 1000, "t3", "a3"}};
  SilverInputs silver = fixture::SilverFor(plays);
  const auto genre = [&](const char* artist, const char* name, const char* source) {
    silver.artist_genres.column("artist_id").AppendString(artist);
    silver.artist_genres.column("genre").AppendString(name);
    silver.artist_genres.column("source").AppendString(source);
  };
  genre("a1", "indie", "spotify");
  genre("a1", "rock", "spotify");
  genre("a1", "rock", "catalog");
  genre("a2", "techno", "catalog");
  genre("a2", "ambient", "catalog");
  const GoldPlays g = BuildGoldPlays(fixture::ListeningEvents(plays), std::move(silver), {});
  ASSERT_GE(g.top_genre[0], 0);
  EXPECT_EQ(g.genres[size_t(g.top_genre[0])], "rock");
  ASSERT_GE(g.top_genre[1], 0);
  EXPECT_EQ(g.genres[size_t(g.top_genre[1])], "techno");
  EXPECT_EQ(g.top_genre[2], -1);
}

}  // namespace
}  // namespace uw::gold
