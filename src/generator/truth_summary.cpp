// summary.json: the counts a checker compares a pipeline's output with.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/civil_time.h"
#include "generator/holdings.h"
#include "generator/scenario.h"
#include "generator/truth_fields.h"
#include "generator/truth_writer.h"

namespace uw::generator {

using core::Json;
namespace {

struct YearTotals {
  int64_t plays = 0, ms_played = 0;
};

struct ArtistTotals {
  int64_t plays = 0, ms_played = 0, incognito_plays = 0, api_only_plays = 0;
  std::map<int, YearTotals> years, years_visible;
};

Json Counts(const std::map<std::string, int64_t>& counts) {
  Json out = Json::Object();
  for (const auto& [k, v] : counts) out.Set(k, v);
  return out;
}

Json TopByYear(const std::map<std::string_view, ArtistTotals>& artists, bool visible_only) {
  std::map<int, std::vector<std::pair<const std::string_view*, YearTotals>>> by_year;
  for (const auto& [name, a] : artists) {
    for (const auto& [year, t] : visible_only ? a.years_visible : a.years)
      by_year[year].push_back({&name, t});
  }
  Json out = Json::Object();
  for (auto& [year, list] : by_year) {
    std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) {
      return x.second.ms_played != y.second.ms_played ? x.second.ms_played > y.second.ms_played
                                                      : *x.first < *y.first;
    });
    Json top = Json::Array();
    for (size_t i = 0; i < list.size() && i < 20; ++i) {
      top.Push(Json::Object()
                   .Set("artist_name", std::string(*list[i].first))
                   .Set("plays", list[i].second.plays)
                   .Set("ms_played", list[i].second.ms_played));
    }
    out.Set(std::to_string(year), std::move(top));
  }
  return out;
}

Json Artists(const std::map<std::string_view, ArtistTotals>& artists) {
  Json out = Json::Object();
  for (const auto& [name, a] : artists) {
    Json years = Json::Object();
    for (const auto& [year, t] : a.years)
      years.Set(std::to_string(year),
                Json::Object().Set("plays", t.plays).Set("ms_played", t.ms_played));
    out.Set(std::string(name), Json::Object()
                                   .Set("plays", a.plays)
                                   .Set("ms_played", a.ms_played)
                                   .Set("incognito_plays", a.incognito_plays)
                                   .Set("api_only_plays", a.api_only_plays)
                                   .Set("years", std::move(years)));
  }
  return out;
}

Json MusicCounts(const TruthFields& f, const Truth& truth, Json& artists_out, Json& top,
                 Json& top_visible) {
  std::map<std::string, int64_t> by_sources, resolution;
  std::unordered_map<std::string_view, ArtistTotals> by_artist;
  int64_t incognito = 0, zero = 0, null_ms = 0, total_ms = 0, video = 0, local = 0;
  for (const TruthPlay& r : truth.music) {
    const Play& p = f.PlayOf(r);
    ++by_sources[SourcesName(r.sources)];
    ++resolution[std::string(ResolutionName(r.resolution))];
    const int64_t ms = f.HasMsPlayed(r) ? p.ms_played : 0;
    incognito += p.Has(kIncognito);
    zero += f.HasMsPlayed(r) && p.ms_played == 0;
    null_ms += !f.HasMsPlayed(r);
    total_ms += ms;
    video += p.Has(kVideo);
    local += p.kind == ContentKind::kLocalTrack;
    ArtistTotals& a = by_artist[f.ArtistName(r)];
    const int year = core::FromEpochSeconds(r.ended_at_s()).date.year;
    ++a.plays, a.ms_played += ms, a.incognito_plays += p.Has(kIncognito),
        a.api_only_plays += !f.HasMsPlayed(r);
    ++a.years[year].plays, a.years[year].ms_played += ms;
    if (!p.Has(kIncognito)) ++a.years_visible[year].plays, a.years_visible[year].ms_played += ms;
  }
  const std::map<std::string_view, ArtistTotals> artists(by_artist.begin(),
                                                         by_artist.end());  // sorted by name
  artists_out = Artists(artists);
  top = TopByYear(artists, false);
  top_visible = TopByYear(artists, true);
  return Json::Object()
      .Set("unique_plays", static_cast<int64_t>(truth.music.size()))
      .Set("by_sources", Counts(by_sources))
      .Set("incognito", incognito)
      .Set("ms_played_zero", zero)
      .Set("ms_played_null_api_only", null_ms)
      .Set("total_ms_played", total_ms)
      .Set("music_videos", video)
      .Set("local_files", local)
      .Set("name_resolution", Counts(resolution));
}

Json PodcastCounts(const TruthFields& f, const Truth& truth) {
  std::map<std::string, int64_t> by_sources, by_type, resolution;
  int64_t incognito = 0, total_ms = 0;
  for (const TruthPlay& r : truth.podcast) {
    const Play& p = f.PlayOf(r);
    ++by_sources[SourcesName(r.sources)];
    ++by_type[p.kind == ContentKind::kChapter ? "audiobook" : p.Has(kVideo) ? "video" : "episode"];
    ++resolution[std::string(ResolutionName(r.resolution))];
    incognito += p.Has(kIncognito);
    total_ms += p.ms_played;
  }
  return Json::Object()
      .Set("unique_plays", static_cast<int64_t>(truth.podcast.size()))
      .Set("by_content_type", Counts(by_type))
      .Set("by_sources", Counts(by_sources))
      .Set("incognito", incognito)
      .Set("total_ms_played", total_ms)
      .Set("name_resolution", Counts(resolution));
}

Json ExtendedCounts(const ExtendedStats& e, int64_t plays_held) {
  Json by_vintage = Json::Object(), files = Json::Object();
  const char* const names[] = {"A", "B", "C"};
  for (int v = 0; v < kVintageCount; ++v) {
    by_vintage.Set(names[v], e.records_by_vintage[v]);
    int64_t n = 0;
    for (const auto& f : e.files) n += static_cast<int>(f.vintage) == v;
    files.Set(names[v], n);
  }
  return Json::Object()
      .Set("total", e.records)
      .Set("by_vintage", std::move(by_vintage))
      .Set("files_by_vintage", std::move(files))
      .Set("video_records", e.video_records)
      .Set("plays_held", plays_held)
      .Set("no_identity_records", e.no_identity_records)
      .Set("duplicates", Json::Object()
                             .Set("cross_vintage", e.cross_vintage_copies)
                             .Set("exact", e.exact_copies)
                             .Set("offline_sync", e.offline_sync_copies)
                             .Set("file_overlap", e.file_overlap_copies));
}

Json Scenario() {
  const auto t = [](int64_t s) { return core::FormatIsoSeconds(s); };
  return Json::Object()
      .Set("start", t(scenario::kStart))
      .Set("end", t(scenario::kEnd))
      .Set("extended_end", t(scenario::kExtendedEnd))
      .Set("account_start", t(scenario::kAccountStart))
      .Set("account_end", t(scenario::kAccountEnd))
      .Set("api_first_poll_after", t(scenario::kApiFirstPoll))
      .Set("home_zone", scenario::kHomeZone)
      .Set("vintages", Json::Object()
                           .Set("A", Json::Object()
                                         .Set("from", t(scenario::kVintageAStart))
                                         .Set("to", t(scenario::kVintageAEnd))
                                         .Set("keys", 21))
                           .Set("B", Json::Object()
                                         .Set("from", t(scenario::kVintageBStart))
                                         .Set("to", t(scenario::kVintageBEnd))
                                         .Set("keys", 19))
                           .Set("C", Json::Object()
                                         .Set("from", t(scenario::kVintageCStart))
                                         .Set("to", t(scenario::kVintageCEnd))
                                         .Set("keys", 23)));
}

}  // namespace

Json TruthSummary(const Catalog& catalog, const Timeline& timeline, const Truth& truth,
                  const ExportStats& stats, Json generator) {
  const TruthFields fields(catalog, timeline);
  int64_t plays_held = 0;
  for (const Play& p : timeline.plays) plays_held += ExtendedHolds(p);
  Json artists, top, top_visible;
  Json music = MusicCounts(fields, truth, artists, top, top_visible);
  const AccountStats& a = stats.account;
  const ApiStats& api = stats.api;
  Json summary = Json::Object();
  summary.Set("generator", std::move(generator))
      .Set("scenario", Scenario())
      .Set("unique_music_plays", static_cast<int64_t>(truth.music.size()))
      .Set("unique_podcast_plays", static_cast<int64_t>(truth.podcast.size()))
      .Set("music", std::move(music))
      .Set("podcast", PodcastCounts(fields, truth))
      .Set("no_identity_plays", truth.no_identity_plays)
      .Set("generated_plays_in_no_source", truth.plays_in_no_source)
      .Set("extended_records", ExtendedCounts(stats.extended, plays_held))
      .Set("account_records", Json::Object()
                                  .Set("music", a.music_rows)
                                  .Set("podcast", a.podcast_rows)
                                  .Set("audiobook", a.audiobook_rows)
                                  .Set("unknown_artist_rows", a.unknown_rows))
      .Set("api", Json::Object()
                      .Set("files", static_cast<int64_t>(api.files.size()))
                      .Set("items", api.items)
                      .Set("distinct_plays", api.distinct_plays)
                      .Set("repeated_items", api.items - api.distinct_plays))
      .Set("hazards", Counts(truth.hazards))
      .Set("fixups", Json::Object()
                         .Set("track_swaps", stats.fixups.track_swaps)
                         .Set("ms_nudges", stats.fixups.ms_nudges))
      .Set("artists", std::move(artists))
      .Set("top_artists_by_year", std::move(top))
      .Set("top_artists_by_year_excl_incognito", std::move(top_visible));
  return summary;
}

}  // namespace uw::generator
