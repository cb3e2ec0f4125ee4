#include "generator/fixups.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "generator/holdings.h"
#include "generator/rng.h"
#include "generator/scenario.h"

namespace uw::generator {
namespace {

constexpr int64_t kNearMs = 120 * 1000;  // "the same minute" with margin on both sides
constexpr int64_t kClusterS = 2 * 3600;  // covers any DST shift of local minutes

// A replacement track for `p`: long enough for its ms_played, with names not played nearby.
uint32_t ReplacementTrack(const Catalog& catalog, const PlayKeys& keys, const Play& p,
                          const std::unordered_map<uint64_t, int64_t>& last_end) {
  const size_t n = catalog.tracks.size();
  size_t t = Mix64(p.seq) % n;
  for (size_t tries = 0; tries < n; ++tries, t = (t + 1) % n) {
    const Track& tr = catalog.tracks[t];
    if (tr.duration_ms < p.ms_played || tr.is_short) continue;
    Play candidate = p;
    candidate.item = static_cast<uint32_t>(t);
    const auto it = last_end.find(keys.NameKey(candidate));
    if (it == last_end.end() || p.end_ms - it->second > kNearMs) return static_cast<uint32_t>(t);
  }
  return p.item;
}

// Near the end, account rows and API items of one track within two minutes cannot be paired
// without guessing (DESIGN §3 matches them by minute and names only).
int64_t SeparateNearEndRepeats(const Catalog& catalog, const PlayKeys& keys, Timeline& timeline) {
  std::unordered_map<uint64_t, int64_t> last_end;
  int64_t swaps = 0;
  for (Play& p : timeline.plays) {
    if (p.ts() < scenario::kGuardFrom || !IsMusic(p.kind)) continue;
    const uint64_t key = keys.NameKey(p);
    const auto it = last_end.find(key);
    if (p.kind == ContentKind::kTrack && it != last_end.end() && p.end_ms - it->second <= kNearMs) {
      p.item = ReplacementTrack(catalog, keys, p, last_end);
      if (!catalog.tracks[p.item].has_video) p.flags &= static_cast<uint8_t>(~kVideo);
      ++swaps;
    }
    last_end[keys.NameKey(p)] = p.end_ms;
  }
  return swaps;
}

// Identical account rows (minute, names, ms_played) are several plays only when extended rows
// show each of them (§8.1); incognito plays must not look like the rows that account data holds.
int64_t SeparateAccountLookalikes(const PlayKeys& keys, Timeline& timeline) {
  struct Candidate {
    uint64_t names;
    int32_t ms;
    int64_t end_ms;
    uint32_t index;
    bool operator<(const Candidate& o) const {
      return std::tie(names, ms, end_ms, index) < std::tie(o.names, o.ms, o.end_ms, o.index);
    }
  };
  std::vector<Candidate> candidates;
  for (uint32_t i = 0; i < timeline.plays.size(); ++i) {
    const Play& p = timeline.plays[i];
    const int64_t ts = p.ts();
    if (ts >= scenario::kAccountStart && ts < scenario::kAccountEnd &&
        p.kind != ContentKind::kNoIdentity) {
      candidates.push_back({keys.NameKey(p), p.ms_played, p.end_ms, i});
    }
  }
  std::sort(candidates.begin(), candidates.end());
  int64_t nudges = 0;
  for (size_t i = 1; i < candidates.size(); ++i) {
    const Candidate& a = candidates[i - 1];
    const Candidate& b = candidates[i];
    if (a.names != b.names || a.ms != b.ms || (b.end_ms - a.end_ms) / 1000 > kClusterS) continue;
    const Play& prev = timeline.plays[a.index];
    Play& p = timeline.plays[b.index];
    const bool clean =
        ExtendedHolds(prev) && ExtendedHolds(p) && !prev.Has(kIncognito) && !p.Has(kIncognito);
    if (clean) continue;
    p.ms_played += 1 + static_cast<int32_t>(Mix64(p.seq) % 997);
    ++nudges;
  }
  return nudges;
}

// Two extended rows with the same second, identity and ms_played are one play (§8.1), so two
// distinct plays must differ in one of them.
bool SameExtendedKey(const PlayKeys& keys, const Play& a, const Play& b) {
  return ExtendedHolds(a) && a.kind == b.kind && a.ms_played == b.ms_played &&
         keys.UriKey(a) == keys.UriKey(b);
}

int64_t SeparateExtendedLookalikes(const PlayKeys& keys, Timeline& timeline) {
  auto& plays = timeline.plays;
  int64_t nudges = 0;
  for (size_t begin = 0; begin < plays.size();) {
    size_t end = begin + 1;
    while (end < plays.size() && plays[end].ts() == plays[begin].ts()) ++end;
    for (size_t j = begin + 1; j < end; ++j) {
      if (!ExtendedHolds(plays[j])) continue;
      for (size_t i = begin; i < j;) {
        if (!SameExtendedKey(keys, plays[i], plays[j])) {
          ++i;
          continue;
        }
        plays[j].ms_played += 1 + static_cast<int32_t>(Mix64(plays[j].seq) % 997);
        ++nudges;
        i = begin;  // compare the new value against the whole second again
      }
    }
    begin = end;
  }
  return nudges;
}

}  // namespace

FixupStats ApplyFixups(const Catalog& catalog, Timeline& timeline) {
  const PlayKeys keys(catalog);
  FixupStats stats;
  stats.track_swaps = SeparateNearEndRepeats(catalog, keys, timeline);
  // Each pass can in principle create work for the other; repeat until both are quiet.
  for (stats.rounds = 1; stats.rounds <= 8; ++stats.rounds) {
    const int64_t changed =
        SeparateAccountLookalikes(keys, timeline) + SeparateExtendedLookalikes(keys, timeline);
    stats.ms_nudges += changed;
    if (changed == 0) break;
  }
  return stats;
}

}  // namespace uw::generator
