// The account-data zone decision (DESIGN §3 "Time"): the zone that puts the most account rows in
// the minute of a matching (names, ms_played) play from extended history or the api.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/civil_time.h"
#include "core/time_zone.h"
#include "pipeline/silver/resolve_plays.h"

namespace uw::silver {
namespace {

// Zones tried besides the configured one and UTC; fixed offsets seen in the data join them.
constexpr const char* kCommonZones[] = {
    "Europe/London",   "Europe/Berlin",  "Europe/Helsinki",     "America/New_York",
    "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo",
    "Asia/Kolkata",    "Asia/Tokyo",     "Australia/Sydney"};

using CandidateIndex = std::unordered_map<std::string, std::vector<int64_t>>;  // -> ended_at_s

std::string MatchKey(const PlayRecord& p, int64_t ms_played) {
  const char content = p.content == Content::kVideoPodcast ? '1' : char('0' + int(p.content));
  return std::string(1, content) + NameKey(p) + '\x1d' + std::to_string(ms_played);
}

CandidateIndex BuildIndex(const std::vector<PlayRecord>& plays) {
  CandidateIndex index;
  for (const PlayRecord& p : plays) {
    if (p.incognito || !p.ms_played) continue;
    index[MatchKey(p, *p.ms_played)].push_back(core::FloorDiv(p.ended_at_ms, 1000));
  }
  return index;
}

// Whole-hour offsets (wall clock - UTC) seen in at least a tenth of the checked rows.
std::vector<std::string> OffsetZones(const std::vector<PlayRecord>& account,
                                     const CandidateIndex& index) {
  std::map<int64_t, uint64_t> seen;
  uint64_t rows = 0;
  for (const PlayRecord& row : account) {
    const auto it = index.find(MatchKey(row, row.ms_played.value_or(-1)));
    if (it == index.end()) continue;
    ++rows;
    const int64_t naive_s = row.ended_at_ms / 1000;
    for (const int64_t t : it->second) ++seen[naive_s - core::FloorDiv(t, 60) * 60];
  }
  std::vector<std::string> zones;
  for (const auto& [offset, count] : seen) {
    if (count * 10 < rows || offset % 3600 != 0 || offset == 0) continue;
    const int64_t hours = offset / 3600;  // Etc/GMT signs are inverted (POSIX)
    if (hours < -12 || hours > 14) continue;
    zones.push_back("Etc/GMT" + std::string(hours > 0 ? "-" : "+") +
                    std::to_string(std::abs(hours)));
  }
  return zones;
}

uint64_t Score(const core::TimeZone& zone, const std::vector<PlayRecord>& account,
               const CandidateIndex& index) {
  uint64_t matched = 0;
  for (const PlayRecord& row : account) {
    const auto it = index.find(MatchKey(row, row.ms_played.value_or(-1)));
    if (it == index.end()) continue;
    const int64_t naive_s = row.ended_at_ms / 1000;
    for (const int64_t t : it->second) {
      const int64_t local = zone.ToLocal(t);
      if (core::FloorDiv(local, 60) * 60 == naive_s) {
        ++matched;
        break;
      }
    }
  }
  return matched;
}

}  // namespace

ZoneDecision DecideAccountZone(const std::vector<PlayRecord>& account,
                               const std::vector<PlayRecord>& plays,
                               const ResolveOptions& options) {
  ZoneDecision decision;
  if (options.account_zone != "auto" && !options.account_zone.empty()) {
    decision.zone = core::TimeZone::Named(options.account_zone).name();
    decision.overridden = true;
    return decision;
  }
  const CandidateIndex index = BuildIndex(plays);
  for (const PlayRecord& row : account) {
    decision.rows_checked += index.count(MatchKey(row, row.ms_played.value_or(-1)));
  }
  std::vector<std::string> names = {options.listener_zone, "UTC"};
  names.insert(names.end(), std::begin(kCommonZones), std::end(kCommonZones));
  for (auto& z : OffsetZones(account, index)) names.push_back(std::move(z));
  decision.zone = "UTC";
  bool first = true;
  for (const std::string& name : names) {
    if (name.empty()) continue;
    const core::TimeZone zone = core::TimeZone::Named(name);
    const uint64_t score = Score(zone, account, index);
    if (first || score > decision.rows_matched) {  // ties keep the earlier (preferred) zone
      decision.zone = zone.name();
      decision.rows_matched = score;
      first = false;
    }
  }
  if (decision.rows_checked > 0) {
    decision.confidence = double(decision.rows_matched) / double(decision.rows_checked);
  }
  return decision;
}

}  // namespace uw::silver
