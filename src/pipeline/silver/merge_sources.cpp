// §8.1 exact duplicates within a source and §8.2 api <-> extended matching.
#include <algorithm>
#include <string>
#include <tuple>

#include "pipeline/silver/resolve_plays.h"

namespace uw::silver {
namespace {

// The identity of a play within its content type: the URI, else the normalised names.
std::string IdentityKey(const PlayRecord& p) {
  std::string key(1, static_cast<char>('0' + static_cast<int>(p.content)));
  if (!p.Uri().empty()) return key + p.Uri();
  return key + '\x1e' + NameKey(p);
}

// Copies what only the api knows onto the extended copy of the same play (§3: api gives context
// and ids, and its millisecond time wins per §8.2).
void TakeApiFields(PlayRecord& survivor, const PlayRecord& api) {
  survivor.ended_at_ms = api.ended_at_ms;
  survivor.precision = Precision::kMillis;
  survivor.source = Source::kApi;
  survivor.sources |= api.sources;
  survivor.context_type = api.context_type;
  survivor.context_uri = api.context_uri;
  survivor.artist_id = api.artist_id;
  survivor.album_id = api.album_id;
  survivor.track_duration_ms = api.track_duration_ms;
  survivor.bronze_file = api.bronze_file;
  survivor.record_index = api.record_index;
  if (survivor.album_name.empty()) survivor.album_name = api.album_name;
  if (survivor.artist_name.empty()) survivor.artist_name = api.artist_name;
}

}  // namespace

std::vector<PlayRecord> MergeExactDuplicates(std::vector<PlayRecord> plays, uint64_t& merged) {
  struct Keyed {
    int64_t ended_at_ms;
    std::string identity;
    int64_t ms_played;
    size_t index;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(plays.size());
  for (size_t i = 0; i < plays.size(); ++i) {
    keyed.push_back(
        {plays[i].ended_at_ms, IdentityKey(plays[i]), plays[i].ms_played.value_or(-1), i});
  }
  // The index breaks ties so the first record read (file key order, then record order) survives.
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.ended_at_ms, a.identity, a.ms_played, a.index) <
           std::tie(b.ended_at_ms, b.identity, b.ms_played, b.index);
  });
  std::vector<PlayRecord> out;
  out.reserve(plays.size());
  for (size_t i = 0; i < keyed.size(); ++i) {
    if (i > 0 && keyed[i].ended_at_ms == keyed[i - 1].ended_at_ms &&
        keyed[i].ms_played == keyed[i - 1].ms_played &&
        keyed[i].identity == keyed[i - 1].identity) {
      ++merged;
      continue;
    }
    out.push_back(std::move(plays[keyed[i].index]));
  }
  return out;
}

std::vector<PlayRecord> MergeApiIntoExtended(std::vector<PlayRecord> extended,
                                             std::vector<PlayRecord> api, uint64_t& merged) {
  constexpr int64_t kMinStreamMs = 30000;  // the api only lists plays of at least 30 s
  std::vector<bool> claimed(extended.size(), false);
  // Merging moves ended_at by up to the tolerance, so search the original (sorted) times.
  std::vector<int64_t> ends;
  ends.reserve(extended.size());
  for (const PlayRecord& p : extended) ends.push_back(p.ended_at_ms);
  std::vector<PlayRecord> unmatched;
  for (PlayRecord& item : api) {
    const int64_t t = item.ended_at_ms;
    size_t i = static_cast<size_t>(std::lower_bound(ends.begin(), ends.end(), t - kApiToleranceMs) -
                                   ends.begin());
    size_t best = extended.size();
    auto better = [&](size_t a, size_t b) {  // is candidate a better than b?
      if (b == extended.size()) return true;
      const bool a_stream = extended[a].ms_played.value_or(0) >= kMinStreamMs;
      const bool b_stream = extended[b].ms_played.value_or(0) >= kMinStreamMs;
      if (a_stream != b_stream) return a_stream;
      return std::abs(ends[a] - t) < std::abs(ends[b] - t);
    };
    for (; i < ends.size() && ends[i] <= t + kApiToleranceMs; ++i) {
      const PlayRecord& c = extended[i];
      if (claimed[i] || c.incognito || c.content != item.content || c.Uri().empty() ||
          c.Uri() != item.Uri()) {
        continue;
      }
      if (better(i, best)) best = i;
    }
    if (best == extended.size()) {
      unmatched.push_back(std::move(item));
      continue;
    }
    claimed[best] = true;
    TakeApiFields(extended[best], item);
    ++merged;
  }
  for (PlayRecord& p : unmatched) extended.push_back(std::move(p));
  std::stable_sort(extended.begin(), extended.end(), [](const PlayRecord& a, const PlayRecord& b) {
    return a.ended_at_ms < b.ended_at_ms;
  });
  return extended;
}

}  // namespace uw::silver
