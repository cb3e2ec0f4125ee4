// What the history holds beyond the top lists: mood, discoveries and forgotten favourites,
// podcasts, platforms and countries, and how complete the data is.
#include <algorithm>
#include <cmath>

#include "report/model_parts.h"

namespace uw::report::detail {
namespace {

constexpr const char* kSeasons[] = {"winter", "spring", "summer", "autumn"};

}  // namespace

void ComputeMood(const ReportData& data, ReportModel& model) {
  const MusicPlays& m = data.music;
  Mood& mood = model.mood;
  SeasonMood seasons[4];
  for (int s = 0; s < 4; ++s) seasons[s].season = kSeasons[s];
  for (size_t i = 0; i < m.size(); ++i) {
    if (std::isnan(m.energy[i]) || std::isnan(m.valence[i])) continue;
    ++mood.plays_with_features;
    if (m.season[i] < 0) continue;
    const auto it =
        std::find(std::begin(kSeasons), std::end(kSeasons), m.seasons.name(m.season[i]));
    if (it == std::end(kSeasons)) continue;
    SeasonMood& s = seasons[it - std::begin(kSeasons)];
    ++s.plays;
    s.energy += m.energy[i];
    s.valence += m.valence[i];
    if (!std::isnan(m.danceability[i])) s.danceability += m.danceability[i];
  }
  for (SeasonMood& s : seasons) {
    if (s.plays == 0) continue;
    s.energy /= double(s.plays), s.valence /= double(s.plays), s.danceability /= double(s.plays);
    mood.seasons.push_back(s);
  }
  for (const auto& entry : SumsBy(m.moods, m.mood, &m.ms_played)) {
    if (entry.first != kNotRecorded) mood.quadrants.push_back(entry);
  }
}

void ComputeDiscoveries(const ReportData& data, const ModelOptions& options, ReportModel& model) {
  const MusicPlays& m = data.music;
  if (m.size() == 0) return;
  model.discoveries = MonthAxis(model.first_date, model.last_date);
  const int32_t first_month = MonthIndex(model.first_date);
  for (size_t i = 0; i < m.size(); ++i) {
    if (m.first_of_artist[i]) ++model.discoveries.values[MonthIndex(m.local_date[i]) - first_month];
  }
  // Forgotten favourites: among the artists most listened to before the last N months, those
  // not played since. A short history gets a shorter window (a third of its span).
  const int span_months = MonthIndex(model.last_date) - first_month;
  const int window = std::min(options.forgotten_months, span_months / 3);
  if (window < 1) return;
  model.forgotten_months = window;
  const int32_t cutoff = MonthsBefore(model.last_date, window);
  std::vector<int64_t> before(m.artists.size(), 0), plays(m.artists.size(), 0);
  std::vector<int32_t> last(m.artists.size(), INT32_MIN);
  for (size_t i = 0; i < m.size(); ++i) {
    const int32_t a = m.artist[i];
    if (a < 0) continue;
    last[a] = std::max(last[a], m.local_date[i]);
    if (m.local_date[i] < cutoff) before[a] += m.ms_played[i], ++plays[a];
  }
  // "High past minutes": among the top tenth of the artists before the cutoff (at least the
  // top 5 × N), so a long history with thousands of artists still has favourites to lose.
  const size_t candidates = std::max(options.top_n * 5, m.artists.size() / 10);
  for (int32_t a : TopIndices(before, plays, candidates)) {
    if (last[a] >= cutoff) continue;
    model.forgotten.push_back({m.artists.name(a), before[a], plays[a], last[a]});
    if (model.forgotten.size() == options.top_n) break;
  }
}

void ComputePodcasts(const ReportData& data, const ModelOptions& options, ReportModel& model) {
  const PodcastPlays& p = data.podcasts;
  Podcasts& out = model.podcasts;
  if (p.size() == 0) return;
  std::vector<int64_t> ms(p.shows.size(), 0), plays(p.shows.size(), 0);
  const auto [lo, hi] = std::minmax_element(p.local_date.begin(), p.local_date.end());
  out.minutes_by_month = MonthAxis(*lo, *hi);
  const int32_t first_month = MonthIndex(*lo);
  for (size_t i = 0; i < p.size(); ++i) {
    out.totals.ms_played += p.ms_played[i];
    ++out.totals.plays;
    out.minutes_by_month.values[MonthIndex(p.local_date[i]) - first_month] += p.ms_played[i];
    if (p.show[i] >= 0) ms[p.show[i]] += p.ms_played[i], ++plays[p.show[i]];
  }
  for (int32_t s : TopIndices(ms, plays, options.top_n)) {
    out.shows.push_back({p.shows.name(s), "", ms[s], plays[s]});
  }
}

namespace {

// How many distinct codes (of `size`) have `flag` set on at least one of their rows.
int64_t CodesWith(size_t size, const std::vector<int32_t>& codes,
                  const std::vector<uint8_t>& flag) {
  std::vector<uint8_t> with(size, 0);
  for (size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] >= 0 && flag[i]) with[size_t(codes[i])] = 1;
  }
  return std::count(with.begin(), with.end(), uint8_t{1});
}

// The enrichment share: which of the period's tracks, albums, episodes and shows Spotify's
// catalogue responses describe, and how much listening that covers.
void ComputeEnrichmentShare(const ReportData& data, Coverage& c) {
  const MusicPlays& m = data.music;
  c.tracks_total = int64_t(m.tracks.size());
  c.tracks_with_metadata = CodesWith(m.tracks.size(), m.track, m.has_metadata);
  c.albums_total = int64_t(m.albums.size());
  c.albums_with_release_date = CodesWith(m.albums.size(), m.album, m.has_release_date);
  const PodcastPlays& p = data.podcasts;
  c.episodes_total = int64_t(p.episodes.size());
  c.episodes_with_metadata = CodesWith(p.episodes.size(), p.episode, p.episode_has_metadata);
  c.shows_total = int64_t(p.shows.size());
  c.shows_with_metadata = CodesWith(p.shows.size(), p.show, p.show_has_metadata);
}

}  // namespace

void ComputePlatformsAndCoverage(const ReportData& data, ReportModel& model) {
  const MusicPlays& m = data.music;
  model.platforms = SumsBy(m.platforms, m.platform, &m.ms_played);
  model.countries = SumsBy(m.countries, m.country, &m.ms_played);
  Coverage& c = model.coverage;
  c.artists_total = data.artists_total;
  c.artists_with_genre = data.artists_with_genre;
  ComputeEnrichmentShare(data, c);
  if (m.size() == 0) return;
  c.months = MonthAxis(model.first_date, model.last_date);
  const int32_t first_month = MonthIndex(model.first_date);
  std::vector<std::vector<int64_t>> by_set(m.source_sets.size() + 1,
                                           std::vector<int64_t>(c.months.months.size(), 0));
  std::vector<int64_t> set_total(by_set.size(), 0);
  for (size_t i = 0; i < m.size(); ++i) {
    const size_t set = m.sources[i] < 0 ? m.source_sets.size() : size_t(m.sources[i]);
    const int32_t month = MonthIndex(m.local_date[i]) - first_month;
    ++by_set[set][month];
    ++c.months.values[month];
    ++set_total[set];
    ++c.plays_total;
    c.with_duration += m.has_duration[i];
    c.with_features += !std::isnan(m.energy[i]);
    c.with_genre += m.genre[i] >= 0;
    c.ms_total += m.ms_played[i];
    if (m.has_metadata[i]) {
      ++c.plays_with_metadata;
      c.ms_with_metadata += m.ms_played[i];
    }
  }
  for (int32_t s : TopIndices(set_total, set_total, by_set.size())) {
    std::string name = size_t(s) < m.source_sets.size() ? m.source_sets.name(s) : kNotRecorded;
    for (size_t at = name.find(','); at != std::string::npos; at = name.find(',', at + 3))
      name.replace(at, 1, " + ");
    c.source_sets.push_back(std::move(name));
    c.plays.push_back(by_set[s]);
  }
}

}  // namespace uw::report::detail
