// The figures of every report section, computed from ReportData (the period's counted plays).
// Pure: no I/O, no formatting; html_writer turns a ReportModel into the page. Minutes are kept
// as ms_played sums (exact) and converted only for display.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "report/report_data.h"

namespace uw::report {

struct ModelOptions {
  size_t top_n = 10;         // entries in each top list
  int forgotten_months = 6;  // "not played in the last N months of the period"
  size_t share_series = 6;   // genres/artists drawn in taste evolution; the rest is "other"
};

struct Totals {
  int64_t ms_played = 0, plays = 0, streams = 0, artists = 0, tracks = 0, days = 0;
};

// A row of a time series (a year, a month or a quarter) with its totals.
struct PeriodTotals {
  std::string label;
  Totals totals;
};

struct Ranked {
  std::string name, detail;  // detail: a track's or album's artist
  int64_t ms_played = 0, plays = 0;
};

struct TopLists {
  std::vector<Ranked> by_minutes, by_plays;
};

// Shares of a whole per time bucket: shares[series][bucket] in 0..1 (the last series may be
// "Other").
struct ShareSeries {
  std::vector<std::string> buckets, series;
  std::vector<std::vector<double>> shares;
};

struct Taste {
  bool by_genre = false;    // false: artist share, because no play has a genre yet
  std::string bucket_kind;  // "year", "quarter" or "month"
  ShareSeries shares;
};

struct SeasonMood {
  std::string season;
  int64_t plays = 0;                                 // plays with audio features
  double energy = 0, valence = 0, danceability = 0;  // averages
};

struct Mood {
  int64_t plays_with_features = 0;
  std::vector<SeasonMood> seasons;  // winter, spring, summer, autumn (with data)
  std::vector<std::pair<std::string, int64_t>> quadrants;  // quadrant -> ms_played
  bool available() const { return plays_with_features > 0; }
};

struct Rate {
  std::string label;
  int64_t plays = 0, skips = 0;
  double value() const { return plays ? double(skips) / double(plays) : 0.0; }
};

struct Skips {
  Rate overall;
  std::vector<Rate> by_artist;   // the most played artists
  std::array<Rate, 24> by_hour;  // local hour
};

struct Completion {
  int64_t plays = 0, complete = 0, with_duration = 0;
  std::array<int64_t, 10> histogram{};  // completion_pct in tenths (the last includes 1.0)
  std::vector<std::pair<std::string, int64_t>> reason_end;  // plays per reason, most first
};

struct WeekPattern {
  std::array<int64_t, 7> ms_played{};  // by local dow, Monday first
  std::array<int64_t, 7> days{};       // calendar days of each weekday in the listened span
  double weekday_ms_per_day = 0, weekend_ms_per_day = 0;
  double weekday_skip_rate = 0, weekend_skip_rate = 0;
};

struct Heatmap {
  std::array<std::array<int64_t, 24>, 7> ms_played{};  // [dow - 1][hour]
};

struct Sessions {
  int64_t count = 0;
  int64_t longest_ms = 0, longest_plays = 0;
  int32_t longest_date = 0;
  int64_t median_ms = 0;
  double median_plays = 0;
  std::vector<std::string> bucket_labels;
  std::vector<int64_t> buckets;  // sessions per length bucket
};

struct MonthSeries {
  std::vector<std::string> months;  // "2024-03"
  std::vector<int64_t> values;
};

struct Forgotten {
  std::string name;
  int64_t ms_played = 0, plays = 0;
  int32_t last_date = 0;
};

struct Podcasts {
  Totals totals;  // ms_played and plays only
  std::vector<Ranked> shows;
  MonthSeries minutes_by_month;  // values in ms
};

struct Coverage {
  MonthSeries months;                       // the month axis (values: plays)
  std::vector<std::string> source_sets;     // series, most plays first
  std::vector<std::vector<int64_t>> plays;  // [source set][month]
  int64_t plays_total = 0, with_duration = 0, with_features = 0, with_genre = 0;
  int64_t artists_total = 0, artists_with_genre = 0;
  // The enrichment share: Spotify catalogue metadata over the period's counted plays.
  int64_t tracks_total = 0, tracks_with_metadata = 0;  // distinct tracks played
  int64_t plays_with_metadata = 0, ms_total = 0, ms_with_metadata = 0;
  int64_t albums_total = 0, albums_with_release_date = 0;  // distinct albums played
  int64_t episodes_total = 0, episodes_with_metadata = 0;  // distinct episodes played
  int64_t shows_total = 0, shows_with_metadata = 0;
};

struct ReportModel {
  Period period;
  std::string local_tz;
  bool include_incognito = false;
  Exclusions excluded;
  int64_t incognito_included = 0;         // incognito plays counted (only with include_incognito)
  int32_t first_date = 0, last_date = 0;  // of the plays (0 when there are none)

  Totals totals;
  std::string series_kind;  // "year" or "month": the overview's rows
  std::vector<PeriodTotals> series;
  TopLists artists, tracks, albums;
  Taste taste;
  Mood mood;
  Skips skips;
  Completion completion;
  WeekPattern week;
  Heatmap heatmap;
  Sessions sessions;
  MonthSeries discoveries;  // new artists per month
  int forgotten_months = 0;
  std::vector<Forgotten> forgotten;
  Podcasts podcasts;
  std::vector<std::pair<std::string, int64_t>> platforms, countries;  // ms_played, most first
  Coverage coverage;

  bool empty() const { return totals.plays == 0 && podcasts.totals.plays == 0; }
};

// Computes every section from `data`. Never fails: an empty period gives an empty model.
ReportModel BuildModel(const ReportData& data, const ModelOptions& options = {});

}  // namespace uw::report
