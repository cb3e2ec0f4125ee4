// How and where the listener listens: skips, completion, week, heatmap, sessions, podcasts,
// devices and countries, and how complete the data is.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/html_text.h"
#include "report/sections.h"
#include "report/svg_charts.h"

namespace uw::report::sections {
namespace {

std::string Strong(const std::string& text) { return "<strong>" + Escape(text) + "</strong>"; }

double Share(int64_t part, int64_t whole) { return whole > 0 ? double(part) / double(whole) : 0.0; }

std::string Hour(int h) { return fmt::format("{:02}:00", h); }

std::vector<Bar> CountBars(const std::vector<std::pair<std::string, int64_t>>& counts, Unit unit,
                           size_t max) {
  std::vector<Bar> bars;
  for (size_t i = 0; i < counts.size() && i < max; ++i)
    bars.push_back({counts[i].first, "", double(counts[i].second)});
  return bars;
}

}  // namespace

std::string Skips(const ReportModel& m) {
  const auto& s = m.skips;
  // Hours with too few plays make noisy rates; the extremes are picked among the others.
  int most = -1, least = -1;
  for (int h = 0; h < 24; ++h) {
    if (s.by_hour[h].plays < std::max<int64_t>(20, s.overall.plays / 200)) continue;
    if (most < 0 || s.by_hour[h].value() > s.by_hour[most].value()) most = h;
    if (least < 0 || s.by_hour[h].value() < s.by_hour[least].value()) least = h;
  }
  std::string text =
      fmt::format("You skip {} of plays ({} of {}).", Strong(FormatPercent(s.overall.value())),
                  Escape(FormatCount(s.overall.skips)), Escape(FormatCount(s.overall.plays)));
  if (most >= 0 && most != least) {
    text += fmt::format(" Skipping peaks around {} ({}) and is lowest around {} ({}).",
                        Strong(Hour(most)), Escape(FormatPercent(s.by_hour[most].value())),
                        Strong(Hour(least)), Escape(FormatPercent(s.by_hour[least].value())));
  }
  std::string out = Takeaway(text);
  out +=
      "<p class=\"hint\">A skip is a play ended with next/back/end or shorter than 30 seconds "
      "(Spotify's own <code>skipped</code> flag is unreliable for years of history).</p>\n";
  SeriesSet hours{{}, {"skip rate"}, {{}}};
  for (int h = 0; h < 24; ++h) {
    hours.x.push_back(std::to_string(h));
    hours.values[0].push_back(s.by_hour[h].plays ? s.by_hour[h].value() : std::nan(""));
  }
  out += LineChart({"fig-skips-hour", "Skip rate by hour of the day (local time)",
                    "A line of the share of plays skipped per hour"},
                   hours, Unit::kShare);
  std::vector<Bar> bars;
  for (const auto& r : s.by_artist) {
    bars.push_back({r.label, "", r.value(), false,
                    fmt::format("{} of {} plays", FormatCount(r.skips), FormatCount(r.plays))});
  }
  out += HorizontalBars({"fig-skips-artists", "Skip rate of your most played artists",
                         "Horizontal bars of the share of plays skipped"},
                        bars, Unit::kShare);
  return out;
}

std::string Completion(const ReportModel& m) {
  const auto& c = m.completion;
  std::string out =
      Takeaway(fmt::format("{} of your plays ran to the end of the track ({} of {}).",
                           Strong(FormatPercent(Share(c.complete, c.plays))),
                           Escape(FormatCount(c.complete)), Escape(FormatCount(c.plays))));
  if (c.with_duration > 0) {
    std::vector<Bar> bars;
    for (int i = 0; i < 10; ++i) {
      bars.push_back({fmt::format("{}–{}%", i * 10, i * 10 + 10), "", double(c.histogram[i])});
    }
    out += VerticalBars(
        {"fig-completion-histogram", "How much of each track was played",
         fmt::format(
             "Plays by share of the track's length, for the {} plays whose track length is known",
             FormatCount(c.with_duration))},
        bars, Unit::kCount);
  } else {
    out +=
        "<p class=\"hint\">Track lengths are not known yet (they come with enrichment), so "
        "completion "
        "is read from how each play ended.</p>\n";
  }
  out += HorizontalBars(
      {"fig-completion-reasons", "How plays ended", "Horizontal bars of plays per end reason"},
      CountBars(c.reason_end, Unit::kCount, 10), Unit::kCount);
  return out;
}

std::string Week(const ReportModel& m) {
  const auto& w = m.week;
  const double diff =
      w.weekday_ms_per_day > 0 ? w.weekend_ms_per_day / w.weekday_ms_per_day - 1 : 0;
  std::string out = Takeaway(fmt::format(
      "On a weekend day you listen {} on average, on a weekday {} — {} {} on weekends. You skip {} "
      "of plays on weekends and {} on weekdays.",
      Strong(FormatDuration(std::llround(w.weekend_ms_per_day))),
      Strong(FormatDuration(std::llround(w.weekday_ms_per_day))),
      Escape(FormatPercent(std::fabs(diff), true)), diff >= 0 ? "more" : "less",
      Escape(FormatPercent(w.weekend_skip_rate)), Escape(FormatPercent(w.weekday_skip_rate))));
  std::vector<Bar> bars;
  for (int d = 0; d < 7; ++d) {
    const double per_day = w.days[d] ? double(w.ms_played[d]) / double(w.days[d]) : 0;
    bars.push_back({DayName(d + 1, true), "", per_day, d >= 5, FormatCount(w.days[d]) + " days"});
  }
  out += VerticalBars({"fig-week", "Average listening time per calendar day",
                       "Vertical bars per weekday; Saturday and Sunday in the second colour"},
                      bars, Unit::kDuration);
  return out;
}

std::string Heatmap(const ReportModel& m) {
  const auto& h = m.heatmap;
  int best_d = 0, best_h = 0;
  std::vector<std::vector<double>> values(7, std::vector<double>(24, 0));
  for (int d = 0; d < 7; ++d) {
    for (int hr = 0; hr < 24; ++hr) {
      values[d][hr] = double(h.ms_played[d][hr]);
      if (h.ms_played[d][hr] > h.ms_played[best_d][best_h]) best_d = d, best_h = hr;
    }
  }
  std::string out = Takeaway(fmt::format(
      "Your busiest hour is {} {}–{:02}:00{}.", Strong(DayName(best_d + 1)), Escape(Hour(best_h)),
      (best_h + 1) % 24, m.local_tz.empty() ? "" : " (" + Escape(m.local_tz) + ")"));
  std::vector<std::string> rows, columns;
  for (int d = 1; d <= 7; ++d) rows.push_back(DayName(d, true));
  for (int hr = 0; hr < 24; ++hr) columns.push_back(std::to_string(hr));
  out += report::Heatmap({"fig-heatmap", "Listening time by weekday and hour (local time)",
                          "A grid of 7 weekdays by 24 hours; darker cells mean more listening"},
                         rows, columns, values, Unit::kDuration);
  return out;
}

std::string Sessions(const ReportModel& m) {
  const auto& s = m.sessions;
  std::string out = Takeaway(fmt::format(
      "A typical session lasts {} and holds {} plays; the longest, on {}, ran {} with {} plays.",
      Strong(FormatDuration(s.median_ms)), Escape(FormatCount(std::llround(s.median_plays))),
      Escape(FormatDay(s.longest_date)), Strong(FormatDuration(s.longest_ms)),
      Escape(FormatCount(s.longest_plays))));
  out += Cards({{"Sessions", FormatCount(s.count)},
                {"Typical length", FormatDuration(s.median_ms)},
                {"Typical plays", FormatCount(std::llround(s.median_plays))},
                {"Longest", FormatDuration(s.longest_ms)}});
  std::vector<Bar> bars;
  for (size_t i = 0; i < s.buckets.size(); ++i)
    bars.push_back({s.bucket_labels[i], "", double(s.buckets[i])});
  out += VerticalBars(
      {"fig-sessions", "Sessions by length",
       "Vertical bars; a session ends after a long pause (30 minutes unless configured otherwise)"},
      bars, Unit::kCount);
  return out;
}

std::string Podcasts(const ReportModel& m) {
  const auto& p = m.podcasts;
  if (p.totals.plays == 0) return Takeaway("No podcast or audiobook plays in this period.");
  std::string out = Takeaway(
      fmt::format("{} of podcasts and audiobooks in {} plays; {} leads with {}.",
                  Strong(FormatDuration(p.totals.ms_played)), Escape(FormatCount(p.totals.plays)),
                  Strong(p.shows.front().name), Escape(FormatDuration(p.shows.front().ms_played))));
  std::vector<Bar> shows;
  for (const auto& s : p.shows)
    shows.push_back({s.name, "", double(s.ms_played), false, FormatCount(s.plays) + " plays"});
  out += HorizontalBars(
      {"fig-podcast-shows", "Top shows by listening time", "Horizontal bars, longest first"}, shows,
      Unit::kDuration);
  std::vector<Bar> months;
  for (size_t i = 0; i < p.minutes_by_month.months.size(); ++i) {
    months.push_back({p.minutes_by_month.months[i], "", double(p.minutes_by_month.values[i])});
  }
  out += VerticalBars(
      {"fig-podcast-months", "Podcast listening time per month", "Vertical bars per month"}, months,
      Unit::kDuration);
  return out;
}

std::string Platforms(const ReportModel& m) {
  std::string out;
  if (!m.platforms.empty()) {
    out += Takeaway(
        fmt::format("{} carries {} of your listening; you listened in {} {}.",
                    Strong(m.platforms.front().first),
                    Escape(FormatPercent(Share(m.platforms.front().second, m.totals.ms_played))),
                    Escape(FormatCount(int64_t(m.countries.size()))),
                    m.countries.size() == 1 ? "country" : "countries"));
  }
  out += HorizontalBars(
      {"fig-platforms", "Listening time by device family", "Horizontal bars, most first"},
      CountBars(m.platforms, Unit::kDuration, 10), Unit::kDuration);
  out += HorizontalBars({"fig-countries", "Listening time by country",
                         "Horizontal bars of the ten countries with most listening"},
                        CountBars(m.countries, Unit::kDuration, 10), Unit::kDuration);
  return out;
}

namespace {

// "12 of 40 tracks" for a bar's note (the fold-out table shows it beside the share).
std::string OfTotal(int64_t part, int64_t total, std::string_view what) {
  return fmt::format("{} of {} {}", FormatCount(part), FormatCount(total), what);
}

// The enrichment share in words: what Spotify's catalogue describes of what was played.
std::string EnrichmentShareText(const report::Coverage& c) {
  std::string text;
  if (c.tracks_total > 0) {
    text += fmt::format(
        "Spotify metadata describes {} of the tracks played ({}), {} of the listening time",
        Strong(FormatPercent(Share(c.tracks_with_metadata, c.tracks_total))),
        Escape(OfTotal(c.tracks_with_metadata, c.tracks_total, "tracks")),
        Strong(FormatPercent(Share(c.ms_with_metadata, c.ms_total))));
    if (c.albums_total > 0) {
      text += fmt::format("; {} of the albums have a release date",
                          Strong(FormatPercent(Share(c.albums_with_release_date, c.albums_total))));
    }
    text += ".";
  }
  if (c.episodes_total > 0) {
    text += fmt::format("{}{} of the podcast episodes and {} of the shows have Spotify metadata.",
                        text.empty() ? "" : " ",
                        Strong(FormatPercent(Share(c.episodes_with_metadata, c.episodes_total))),
                        Strong(FormatPercent(Share(c.shows_with_metadata, c.shows_total))));
  }
  if (c.tracks_with_metadata + c.episodes_with_metadata == 0 &&
      c.tracks_total + c.episodes_total > 0) {
    text +=
        " Run <code>unwrapped enrich spotify</code>, then <code>unwrapped build</code>, to fill "
        "it in.";
  }
  return text;
}

}  // namespace

std::string Coverage(const ReportModel& m) {
  const auto& c = m.coverage;
  std::string out = Takeaway(
      fmt::format("{} of plays have a known track length, {} have audio features and {} a genre.",
                  Strong(FormatPercent(Share(c.with_duration, c.plays_total))),
                  Strong(FormatPercent(Share(c.with_features, c.plays_total))),
                  Strong(FormatPercent(Share(c.with_genre, c.plays_total)))));
  if (const std::string share = EnrichmentShareText(c); !share.empty())
    out += "<p>" + share + "</p>\n";
  out +=
      "<p class=\"hint\">Which sources saw each play: the extended streaming history, the account "
      "data export and the recently-played API. A play seen by several sources is one play.</p>\n";
  SeriesSet sources{c.months.months, c.source_sets, {}};
  for (const auto& row : c.plays) sources.values.emplace_back(row.begin(), row.end());
  out += StackedBars({"fig-coverage-sources", "Plays per month by the sources that hold them",
                      "Stacked bars per month, one colour per combination of sources"},
                     sources, Unit::kCount);
  std::vector<Bar> enrichment = {
      {"track length", "", Share(c.with_duration, c.plays_total)},
      {"audio features", "", Share(c.with_features, c.plays_total)},
      {"genre", "", Share(c.with_genre, c.plays_total)},
  };
  // Shares of other things than plays are highlighted, and say what they count.
  if (c.tracks_total > 0) {
    enrichment.push_back({"Spotify metadata (plays)", "",
                          Share(c.plays_with_metadata, c.plays_total), false,
                          OfTotal(c.plays_with_metadata, c.plays_total, "plays")});
    enrichment.push_back(
        {"Spotify metadata (listening time)", "", Share(c.ms_with_metadata, c.ms_total), true,
         fmt::format("{} of {}", FormatDuration(c.ms_with_metadata), FormatDuration(c.ms_total))});
    enrichment.push_back({"tracks with Spotify metadata", "",
                          Share(c.tracks_with_metadata, c.tracks_total), true,
                          OfTotal(c.tracks_with_metadata, c.tracks_total, "tracks")});
  }
  if (c.albums_total > 0) {
    enrichment.push_back({"albums with a release date", "",
                          Share(c.albums_with_release_date, c.albums_total), true,
                          OfTotal(c.albums_with_release_date, c.albums_total, "albums")});
  }
  if (c.artists_total > 0) {
    enrichment.push_back({"artists with a genre", "", Share(c.artists_with_genre, c.artists_total),
                          true, OfTotal(c.artists_with_genre, c.artists_total, "artists")});
  }
  if (c.episodes_total > 0) {
    enrichment.push_back({"episodes with Spotify metadata", "",
                          Share(c.episodes_with_metadata, c.episodes_total), true,
                          OfTotal(c.episodes_with_metadata, c.episodes_total, "episodes")});
    enrichment.push_back({"shows with Spotify metadata", "",
                          Share(c.shows_with_metadata, c.shows_total), true,
                          OfTotal(c.shows_with_metadata, c.shows_total, "shows")});
  }
  out += HorizontalBars({"fig-coverage-enrichment", "Enrichment: share with each attribute",
                         "Horizontal bars from 0 to 100 percent: plays, listening time, and the "
                         "distinct tracks, albums, artists, episodes and shows"},
                        enrichment, Unit::kShare);
  return out;
}

}  // namespace uw::report::sections
