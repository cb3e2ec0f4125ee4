// The last steps of play resolution: name-only plays resolved to the listener's own URIs
// (DESIGN §8.3), the derived flags (§3 "What counts", "Listening time"), and the whole pipeline.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/civil_time.h"
#include "core/sha256.h"
#include "pipeline/silver/resolve_plays.h"

namespace uw::silver {
namespace {

constexpr int64_t kStreamMs = 30000;         // is_stream threshold (DESIGN §2 gold, §3)
constexpr int64_t kStartDisagreeMs = 10000;  // offline_timestamp wins beyond this (§3 "Time")

struct UriUse {
  uint64_t plays = 0;
  int64_t last_ms = 0;
};

bool IsSkipReason(const std::string& reason) {
  return reason == "fwdbtn" || reason == "backbtn" || reason == "endplay";
}

// Estimated ms_played of an api-only play: the time since the previous play ended, capped at
// the track duration (a play cannot have run longer than the gap before its end).
int64_t EstimateMs(const std::vector<PlayRecord>& plays, size_t i) {
  const int64_t duration = plays[i].track_duration_ms.value_or(0);
  if (i == 0) return duration;
  const int64_t gap = plays[i].ended_at_ms - plays[i - 1].ended_at_ms;
  return std::clamp<int64_t>(gap, 0, duration > 0 ? duration : gap);
}

}  // namespace

void ResolveNames(std::vector<PlayRecord>& plays, ResolveSummary& summary) {
  std::unordered_map<std::string, std::map<std::string, UriUse>> uses;
  for (const PlayRecord& p : plays) {
    if (p.Uri().empty() || (p.sources & (kSeenByExtended | kSeenByApi)) == 0) continue;
    const std::string key = NameKey(p);
    if (key.empty()) continue;
    UriUse& use = uses[std::string(1, char('0' + int(p.content))) + key][p.Uri()];
    ++use.plays;
    use.last_ms = std::max(use.last_ms, p.ended_at_ms);
  }
  for (PlayRecord& p : plays) {
    if (!p.Uri().empty()) {
      p.resolved_uri = p.Uri();
      p.resolution = Resolution::kOwn;
      continue;
    }
    const auto it = uses.find(std::string(1, char('0' + int(p.content))) + NameKey(p));
    if (it == uses.end()) {
      p.resolution = Resolution::kUnseen;
      ++summary.names_unresolved;
      continue;
    }
    const auto best =
        std::max_element(it->second.begin(), it->second.end(), [](const auto& a, const auto& b) {
          return std::tie(a.second.plays, a.second.last_ms) <
                 std::tie(b.second.plays, b.second.last_ms);
        });
    p.resolved_uri = best->first;
    p.resolution = it->second.size() == 1 ? Resolution::kUnique : Resolution::kMostUsed;
    ++summary.names_resolved;
    if (p.resolution == Resolution::kMostUsed) ++summary.names_resolved_most_used;
  }
}

void DeriveFlags(std::vector<PlayRecord>& plays, ResolveSummary& summary) {
  std::unordered_map<std::string, uint32_t> occurrences;
  for (size_t i = 0; i < plays.size(); ++i) {
    PlayRecord& p = plays[i];
    if (!p.ms_played && p.sources == kSeenByApi) {
      p.ms_played = EstimateMs(plays, i);
      p.ms_played_estimated = true;
      ++summary.ms_played_estimated;
    }
    const int64_t ms = p.ms_played.value_or(0);
    p.is_stream = ms >= kStreamMs;
    p.is_skip = IsSkipReason(p.reason_end) || ms < kStreamMs;
    p.started_at_ms = p.ended_at_ms - ms;
    if (p.offline_at_ms && std::abs(*p.offline_at_ms - p.started_at_ms) > kStartDisagreeMs) {
      p.started_at_ms = *p.offline_at_ms;
    }
    std::string identity = std::string(ContentName(p.content)) + '\x1f' +
                           (p.resolved_uri.empty() ? NameKey(p) : p.resolved_uri) + '\x1f' +
                           std::to_string(core::FloorDiv(p.ended_at_ms, 1000));
    const uint32_t occurrence = occurrences[identity]++;
    p.event_id = core::Sha256Hex(identity + '\x1f' + std::to_string(occurrence)).substr(0, 32);
  }
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
  DeriveFlags(plays, s);
  for (PlayRecord& p : plays) (p.IsMusic() ? out.music : out.podcast).push_back(std::move(p));
  s.music_out = out.music.size();
  s.podcast_out = out.podcast.size();
  return out;
}

}  // namespace uw::silver
