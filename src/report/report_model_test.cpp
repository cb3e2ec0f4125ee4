// The model's figures on hand-made plays whose answers are worked out by hand below.
#include "report/report_model.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/civil_time.h"

namespace uw::report {
namespace {

int32_t Day(int y, int m, int d) { return static_cast<int32_t>(core::DaysFromCivil(y, m, d)); }

// A play of `artist` on a local date at `hour`, `minutes` long, ending at that hour.
MusicPlayRow Play(std::string_view artist, int32_t day, int hour, double minutes) {
  MusicPlayRow r;
  r.local_date = day;
  r.local_hour = hour;
  r.local_dow = static_cast<int>(((day % 7) + 7 + 3) % 7) + 1;  // 1970-01-01 was a Thursday
  r.ms_played = static_cast<int64_t>(minutes * 60000);
  r.ended_at_ms = (int64_t(day) * 86400 + hour * 3600) * 1000;
  r.started_at_ms = r.ended_at_ms - r.ms_played;
  r.session_id = r.started_at_ms;
  r.is_stream = r.ms_played >= 30000;
  r.artist_id = artist;
  r.artist_name = artist;
  r.track_id = artist;  // one track per artist keeps the arithmetic simple
  r.track_name = artist;
  r.album_id = artist;
  r.album_name = artist;
  r.season = "spring";
  r.sources = "extended";
  return r;
}

ReportData Data(const std::vector<MusicPlayRow>& rows) {
  ReportData data;
  for (const auto& r : rows) data.music.Add(r);
  return data;
}

TEST(ReportModel, OverviewCountsMinutesPlaysStreamsAndDistincts) {
  const int32_t d1 = Day(2023, 5, 1), d2 = Day(2024, 5, 2);
  const ReportModel m =
      BuildModel(Data({Play("A", d1, 10, 3), Play("A", d1, 11, 0.25), Play("B", d2, 9, 4)}));
  EXPECT_EQ(m.totals.ms_played, 3 * 60000 + 15000 + 4 * 60000);
  EXPECT_EQ(m.totals.plays, 3);
  EXPECT_EQ(m.totals.streams, 2);  // the 15-second play is not a stream
  EXPECT_EQ(m.totals.artists, 2);
  EXPECT_EQ(m.totals.days, 2);
  ASSERT_EQ(m.series_kind, "year");
  ASSERT_EQ(m.series.size(), 2u);
  EXPECT_EQ(m.series[0].label, "2023");
  EXPECT_EQ(m.series[0].totals.plays, 2);
  EXPECT_EQ(m.series[1].totals.ms_played, 4 * 60000);
}

TEST(ReportModel, DistinctsAreCountedPerYearWhateverTheOrderOfPlays) {
  // Years interleaved; A in both years, B only in 2024, one day twice in 2023.
  const int32_t a = Day(2023, 5, 1), b = Day(2024, 5, 2), c = Day(2023, 7, 1);
  const ReportModel m =
      BuildModel(Data({Play("A", b, 10, 3), Play("A", a, 10, 3), Play("B", b, 11, 3),
                       Play("A", a, 12, 3), Play("A", c, 12, 3), Play("B", b, 12, 3)}));
  EXPECT_EQ(m.totals.artists, 2);
  EXPECT_EQ(m.totals.tracks, 2);
  EXPECT_EQ(m.totals.days, 3);
  ASSERT_EQ(m.series.size(), 2u);
  EXPECT_EQ(m.series[0].totals.artists, 1);  // 2023: A
  EXPECT_EQ(m.series[0].totals.days, 2);
  EXPECT_EQ(m.series[0].totals.plays, 3);
  EXPECT_EQ(m.series[1].totals.artists, 2);  // 2024: A and B
  EXPECT_EQ(m.series[1].totals.tracks, 2);
  EXPECT_EQ(m.series[1].totals.days, 1);
}

TEST(ReportModel, OneYearIsShownByMonth) {
  const ReportModel m =
      BuildModel(Data({Play("A", Day(2024, 1, 5), 10, 3), Play("A", Day(2024, 3, 5), 10, 3)}));
  EXPECT_EQ(m.series_kind, "month");
  ASSERT_EQ(m.series.size(), 3u);  // Jan, Feb (empty), Mar
  EXPECT_EQ(m.series[1].label, "2024-02");
  EXPECT_EQ(m.series[1].totals.plays, 0);
}

TEST(ReportModel, TopListsRankByMinutesAndByPlaysSeparately) {
  const int32_t d = Day(2024, 1, 1);
  std::vector<MusicPlayRow> rows = {Play("Long", d, 1, 30)};
  for (int i = 0; i < 5; ++i) rows.push_back(Play("Often", d, 2 + i, 2));
  const ReportModel m = BuildModel(Data(rows));
  ASSERT_EQ(m.artists.by_minutes.size(), 2u);
  EXPECT_EQ(m.artists.by_minutes[0].name, "Long");
  EXPECT_EQ(m.artists.by_plays[0].name, "Often");
  EXPECT_EQ(m.artists.by_plays[0].plays, 5);
  EXPECT_EQ(m.artists.by_plays[0].ms_played, 10 * 60000);
}

TEST(ReportModel, TasteFallsBackToArtistShareWithoutGenres) {
  const ReportModel m =
      BuildModel(Data({Play("A", Day(2024, 1, 1), 1, 3), Play("B", Day(2024, 1, 2), 1, 1)}));
  EXPECT_FALSE(m.taste.by_genre);
  ASSERT_EQ(m.taste.shares.series.size(), 2u);
  EXPECT_EQ(m.taste.shares.series[0], "A");
  EXPECT_DOUBLE_EQ(m.taste.shares.shares[0][0], 0.75);
}

TEST(ReportModel, GenreSharesAreOfPlaysWithAGenre) {
  auto a = Play("A", Day(2024, 1, 1), 1, 3), b = Play("B", Day(2024, 1, 1), 2, 1),
       c = Play("C", Day(2024, 1, 1), 3, 4);
  a.genre = "jazz";
  b.genre = "rock";
  const ReportModel m = BuildModel(Data({a, b, c}));
  ASSERT_TRUE(m.taste.by_genre);
  EXPECT_EQ(m.taste.shares.series[0], "jazz");
  EXPECT_DOUBLE_EQ(m.taste.shares.shares[0][0], 0.75);  // C has no genre and is left out
}

TEST(ReportModel, MoodIsMissingWithoutAudioFeatures) {
  const ReportModel m = BuildModel(Data({Play("A", Day(2024, 1, 1), 1, 3)}));
  EXPECT_FALSE(m.mood.available());
  EXPECT_TRUE(m.mood.seasons.empty());
}

TEST(ReportModel, MoodAveragesPerSeasonAndQuadrantMinutes) {
  auto a = Play("A", Day(2024, 1, 1), 1, 3), b = Play("B", Day(2024, 7, 1), 1, 1),
       c = Play("C", Day(2024, 7, 2), 1, 1);
  a.season = "winter", a.energy = 0.8, a.valence = 0.9, a.danceability = 0.5, a.mood = "euphoric";
  b.season = "summer", b.energy = 0.2, b.valence = 0.1, b.danceability = 0.1,
  b.mood = "melancholic";
  c.season = "summer", c.energy = 0.4, c.valence = 0.3, c.danceability = 0.3,
  c.mood = "melancholic";
  const ReportModel m = BuildModel(Data({a, b, c}));
  ASSERT_TRUE(m.mood.available());
  ASSERT_EQ(m.mood.seasons.size(), 2u);
  EXPECT_EQ(m.mood.seasons[1].season, "summer");
  EXPECT_NEAR(m.mood.seasons[1].energy, 0.3, 1e-12);
  ASSERT_EQ(m.mood.quadrants.size(), 2u);
  EXPECT_EQ(m.mood.quadrants[0].first, "euphoric");
  EXPECT_EQ(m.mood.quadrants[0].second, 3 * 60000);
}

TEST(ReportModel, SkipRatesOverallByHourAndArtist) {
  const int32_t d = Day(2024, 2, 1);
  std::vector<MusicPlayRow> rows;
  for (int i = 0; i < 4; ++i) {
    auto r = Play("A", d, 8, 1);
    r.is_skip = i == 0;
    rows.push_back(r);
  }
  auto late = Play("B", d, 22, 0.1);
  late.is_skip = true;
  rows.push_back(late);
  const ReportModel m = BuildModel(Data(rows));
  EXPECT_EQ(m.skips.overall.plays, 5);
  EXPECT_EQ(m.skips.overall.skips, 2);
  EXPECT_DOUBLE_EQ(m.skips.by_hour[8].value(), 0.25);
  EXPECT_DOUBLE_EQ(m.skips.by_hour[22].value(), 1.0);
  ASSERT_EQ(m.skips.by_artist.size(), 2u);
  EXPECT_EQ(m.skips.by_artist[0].label, "A");
  EXPECT_EQ(m.skips.by_artist[0].skips, 1);
}

TEST(ReportModel, CompletionHistogramUsesKnownDurationsOnly) {
  auto a = Play("A", Day(2024, 2, 1), 1, 3), b = Play("A", Day(2024, 2, 1), 2, 3),
       c = Play("A", Day(2024, 2, 1), 3, 3);
  a.completion_pct = 1.0, a.has_duration = true, a.is_complete = true, a.reason_end = "trackdone";
  b.completion_pct = 0.05, b.has_duration = true, b.reason_end = "fwdbtn";
  c.reason_end = "trackdone", c.is_complete = true;
  const ReportModel m = BuildModel(Data({a, b, c}));
  EXPECT_EQ(m.completion.complete, 2);
  EXPECT_EQ(m.completion.with_duration, 2);
  EXPECT_EQ(m.completion.histogram[9], 1);  // 100% falls in the last bucket
  EXPECT_EQ(m.completion.histogram[0], 1);
  ASSERT_EQ(m.completion.reason_end.size(), 2u);
  EXPECT_EQ(m.completion.reason_end[0], (std::pair<std::string, int64_t>{"trackdone", 2}));
}

TEST(ReportModel, WeekdayAndWeekendArePerCalendarDay) {
  // Monday 2024-01-01 .. Sunday 2024-01-07: five weekdays, two weekend days.
  const ReportModel m =
      BuildModel(Data({Play("A", Day(2024, 1, 1), 9, 50), Play("A", Day(2024, 1, 7), 9, 40)}));
  EXPECT_EQ(m.week.days[0], 1);
  EXPECT_EQ(m.week.days[6], 1);
  EXPECT_DOUBLE_EQ(m.week.weekday_ms_per_day, 50.0 * 60000 / 5);
  EXPECT_DOUBLE_EQ(m.week.weekend_ms_per_day, 40.0 * 60000 / 2);
  EXPECT_EQ(m.heatmap.ms_played[6][9], 40 * 60000);  // Sunday 09:00
}

TEST(ReportModel, SessionsMeasureTheirPlays) {
  const int32_t d = Day(2024, 3, 1);
  auto a = Play("A", d, 10, 5), b = Play("B", d, 10, 5), c = Play("C", d, 20, 2);
  b.started_at_ms = a.ended_at_ms, b.ended_at_ms = a.ended_at_ms + 300000,
  b.session_id = a.session_id;
  const ReportModel m = BuildModel(Data({a, b, c}));
  EXPECT_EQ(m.sessions.count, 2);
  EXPECT_EQ(m.sessions.longest_ms, 10 * 60000);
  EXPECT_EQ(m.sessions.longest_plays, 2);
  EXPECT_EQ(m.sessions.median_ms, (10 * 60000 + 2 * 60000) / 2);
  EXPECT_EQ(m.sessions.buckets[0], 2);  // both under 15 minutes
}

TEST(ReportModel, DiscoveriesAndForgottenFavourites) {
  std::vector<MusicPlayRow> rows;
  auto old = Play("Old love", Day(2023, 1, 10), 9, 60);
  old.first_of_artist = true;
  rows.push_back(old);
  auto fresh = Play("Fresh", Day(2023, 12, 20), 9, 5);
  fresh.first_of_artist = true;
  rows.push_back(fresh);
  rows.push_back(Play("Fresh", Day(2024, 1, 31), 9, 5));
  const ReportModel m = BuildModel(Data(rows));
  ASSERT_EQ(m.discoveries.months.front(), "2023-01");
  EXPECT_EQ(m.discoveries.values.front(), 1);
  EXPECT_EQ(m.discoveries.values[11], 1);  // 2023-12
  EXPECT_EQ(m.forgotten_months, 4);        // a third of the 12-month span
  ASSERT_EQ(m.forgotten.size(), 1u);
  EXPECT_EQ(m.forgotten[0].name, "Old love");
  EXPECT_EQ(m.forgotten[0].last_date, Day(2023, 1, 10));
}

TEST(ReportModel, EmptyPeriodGivesAnEmptyModel) {
  const ReportModel m = BuildModel(ReportData{});
  EXPECT_TRUE(m.empty());
  EXPECT_TRUE(m.series.empty());
  EXPECT_TRUE(m.artists.by_minutes.empty());
  EXPECT_EQ(m.sessions.count, 0);
}

TEST(ReportModel, IncognitoIncludedIsCounted) {
  auto a = Play("A", Day(2024, 1, 1), 1, 3);
  a.incognito = true;
  ReportData data = Data({a, Play("A", Day(2024, 1, 1), 2, 3)});
  data.include_incognito = true;
  const ReportModel m = BuildModel(data);
  EXPECT_EQ(m.incognito_included, 1);
  EXPECT_EQ(m.totals.plays, 2);
}

TEST(ReportModel, CoverageCountsSourcesAndEnrichment) {
  auto a = Play("A", Day(2024, 1, 1), 1, 3), b = Play("A", Day(2024, 2, 1), 1, 3),
       c = Play("A", Day(2024, 2, 2), 1, 3);
  a.sources = "account+extended";
  b.has_duration = true;
  c.energy = 0.4, c.valence = 0.4;
  const ReportModel m = BuildModel(Data({a, b, c}));
  EXPECT_EQ(m.coverage.plays_total, 3);
  EXPECT_EQ(m.coverage.with_duration, 1);
  EXPECT_EQ(m.coverage.with_features, 1);
  ASSERT_EQ(m.coverage.source_sets.size(), 2u);
  EXPECT_EQ(m.coverage.source_sets[0], "extended");
  EXPECT_EQ(m.coverage.plays[0], (std::vector<int64_t>{0, 2}));
}

TEST(ReportModel, CoverageShowsTheEnrichmentShare) {
  // Two tracks (and albums): "A" with Spotify metadata and a release date, "B" without.
  auto a1 = Play("A", Day(2024, 1, 1), 1, 3), a2 = Play("A", Day(2024, 1, 2), 1, 3),
       b = Play("B", Day(2024, 1, 3), 1, 4);
  a1.has_metadata = a2.has_metadata = true;
  a1.has_release_date = a2.has_release_date = true;
  ReportData data = Data({a1, a2, b});
  // Two episodes of one show: the first described by its response, which named the show too.
  data.podcasts.Add({Day(2024, 1, 1), 600000, false, "s1", "Show", "episode", "e1", true, true});
  data.podcasts.Add({Day(2024, 1, 2), 600000, false, "s1", "Show", "episode", "e2", false, false});
  const Coverage c = BuildModel(data).coverage;
  EXPECT_EQ(c.tracks_total, 2);
  EXPECT_EQ(c.tracks_with_metadata, 1);
  EXPECT_EQ(c.plays_with_metadata, 2);
  EXPECT_EQ(c.ms_total, 10 * 60000);
  EXPECT_EQ(c.ms_with_metadata, 6 * 60000);
  EXPECT_EQ(c.albums_total, 2);
  EXPECT_EQ(c.albums_with_release_date, 1);
  EXPECT_EQ(c.episodes_total, 2);
  EXPECT_EQ(c.episodes_with_metadata, 1);
  EXPECT_EQ(c.shows_total, 1);
  EXPECT_EQ(c.shows_with_metadata, 1);
}

}  // namespace
}  // namespace uw::report
