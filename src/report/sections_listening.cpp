// What was listened to: overview, top lists, taste over time, mood, discoveries and forgotten
// favourites.
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

std::vector<Bar> RankBars(const std::vector<Ranked>& list, bool minutes) {
  std::vector<Bar> bars;
  for (const Ranked& r : list) {
    bars.push_back({r.name, r.detail, double(minutes ? r.ms_played : r.plays), false,
                    minutes ? FormatCount(r.plays) + " plays" : FormatDuration(r.ms_played)});
  }
  return bars;
}

std::string TopCharts(const TopLists& top, const std::string& id, const std::string& what) {
  if (top.by_minutes.empty()) return Takeaway("Nothing to rank in this period.");
  return HorizontalBars({"fig-" + id + "-minutes", "Top " + what + " by listening time",
                         "Horizontal bars, longest listening time first"},
                        RankBars(top.by_minutes, true), Unit::kDuration) +
         HorizontalBars({"fig-" + id + "-plays", "Top " + what + " by plays",
                         "Horizontal bars, most plays first"},
                        RankBars(top.by_plays, false), Unit::kCount);
}

std::string YearTable(const ReportModel& m) {
  std::string out =
      "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\"></th><th "
      "scope=\"col\">listening time</th>"
      "<th scope=\"col\">plays</th><th scope=\"col\">streams (≥ 30 s)</th><th "
      "scope=\"col\">artists</th>"
      "<th scope=\"col\">tracks</th><th scope=\"col\">days listened</th></tr></thead><tbody>";
  const auto row = [](const std::string& label, const Totals& t) {
    return fmt::format(
        "<tr><th "
        "scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></"
        "tr>",
        Escape(label), FormatDuration(t.ms_played), FormatCount(t.plays), FormatCount(t.streams),
        FormatCount(t.artists), FormatCount(t.tracks), FormatCount(t.days));
  };
  for (const auto& p : m.series) out += row(p.label, p.totals);
  out += row("All", m.totals);
  return out + "</tbody></table></div>\n";
}

}  // namespace

std::string Overview(const ReportModel& m) {
  const Totals& t = m.totals;
  std::string out;
  const double per_day = t.days ? double(t.ms_played) / double(t.days) : 0;
  std::string takeaway =
      fmt::format("You listened for {} across {} plays — about {} on a day you listened.",
                  Strong(FormatDuration(t.ms_played)), Escape(FormatCount(t.plays)),
                  Strong(FormatDuration(std::llround(per_day))));
  const auto best = std::max_element(
      m.series.begin(), m.series.end(),
      [](const auto& a, const auto& b) { return a.totals.ms_played < b.totals.ms_played; });
  if (m.series.size() > 1 && best != m.series.end()) {
    takeaway += fmt::format(" Your biggest {} was {} ({}).", m.series_kind, Strong(best->label),
                            Escape(FormatDuration(best->totals.ms_played)));
  }
  out += Takeaway(takeaway);
  out += Cards({{"Listening time", FormatDuration(t.ms_played)},
                {"Plays", FormatCount(t.plays)},
                {"Streams (≥ 30 s)", FormatCount(t.streams)},
                {"Artists", FormatCount(t.artists)},
                {"Tracks", FormatCount(t.tracks)},
                {"Days listened", FormatCount(t.days)}});
  std::vector<Bar> bars;
  for (const auto& p : m.series) {
    bars.push_back(
        {p.label, "", double(p.totals.ms_played), false, FormatCount(p.totals.plays) + " plays"});
  }
  out += VerticalBars({"fig-overview-time", "Listening time per " + m.series_kind,
                       "Vertical bars of the minutes actually listened"},
                      bars, Unit::kDuration);
  return out + YearTable(m);
}

std::string TopArtists(const ReportModel& m) {
  std::string out;
  if (!m.artists.by_minutes.empty()) {
    const Ranked& first = m.artists.by_minutes.front();
    std::string text =
        fmt::format("{} leads with {} — {} of your listening time.", Strong(first.name),
                    Escape(FormatDuration(first.ms_played)),
                    Escape(FormatPercent(Share(first.ms_played, m.totals.ms_played))));
    if (!m.artists.by_plays.empty() && m.artists.by_plays.front().name != first.name) {
      text += fmt::format(" Counting plays instead, {} comes first.",
                          Strong(m.artists.by_plays.front().name));
    }
    out += Takeaway(text);
  }
  return out + TopCharts(m.artists, "top-artists", "artists");
}

std::string TopTracks(const ReportModel& m) {
  std::string out;
  if (!m.tracks.by_plays.empty()) {
    const Ranked& first = m.tracks.by_plays.front();
    out += Takeaway(fmt::format("{} by {} is your most played track: {} plays, {}.",
                                Strong(first.name), Escape(first.detail),
                                Escape(FormatCount(first.plays)),
                                Escape(FormatDuration(first.ms_played))));
  }
  return out + TopCharts(m.tracks, "top-tracks", "tracks");
}

std::string TopAlbums(const ReportModel& m) {
  std::string out;
  if (!m.albums.by_minutes.empty()) {
    const Ranked& first = m.albums.by_minutes.front();
    out += Takeaway(fmt::format("{} by {} got the most time: {}.", Strong(first.name),
                                Escape(first.detail), Escape(FormatDuration(first.ms_played))));
  }
  return out + TopCharts(m.albums, "top-albums", "albums");
}

std::string Taste(const ReportModel& m) {
  const auto& t = m.taste;
  std::string out;
  if (t.shares.series.empty()) return Takeaway("No plays to show.");
  const auto& lead = t.shares.shares.front();
  out += Takeaway(fmt::format("{} went from {} of your listening in {} to {} in {}.",
                              Strong(t.shares.series.front()), Escape(FormatPercent(lead.front())),
                              Escape(t.shares.buckets.front()), Escape(FormatPercent(lead.back())),
                              Escape(t.shares.buckets.back())));
  if (!t.by_genre) {
    out += Note(
        "No play has a genre yet, so this shows <strong>artist share</strong> instead of genre "
        "share. Genres come with enrichment: <code>unwrapped enrich spotify</code>, "
        "<code>unwrapped enrich lastfm</code> or <code>unwrapped enrich catalog</code>, then "
        "<code>unwrapped build</code>.");
  }
  const std::string what = t.by_genre ? "genre" : "artist";
  SeriesSet data{t.shares.buckets, t.shares.series, t.shares.shares};
  out += StackedBars(
      {"fig-taste", "Share of listening time by " + what + " per " + t.bucket_kind,
       t.by_genre
           ? "Stacked bars; each bar is one " + t.bucket_kind + " of listening with a genre"
           : "Stacked bars of the leading artists' shares of all listening per " + t.bucket_kind},
      data, Unit::kShare);
  return out;
}

std::string Mood(const ReportModel& m) {
  const auto& mood = m.mood;
  if (!mood.available()) {
    return Takeaway("No mood yet: none of these plays has audio features.") +
           Note(
               "Audio features (energy, valence, danceability) are missing for every play in this "
               "period, so there is no mood chart. Add them from a catalogue dump with "
               "<code>unwrapped enrich catalog</code> (or <code>unwrapped enrich spotify</code> "
               "where "
               "the API still provides them), then run <code>unwrapped build</code> again.");
  }
  std::string out;
  const auto happiest =
      std::max_element(mood.seasons.begin(), mood.seasons.end(),
                       [](const auto& a, const auto& b) { return a.valence < b.valence; });
  std::string text;
  if (happiest != mood.seasons.end()) {
    text = fmt::format("Your brightest season is {} (average valence {:.2f}).",
                       Strong(happiest->season), happiest->valence);
  }
  int64_t quadrant_total = 0;
  for (const auto& q : mood.quadrants) quadrant_total += q.second;
  if (!mood.quadrants.empty()) {
    text += fmt::format(
        " Most of your time goes to {} music ({}).", Strong(mood.quadrants.front().first),
        Escape(FormatPercent(Share(mood.quadrants.front().second, quadrant_total))));
  }
  out += Takeaway(text);
  out += Note(fmt::format("Based on the {} plays with audio features ({} of plays).",
                          FormatCount(mood.plays_with_features),
                          FormatPercent(Share(mood.plays_with_features, m.totals.plays))));
  SeriesSet seasons;
  seasons.series = {"energy", "valence", "danceability"};
  seasons.values.assign(3, {});
  for (const auto& s : mood.seasons) {
    seasons.x.push_back(s.season);
    seasons.values[0].push_back(s.energy);
    seasons.values[1].push_back(s.valence);
    seasons.values[2].push_back(s.danceability);
  }
  out += LineChart({"fig-mood-seasons", "Mood across the seasons",
                    "Average energy, valence and danceability per season"},
                   seasons, Unit::kScore);
  std::vector<Bar> bars;
  for (const auto& [quadrant, ms] : mood.quadrants) {
    bars.push_back({quadrant, "", Share(ms, quadrant_total), false, FormatDuration(ms)});
  }
  out += HorizontalBars(
      {"fig-mood-quadrants", "Mood quadrants by listening time",
       "Euphoric, intense, chill and melancholic: energy and valence above or below 0.5"},
      bars, Unit::kShare);
  return out;
}

std::string Discoveries(const ReportModel& m) {
  const auto& d = m.discoveries;
  int64_t total = 0;
  size_t peak = 0;
  for (size_t i = 0; i < d.values.size(); ++i) {
    total += d.values[i];
    if (d.values[i] > d.values[peak]) peak = i;
  }
  std::string out;
  if (total == 0) return Takeaway("No artist was new to you in this period.");
  out += Takeaway(fmt::format(
      "You found {} artists you had never played before; the richest month was {} with {}.",
      Strong(FormatCount(total)), Strong(d.months[peak]), Escape(FormatCount(d.values[peak]))));
  std::vector<Bar> bars;
  for (size_t i = 0; i < d.values.size(); ++i)
    bars.push_back({d.months[i], "", double(d.values[i])});
  out += VerticalBars({"fig-discoveries", "New artists per month",
                       "Vertical bars: first plays ever of an artist, by month"},
                      bars, Unit::kCount);
  return out;
}

std::string Forgotten(const ReportModel& m) {
  if (m.forgotten.empty()) {
    return Takeaway(m.forgotten_months > 0
                        ? fmt::format("None of your favourites went quiet in the last {} months.",
                                      m.forgotten_months)
                        : "The period is too short to tell who you stopped listening to.");
  }
  const auto& first = m.forgotten.front();
  std::string out = Takeaway(
      fmt::format("Artists you loved but have not played in the last {} months — {} most of all "
                  "({}, last played {}).",
                  m.forgotten_months, Strong(first.name), Escape(FormatDuration(first.ms_played)),
                  Escape(FormatDay(first.last_date))));
  std::vector<Bar> bars;
  for (const auto& f : m.forgotten) {
    bars.push_back({f.name, "last played " + FormatDay(f.last_date), double(f.ms_played), false,
                    FormatCount(f.plays) + " plays"});
  }
  out += HorizontalBars({"fig-forgotten", "Forgotten favourites by earlier listening time",
                         "Horizontal bars of listening time before they went quiet"},
                        bars, Unit::kDuration);
  return out;
}

}  // namespace uw::report::sections
