// The last steps of play resolution: name-only plays resolved to the listener's own URIs
// (DESIGN §8.3), the estimated listening time of api-only plays (§3 "Listening time"), and the
// whole pipeline.
#include <algorithm>
#include <atomic>
#include <string>
#include <tuple>

#include "pipeline/silver/parallel_ranges.h"
#include "pipeline/silver/play_keys.h"
#include "pipeline/silver/resolve_plays.h"
#include "pipeline/silver/search_resolution.h"

namespace uw::silver {
namespace {

// Content and names, video podcasts apart: the names a URI is learned for.
struct ContentNamesKey {
  uint8_t content = 0;
  NamesKey names;

  bool operator==(const ContentNamesKey&) const = default;
  uint64_t Hash() const { return HashFinish(names.Hash(content)); }
};

struct UriUse {
  Text uri;
  uint64_t plays = 0;
  int64_t last_ms = 0;
};

// The most used URI, then the most recent; ties go to the smallest URI.
const UriUse& MostUsed(const std::vector<UriUse>& uses) {
  const UriUse* best = &uses.front();
  for (const UriUse& u : uses) {
    const auto a = std::tie(u.plays, u.last_ms), b = std::tie(best->plays, best->last_ms);
    if (a > b || (a == b && u.uri < best->uri)) best = &u;
  }
  return *best;
}

// Estimated ms_played of an api-only play: the time since the previous play ended, capped at
// the track duration (a play cannot have run longer than the gap before its end). The first
// play's previous one is `previous_end_ms` when known.
int64_t EstimateMs(const std::vector<PlayRecord>& plays, size_t i,
                   std::optional<int64_t> previous_end_ms) {
  const int64_t duration = plays[i].track_duration_ms.value_or(0);
  if (i == 0 && !previous_end_ms) return duration;
  const int64_t gap = plays[i].ended_at_ms - (i == 0 ? *previous_end_ms : plays[i - 1].ended_at_ms);
  return std::clamp<int64_t>(gap, 0, duration > 0 ? duration : gap);
}

// Estimates ms_played of the api-only plays of plays[begin, end); returns how many it estimated.
uint64_t EstimateRange(std::vector<PlayRecord>& plays, size_t begin, size_t end,
                       std::optional<int64_t> previous_end_ms) {
  uint64_t estimated = 0;
  for (size_t i = begin; i < end; ++i) {
    PlayRecord& p = plays[i];
    if (!p.ms_played && p.sources == kSeenByApi) {
      p.ms_played = EstimateMs(plays, i, previous_end_ms);
      p.ms_played_estimated = true;
      ++estimated;
    }
  }
  return estimated;
}

// The URIs extended and api plays used under each `wanted` names, with counts and last use.
std::vector<std::vector<UriUse>> CountUses(const std::vector<PlayRecord>& plays,
                                           const KeyIndex<ContentNamesKey>& wanted) {
  std::vector<std::vector<UriUse>> uses(wanted.size());
  if (wanted.size() == 0) return uses;
  // Keying every play is the costly part: done on every core, counted in order after.
  std::vector<uint32_t> wanted_of(plays.size(), KeyIndex<ContentNamesKey>::kNone);
  ParallelRanges(plays.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const PlayRecord& p = plays[i];
      if (p.Uri().empty() || (p.sources & (kSeenByExtended | kSeenByApi)) == 0) continue;
      const NamesKey names = NamesKeyOf(p);
      if (names.present) wanted_of[i] = wanted.Find({uint8_t(p.content), names});
    }
  });
  for (size_t i = 0; i < plays.size(); ++i) {
    const uint32_t id = wanted_of[i];
    if (id == KeyIndex<ContentNamesKey>::kNone) continue;
    const PlayRecord& p = plays[i];
    auto it = std::find_if(uses[id].begin(), uses[id].end(),
                           [&](const UriUse& u) { return u.uri == p.Uri(); });
    if (it == uses[id].end()) it = uses[id].insert(it, UriUse{p.Uri()});
    ++it->plays;
    it->last_ms = std::max(it->last_ms, p.ended_at_ms);
  }
  return uses;
}

}  // namespace

void ResolveNames(std::vector<PlayRecord>& plays, ResolveSummary& summary) {
  // Only the names of plays without a URI need their URIs counted.
  KeyIndex<ContentNamesKey> wanted;
  std::vector<std::pair<size_t, uint32_t>> nameless;  // play, wanted id (kNone: no names)
  // Plays with a URI resolve to it in the same pass (counting reads only Uri()).
  for (size_t i = 0; i < plays.size(); ++i) {
    PlayRecord& p = plays[i];
    if (const Text uri = p.Uri(); !uri.empty()) {
      p.resolved_uri = uri;
      p.resolution = Resolution::kOwn;
      continue;
    }
    const NamesKey names = NamesKeyOf(p);
    nameless.emplace_back(i, names.present ? wanted.Insert({uint8_t(p.content), names})
                                           : KeyIndex<ContentNamesKey>::kNone);
  }
  const std::vector<std::vector<UriUse>> uses = CountUses(plays, wanted);
  for (const auto& [i, id] : nameless) {
    PlayRecord& p = plays[i];
    if (id == KeyIndex<ContentNamesKey>::kNone || uses[id].empty()) {
      p.resolution = Resolution::kUnseen;
      ++summary.names_unresolved;
      continue;
    }
    p.resolved_uri = MostUsed(uses[id]).uri;
    p.resolution = uses[id].size() == 1 ? Resolution::kUnique : Resolution::kMostUsed;
    ++summary.names_resolved;
    if (p.resolution == Resolution::kMostUsed) ++summary.names_resolved_most_used;
  }
}

void EstimateMsPlayed(std::vector<PlayRecord>& plays, ResolveSummary& summary,
                      std::optional<int64_t> previous_play_end_ms) {
  // An estimate reads only ended_at of the play before: ranges are independent.
  std::atomic<uint64_t> estimated{0};
  ParallelRanges(plays.size(), [&](size_t begin, size_t end) {
    estimated += EstimateRange(plays, begin, end, previous_play_end_ms);
  });
  summary.ms_played_estimated += estimated;
}

ResolvedPlays ResolvePlays(BronzePlays bronze, const ResolveOptions& options) {
  ResolvedPlays out;
  ResolveSummary& s = out.summary;
  s.extended_in = bronze.extended.size();
  s.account_in = bronze.account.size();
  s.api_in = bronze.api.size();
  auto extended = MergeExactDuplicates(std::move(bronze.extended), s.extended_exact_duplicates);
  auto api = MergeExactDuplicates(std::move(bronze.api), s.api_repeated_items);
  auto plays = MergeApiIntoExtended(std::move(extended), std::move(api), s.api_extended_merged);
  s.zone = DecideAccountZone(bronze.account, plays, options);
  plays = MergeAccount(std::move(plays), std::move(bronze.account), s.zone.zone, s);
  ResolveNames(plays, s);
  if (options.search) ResolveBySearch(plays, *options.search, s);
  EstimateMsPlayed(plays, s, options.previous_play_end_ms);
  // Music is most of the plays: it keeps their vector, closing up in place as the podcasts are
  // copied out, in one pass over the plays.
  size_t music = 0;
  for (size_t i = 0; i < plays.size(); ++i) {
    if (!plays[i].IsMusic()) {
      out.podcast.push_back(plays[i]);
      continue;
    }
    if (music != i) plays[music] = plays[i];
    ++music;
  }
  plays.resize(music);
  out.music = std::move(plays);
  s.music_out = out.music.size();
  s.podcast_out = out.podcast.size();
  return out;
}

}  // namespace uw::silver
