#include "generator/showcase.h"

#include <algorithm>
#include <map>

#include "generator/holdings.h"
#include "generator/scenario.h"

namespace uw::generator {
namespace {

// Versions of one recording (same artist and name, several URIs), all played in extended rows,
// fewest plays first; the most played groups first.
std::vector<std::vector<uint32_t>> PlayedReReleases(const Catalog& catalog,
                                                    const Timeline& timeline,
                                                    std::vector<int64_t>& plays) {
  plays.assign(catalog.tracks.size(), 0);
  for (const Play& p : timeline.plays) {
    if (p.kind == ContentKind::kTrack && ExtendedHolds(p)) ++plays[p.item];
  }
  std::map<std::pair<uint32_t, std::string>, std::vector<uint32_t>> versions;
  for (uint32_t t = 0; t < catalog.tracks.size(); ++t)
    versions[{catalog.tracks[t].artist, catalog.tracks[t].name}].push_back(t);
  std::vector<std::vector<uint32_t>> out;
  for (auto& [key, items] : versions) {
    if (items.size() < 2) continue;
    if (std::any_of(items.begin(), items.end(), [&](uint32_t t) { return plays[t] == 0; }))
      continue;
    std::stable_sort(items.begin(), items.end(),
                     [&](uint32_t a, uint32_t b) { return plays[a] < plays[b]; });
    if (plays[items.front()] != plays[items.back()]) out.push_back(items);
  }
  std::stable_sort(out.begin(), out.end(),
                   [&](const auto& a, const auto& b) { return plays[a.back()] > plays[b.back()]; });
  return out;
}

}  // namespace

int ShowcaseNameResolution(const Catalog& catalog, Timeline& timeline) {
  std::vector<int64_t> plays;
  const auto groups = PlayedReReleases(catalog, timeline, plays);
  int changed = 0;
  for (Play& p : timeline.plays) {
    if (changed == 2 || static_cast<size_t>(changed) >= groups.size()) break;
    const int64_t ts = p.ts();
    // Account-only: after the extended export, before the account export, under 30 s (the API
    // never shows it), not private.
    if (ts < scenario::kExtendedEnd || ts >= scenario::kAccountEnd ||
        p.kind != ContentKind::kTrack || p.Has(kIncognito) || p.Has(kVideo) ||
        p.ms_played >= 30000) {
      continue;
    }
    const auto& versions = groups[changed];
    p.item = changed == 0 ? versions.front() : versions.back();
    p.ms_played = std::min(p.ms_played, catalog.tracks[p.item].duration_ms);
    ++changed;
  }
  return changed;
}

}  // namespace uw::generator
