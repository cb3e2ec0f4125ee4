// §8.1 exact duplicates within a source and §8.2 api <-> extended matching.
#include <algorithm>
#include <string>

#include "pipeline/silver/play_keys.h"
#include "pipeline/silver/resolve_plays.h"
#include "pipeline/silver/sort_order.h"

namespace uw::silver {
namespace {

// The identity as the rules write it: content digit, then the URI or \x1e and the names. Only
// built to order different identities that end in the same millisecond.
std::string IdentityText(const PlayRecord& p) {
  std::string key(1, static_cast<char>('0' + static_cast<int>(p.content)));
  if (!p.Uri().empty()) return key + std::string(p.Uri().view());
  return key + '\x1e' + NameKey(p);
}

// Orders plays of one ended_at like the keys (identity text, ms_played, position) would.
struct SameEndOrder {
  const std::vector<PlayRecord>& plays;
  bool operator()(uint32_t a, uint32_t b) const {
    const PlayRecord& x = plays[a];
    const PlayRecord& y = plays[b];
    if (!(IdentityKeyOf(x) == IdentityKeyOf(y))) return IdentityText(x) < IdentityText(y);
    const int64_t mx = x.ms_played.value_or(-1), my = y.ms_played.value_or(-1);
    return mx != my ? mx < my : a < b;
  }
};

// Sorts by (ended_at, identity, ms_played, position): stable by time, then each run of equal
// times (short: plays ending in the same millisecond) by the rest.
std::vector<uint32_t> DuplicateOrder(const std::vector<PlayRecord>& plays) {
  std::vector<int64_t> times;
  times.reserve(plays.size());
  for (const PlayRecord& p : plays) times.push_back(p.ended_at_ms);
  std::vector<uint32_t> order = StableOrder(times);
  // The runs of equal times are found in `times`, not in the plays, a hundred-odd bytes apart.
  for (size_t start = 0, end; start < order.size(); start = end) {
    const int64_t t = times[order[start]];
    for (end = start + 1; end < order.size() && times[order[end]] == t;) ++end;
    if (end - start > 1) std::sort(order.begin() + start, order.begin() + end, SameEndOrder{plays});
  }
  return order;
}

bool ExactDuplicates(const PlayRecord& a, const PlayRecord& b) {
  return a.ended_at_ms == b.ended_at_ms && a.ms_played.value_or(-1) == b.ms_played.value_or(-1) &&
         IdentityKeyOf(a) == IdentityKeyOf(b);
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
  // Positions break ties, so the first record read (file key order, then record order) survives.
  // Bronze plays come sorted by time, so this sort moves little.
  PermuteInPlace(plays, DuplicateOrder(plays));
  size_t kept = 0;
  for (size_t i = 0; i < plays.size(); ++i) {
    if (kept > 0 && ExactDuplicates(plays[i], plays[kept - 1])) {
      ++merged;
      continue;
    }
    if (kept != i) plays[kept] = plays[i];
    ++kept;
  }
  plays.resize(kept);
  return plays;
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
  for (const PlayRecord& item : api) {
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
      // Texts are interned: equal URIs are the same pointer.
      if (claimed[i] || c.incognito || c.content != item.content || c.Uri().empty() ||
          c.Uri() != item.Uri()) {
        continue;
      }
      if (better(i, best)) best = i;
    }
    if (best == extended.size()) {
      unmatched.push_back(item);
      continue;
    }
    claimed[best] = true;
    TakeApiFields(extended[best], item);
    ++merged;
  }
  extended.insert(extended.end(), unmatched.begin(), unmatched.end());
  SortByEnd(extended);
  return extended;
}

}  // namespace uw::silver
