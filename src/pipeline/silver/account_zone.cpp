// The account-data zone decision (DESIGN §3 "Time"): the zone that puts the most account rows in
// the minute of a matching (names, ms_played) play from extended history or the api.
#include <algorithm>

#include "core/civil_time.h"
#include "core/time_zone.h"
#include "pipeline/silver/parallel_ranges.h"
#include "pipeline/silver/play_keys.h"
#include "pipeline/silver/resolve_plays.h"
#include "pipeline/silver/zone_offsets.h"

namespace uw::silver {
namespace {

// Zones tried besides the configured one and UTC; fixed offsets seen in the data join them.
constexpr const char* kCommonZones[] = {
    "Europe/London",   "Europe/Berlin",  "Europe/Helsinki",     "America/New_York",
    "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo",
    "Asia/Kolkata",    "Asia/Tokyo",     "Australia/Sydney"};

// Candidates are only looked for this far around a row's wall clock: every real UTC offset is
// within ±15 h, so a farther candidate can match no zone (zones beyond get the whole list).
constexpr int64_t kWindowS = 16 * 3600;
constexpr int64_t kMaxOffsetS = 15 * 3600;

// A (names, ms_played) candidate key: content (video as episode), names, ms_played.
struct MatchKey {
  uint8_t content = 0;
  NamesKey names;
  int64_t ms_played = 0;

  bool operator==(const MatchKey&) const = default;
  uint64_t Hash() const { return HashFinish(HashMix(names.Hash(content), uint64_t(ms_played))); }
};

MatchKey MatchKeyOf(const PlayRecord& p, int64_t ms_played) {
  return {MatchContent(p.content), NamesKeyOf(p), ms_played};
}

// The ms_played values of the account rows, as bits of a set that may hold false positives: most
// plays share no row's ms_played, and are passed over before their names are looked up.
class RowMsFilter {
 public:
  explicit RowMsFilter(const std::vector<PlayRecord>& account) : bits_(kBits / 64, 0) {
    for (const PlayRecord& row : account) {
      const uint64_t bit = Bit(row.ms_played.value_or(-1));
      bits_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }
  bool MayHave(int64_t ms_played) const {
    const uint64_t bit = Bit(ms_played);
    return (bits_[bit / 64] >> (bit % 64) & 1) != 0;
  }

 private:
  static constexpr uint64_t kBits = uint64_t{1} << 20;  // 128 KB: stays in cache
  static uint64_t Bit(int64_t ms_played) { return HashFinish(uint64_t(ms_played)) & (kBits - 1); }

  std::vector<uint64_t> bits_;
};

// The account rows with at least one candidate play, each with the ended_at seconds of its
// candidates (time-ordered) and the part of them near the row.
struct CheckedRows {
  std::vector<int64_t> times;  // candidate ends, grouped by key
  struct Row {
    int64_t naive_s;
    uint32_t list_begin, list_end;      // the key's candidates in `times`
    uint32_t window_begin, window_end;  // those within kWindowS of naive_s
  };
  std::vector<Row> rows;
};

CheckedRows FindCandidates(const std::vector<PlayRecord>& account,
                           const std::vector<PlayRecord>& plays) {
  KeyIndex<MatchKey> keys(account.size());
  std::vector<uint32_t> key_of_row;
  key_of_row.reserve(account.size());
  for (const PlayRecord& row : account) {
    key_of_row.push_back(keys.Insert(MatchKeyOf(row, row.ms_played.value_or(-1))));
  }
  // Candidate lists by key (CSR), in play order, which is time order.
  const RowMsFilter row_ms(account);
  std::vector<uint32_t> key_of_play(plays.size(), KeyIndex<MatchKey>::kNone);
  // Read while the play is at hand: the lists are filled without another pass over the plays.
  std::vector<int64_t> second_of_play(plays.size());
  ParallelRanges(plays.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const PlayRecord& p = plays[i];
      if (p.incognito || !p.ms_played || !row_ms.MayHave(*p.ms_played)) continue;
      key_of_play[i] = keys.Find(MatchKeyOf(p, *p.ms_played));
      second_of_play[i] = core::FloorDiv(p.ended_at_ms, 1000);
    }
  });
  std::vector<uint32_t> starts(keys.size() + 1, 0);
  for (const uint32_t key : key_of_play) {
    if (key != KeyIndex<MatchKey>::kNone) ++starts[key + 1];
  }
  for (size_t k = 0; k < keys.size(); ++k) starts[k + 1] += starts[k];
  CheckedRows out;
  out.times.resize(starts.back());
  std::vector<uint32_t> fill(starts.begin(), starts.end() - 1);
  for (size_t i = 0; i < plays.size(); ++i) {
    if (key_of_play[i] == KeyIndex<MatchKey>::kNone) continue;
    out.times[fill[key_of_play[i]]++] = second_of_play[i];
  }
  for (size_t r = 0; r < account.size(); ++r) {
    const uint32_t begin = starts[key_of_row[r]], end = starts[key_of_row[r] + 1];
    if (begin == end) continue;
    const int64_t naive_s = account[r].ended_at_ms / 1000;
    const auto first = out.times.begin() + begin, last = out.times.begin() + end;
    const auto lo = std::lower_bound(first, last, naive_s - kWindowS);
    const auto hi = std::upper_bound(lo, last, naive_s + kWindowS);
    out.rows.push_back({naive_s, begin, end, static_cast<uint32_t>(lo - out.times.begin()),
                        static_cast<uint32_t>(hi - out.times.begin())});
  }
  return out;
}

// Whole-hour offsets (wall clock - UTC) seen in at least a tenth of the checked rows.
std::vector<std::string> OffsetZones(const CheckedRows& checked) {
  constexpr int64_t kMinHours = -12, kMaxHours = 14;  // Etc/GMT zones exist for these
  uint64_t seen[kMaxHours - kMinHours + 1] = {};
  for (const auto& row : checked.rows) {
    // The window holds every candidate whose offset is within the Etc/GMT range.
    for (uint32_t i = row.window_begin; i < row.window_end; ++i) {
      const int64_t offset = row.naive_s - core::FloorDiv(checked.times[i], 60) * 60;
      if (offset % 3600 != 0 || offset / 3600 < kMinHours || offset / 3600 > kMaxHours) continue;
      ++seen[offset / 3600 - kMinHours];
    }
  }
  std::vector<std::string> zones;
  for (int64_t hours = kMinHours; hours <= kMaxHours; ++hours) {
    const uint64_t count = seen[hours - kMinHours];
    if (count == 0 || count * 10 < checked.rows.size() || hours == 0) continue;
    // Etc/GMT signs are inverted (POSIX).
    zones.push_back("Etc/GMT" + std::string(hours > 0 ? "-" : "+") +
                    std::to_string(std::abs(hours)));
  }
  return zones;
}

// Rows whose wall-clock minute `zone` gives one of their candidates.
uint64_t Score(const ZoneOffsets& zone, const CheckedRows& checked) {
  const std::vector<int>& offsets = zone.offsets();
  const bool near_only =
      std::all_of(offsets.begin(), offsets.end(), [](int o) { return std::abs(o) <= kMaxOffsetS; });
  // With whole-minute offsets, local minute == naive minute iff offset == naive - UTC minute:
  // most candidates are rejected without a lookup.
  const bool whole_minutes =
      std::all_of(offsets.begin(), offsets.end(), [](int o) { return o % 60 == 0; });
  uint64_t matched = 0;
  for (const auto& row : checked.rows) {
    const uint32_t begin = near_only ? row.window_begin : row.list_begin;
    const uint32_t end = near_only ? row.window_end : row.list_end;
    for (uint32_t i = begin; i < end; ++i) {
      const int64_t t = checked.times[i];
      if (whole_minutes) {
        const int64_t needed = row.naive_s - core::FloorDiv(t, 60) * 60;
        if (!std::binary_search(offsets.begin(), offsets.end(), needed)) continue;
      }
      if (core::FloorDiv(t + zone.OffsetSeconds(t), 60) * 60 == row.naive_s) {
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
  const CheckedRows checked = FindCandidates(account, plays);
  decision.rows_checked = checked.rows.size();
  const auto [lo, hi] = std::minmax_element(checked.times.begin(), checked.times.end());
  const int64_t from_s = checked.times.empty() ? 0 : *lo;
  const int64_t to_s = checked.times.empty() ? -1 : *hi;
  std::vector<std::string> names = {options.listener_zone, "UTC"};
  names.insert(names.end(), std::begin(kCommonZones), std::end(kCommonZones));
  for (auto& z : OffsetZones(checked)) names.push_back(std::move(z));
  std::erase(names, std::string());
  // Each zone scores every checked row: the zones are scored on every core, then compared in
  // order.
  std::vector<std::string> zone_names(names.size());
  std::vector<uint64_t> scores(names.size());
  ParallelParts(names.size(), 1, [&](size_t, size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) {
      const ZoneOffsets zone(core::TimeZone::Named(names[k]), from_s, to_s);
      zone_names[k] = zone.zone().name();
      scores[k] = Score(zone, checked);
    }
  });
  decision.zone = "UTC";
  for (size_t k = 0; k < names.size(); ++k) {
    if (k == 0 || scores[k] > decision.rows_matched) {  // ties keep the earlier (preferred) zone
      decision.zone = zone_names[k];
      decision.rows_matched = scores[k];
    }
  }
  if (decision.rows_checked > 0) {
    decision.confidence = double(decision.rows_matched) / double(decision.rows_checked);
  }
  return decision;
}

}  // namespace uw::silver
