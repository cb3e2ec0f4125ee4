#include "pipeline/silver/incremental.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "core/civil_time.h"
#include "core/lake_paths.h"
#include "pipeline/silver/lake_tables.h"
#include "pipeline/silver/published_music.h"
#include "pipeline/silver/silver_tables.h"
#include "pipeline/silver/spotify_objects.h"

namespace uw::silver {
namespace {

// Account rows have minute precision: a new play this close after the newest account row could
// be its match, which only the full merge decides.
constexpr int64_t kAccountReachMs = 120'000;

// The bronze objects added since the last build, by what they feed.
struct NewObjects {
  std::vector<std::string> plays;      // recently-played responses
  std::vector<std::string> catalogue;  // Spotify catalogue responses
};

std::optional<NewObjects> FindNewObjects(const SilverState& state,
                                         const std::map<std::string, uint64_t>& inputs,
                                         std::string& why_not) {
  for (const auto& [key, size] : state.bronze) {
    const auto it = inputs.find(key);
    if (it == inputs.end() || it->second != size) {
      why_not = fmt::format("bronze object {} changed or disappeared", key);
      return std::nullopt;
    }
  }
  NewObjects added;
  for (const auto& [key, size] : inputs) {
    if (state.bronze.count(key)) continue;
    if (key.starts_with(lake::kBronzeRecentlyPlayedPrefix)) {
      added.plays.push_back(key);
    } else if (key.starts_with(lake::kBronzeSpotifySearchPrefix)) {
      why_not = "new Spotify search responses (they can resolve name-only plays)";
      return std::nullopt;
    } else if (SpotifyObjectOfKey(key)) {
      added.catalogue.push_back(key);
    } else {
      why_not = fmt::format("new export file {}", key);
      return std::nullopt;
    }
  }
  if (added.plays.empty() && added.catalogue.empty()) {
    why_not = "no new bronze objects, but the tables changed since the last build";
    return std::nullopt;
  }
  return added;
}

// Every catalogue response among the inputs, parsed and applied to `catalog`; the dimension
// tables then built from it. The responses die here: afterwards only the catalog's ids are used
// (the fact rows), never what its rows point to.
void RebuildDimensions(const storage::ObjectStore& lake,
                       const std::map<std::string, uint64_t>& inputs, Catalog& catalog,
                       IncrementalPlan& plan) {
  const SpotifyObjects objects = ReadSpotifyObjects(lake, CatalogueKeys(inputs));
  plan.catalogue.files = objects.files;
  plan.catalogue.rejected = objects.rejected;
  plan.catalogue.counts = ApplySpotifyObjects(catalog, objects);
  ForEachDimensionTable(catalog, [&](LakeTable table) { plan.tables.push_back(std::move(table)); });
}

delta::PartitionValues MonthOf(int64_t ms) {
  const core::CivilDate day = core::CivilFromDays(core::FloorDiv(ms, 86'400'000));
  return {{"year", std::to_string(day.year)}, {"month", std::to_string(day.month)}};
}

// True when every item is a play silver already holds from the API (same ms end and URI).
bool AllRepeats(const storage::ObjectStore& lake, const std::vector<PlayRecord>& items,
                std::string& why_not) {
  std::vector<delta::PartitionValues> months;
  for (const PlayRecord& p : items) {
    delta::PartitionValues month = MonthOf(p.ended_at_ms);
    if (std::find(months.begin(), months.end(), month) == months.end()) months.push_back(month);
  }
  const parquet::Batch rows = ReadPartitions(lake, lake::SilverTable("listening_events"), months,
                                             {"ended_at", "track_uri", "sources"});
  std::set<std::pair<int64_t, std::string_view>> seen;
  for (size_t r = 0; r < rows.num_rows(); ++r) {
    if (rows.column(1).IsNull(r) ||
        rows.column(2).GetString(r).find("api") == std::string_view::npos)
      continue;
    seen.emplace(rows.column(0).GetInt64(r), rows.column(1).GetString(r));
  }
  for (const PlayRecord& p : items) {
    if (!seen.count({p.ended_at_ms * 1000, std::string_view(p.track_uri)})) {
      why_not =
          fmt::format("a play ending {} arrived after newer plays were built (a late arrival)",
                      core::FormatIsoMillis(p.ended_at_ms));
      return false;
    }
  }
  return true;
}

// Which ids silver already holds: the loaded catalog's, or the published tables'.
struct Known {
  std::function<bool(const std::string&)> track, artist;
};

// Whether learning from the new plays changes the ids of plays already in silver.
bool IdsStable(const LearnedIds& before, const LearnedIds& after, const Known& known,
               std::string& why_not) {
  for (const auto& [uri, facts] : after.by_track_uri) {
    const auto it = before.by_track_uri.find(uri);
    const bool same = it != before.by_track_uri.end() && it->second.artist_id == facts.artist_id &&
                      it->second.album_id == facts.album_id;
    if (!same && known.track(std::string(IdOfUri(uri)))) {
      why_not = fmt::format("the API gave new artist or album ids for {}, already played", uri);
      return false;
    }
  }
  for (const auto& [name, id] : after.artist_by_name) {
    const auto it = before.artist_by_name.find(name);
    if (it != before.artist_by_name.end() && it->second == id) continue;
    if (it != before.artist_by_name.end() || known.artist(NameId("artist", {name}))) {
      why_not =
          fmt::format("the API gave a new id for the artist name \"{}\", already played", name);
      return false;
    }
  }
  return true;
}

// The new rows' partitions, each with the rows already published there first.
void PrependExisting(const storage::ObjectStore& lake, LakeTable& events) {
  for (TablePartition& partition : events.partitions) {
    parquet::Batch rows = ReadPartitions(lake, lake::SilverTable(events.name), {partition.values});
    if (rows.num_rows() == 0) continue;
    rows.Append(partition.rows);
    partition.rows = std::move(rows);
  }
  events.partial = true;
}

}  // namespace

std::optional<IncrementalPlan> PlanIncremental(const storage::ObjectStore& lake,
                                               const SilverState& state,
                                               const std::map<std::string, uint64_t>& inputs,
                                               const SilverBuildOptions& options,
                                               std::string& why_not) {
  const auto added = FindNewObjects(state, inputs, why_not);
  if (!added) return std::nullopt;
  if (added->plays.empty()) {
    // Only catalogue responses: the plays, their ids and the fact tables stay as they are.
    IncrementalPlan plan;
    plan.new_catalogue_files = added->catalogue.size();
    Catalog catalog = LoadCatalog(lake);
    RebuildDimensions(lake, inputs, catalog, plan);
    plan.next_state = state;
    plan.next_state.bronze = inputs;
    return plan;
  }
  BronzePlays bronze = ReadBronzePlays(lake, added->plays);
  std::vector<PlayRecord> fresh, old;
  const int64_t cutoff = std::max(state.newest_play_end_ms + kApiToleranceMs,
                                  state.newest_account_end_ms + kAccountReachMs);
  for (PlayRecord& p : bronze.api) {
    if (!p.IsMusic()) {
      why_not = "new recently-played items include episodes";
      return std::nullopt;
    }
    (p.ended_at_ms > cutoff ? fresh : old).push_back(std::move(p));
  }
  if (!old.empty() && !AllRepeats(lake, old, why_not)) return std::nullopt;
  std::sort(fresh.begin(), fresh.end(),
            [](const PlayRecord& a, const PlayRecord& b) { return a.ended_at_ms < b.ended_at_ms; });
  // A new play of a name-only play's names changes how that play resolves unless it is a play of
  // the URI those names already resolve to (the most used one only gains a play).
  for (const PlayRecord& p : fresh) {
    const auto it = state.name_only_keys.find(NameKey(p));
    if (it != state.name_only_keys.end() && it->second != std::string_view(p.track_uri)) {
      why_not = fmt::format("\"{}\" by \"{}\" could change how plays known by name only resolve",
                            std::string_view(p.track_name), std::string_view(p.artist_name));
      return std::nullopt;
    }
  }

  IncrementalPlan plan;
  plan.new_files = added->plays.size();
  plan.new_catalogue_files = added->catalogue.size();
  plan.repeats = old.size();
  plan.api = bronze.api_counts;
  BronzePlays only;
  only.api = std::move(fresh);
  only.api_counts = bronze.api_counts;
  ResolveOptions resolve;
  resolve.account_zone = state.account_zone;
  resolve.listener_zone = options.listener_zone;
  resolve.previous_play_end_ms = state.newest_play_end_ms;
  ResolvedPlays plays = ResolvePlays(std::move(only), resolve);
  plan.summary = plays.summary;
  plan.new_plays = plays.music.size();

  LearnedIds learned = state.learned;
  for (const PlayRecord& p : plays.music) Learn(learned, p);
  Catalog catalog;
  if (!CatalogueKeys(inputs).empty()) {
    // The published dimensions hold what the responses filled; the new plays may have replaced
    // some of it (a duration, a name), so the catalogue is loaded whole and every response is
    // applied again.
    catalog = LoadCatalog(lake);
    const Known known{[&](const std::string& id) { return catalog.tracks.count(id) != 0; },
                      [&](const std::string& id) { return catalog.artists.count(id) != 0; }};
    if (!IdsStable(state.learned, learned, known, why_not)) return std::nullopt;
    ExtendCatalog(catalog, plays.music, learned);
    RebuildDimensions(lake, inputs, catalog, plan);
  } else {
    // Without responses the new plays touch a few entries: only those are read into the
    // catalog, and the published tables are patched with them (published_music.h).
    const auto published = PublishedMusic::Read(lake, why_not);
    if (!published) return std::nullopt;
    const Known known{[&](const std::string& id) { return published->HasTrack(id); },
                      [&](const std::string& id) { return published->HasArtist(id); }};
    if (!IdsStable(state.learned, learned, known, why_not)) return std::nullopt;
    const CatalogLookup lookup = published->Lookup();
    ExtendCatalog(catalog, plays.music, learned, &lookup);
    for (LakeTable& table : published->Patch(catalog)) plan.tables.push_back(std::move(table));
  }
  LakeTable events = ListeningEventsTable(plays, catalog);
  PrependExisting(lake, events);
  plan.tables.push_back(std::move(events));

  plan.next_state = state;
  plan.next_state.bronze = inputs;
  plan.next_state.learned = std::move(learned);
  if (!plays.music.empty()) {
    plan.next_state.newest_play_end_ms =
        std::max(state.newest_play_end_ms, plays.music.back().ended_at_ms);
  }
  return plan;
}

}  // namespace uw::silver
