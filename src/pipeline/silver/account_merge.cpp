// Account rows into the merged extended+api plays (DESIGN §3, §8.1, §8.6): each row's wall-clock
// minute becomes one or two UTC minutes (two in a fall-back hour, none in a spring-forward gap);
// a row matches an unclaimed play with the same names ending in that minute, with equal
// ms_played first (strong evidence), then api-only plays (ms unknown). Identical rows are one
// play unless the other sources show more.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/time_zone.h"
#include "pipeline/silver/parallel_ranges.h"
#include "pipeline/silver/play_keys.h"
#include "pipeline/silver/resolve_plays.h"
#include "pipeline/silver/sort_order.h"
#include "pipeline/silver/zone_offsets.h"

namespace uw::silver {
namespace {

// Content (video as episode) and names: what a row and a play must share to match.
struct NamesMatchKey {
  uint8_t content = 0;
  NamesKey names;

  bool operator==(const NamesMatchKey&) const = default;
  uint64_t Hash() const { return HashFinish(names.Hash(content)); }
};

NamesMatchKey NamesMatchKeyOf(const PlayRecord& p) {
  return {MatchContent(p.content), NamesKeyOf(p)};
}

// Identical account rows: same wall-clock minute, names and ms_played.
struct RowKey {
  int64_t ended_at_ms = 0;
  uint32_t names = 0;  // NamesMatchKey id
  int64_t ms_played = 0;

  bool operator==(const RowKey&) const = default;
  uint64_t Hash() const {
    return HashFinish(HashMix(HashMix(uint64_t(ended_at_ms), names), uint64_t(ms_played)));
  }
};

// One group of identical rows, in file order.
struct Group {
  uint32_t names = 0;                // NamesMatchKey id
  std::vector<uint32_t> extra_rows;  // rows after the first (rare)
  uint32_t first_row = 0;
  uint32_t matched = 0;
  uint8_t minute_count = 0;
  int64_t minutes_s[2] = {};  // candidate UTC minute starts, earlier first

  uint32_t size() const { return 1 + static_cast<uint32_t>(extra_rows.size()); }
  uint32_t row(uint32_t k) const { return k == 0 ? first_row : extra_rows[k - 1]; }
};

// Positions of `account` in file order (bronze key, record index): the order plays ended in.
std::vector<uint32_t> FileOrder(const std::vector<PlayRecord>& account) {
  std::vector<uint32_t> order(account.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto before = [&](uint32_t a, uint32_t b) {
    const PlayRecord& x = account[a];
    const PlayRecord& y = account[b];
    if (x.bronze_file != y.bronze_file) return x.bronze_file < y.bronze_file;
    return x.record_index < y.record_index;
  };
  // Read straight from bronze, rows already are in file order.
  if (!std::is_sorted(order.begin(), order.end(), before)) {
    std::stable_sort(order.begin(), order.end(), before);
  }
  return order;
}

void UtcMinutes(const ZoneOffsets& zone, int64_t naive_s, Group& g, std::vector<int64_t>& scratch,
                ResolveSummary& summary) {
  zone.FromLocal(naive_s, scratch);
  if (scratch.empty()) {  // a spring-forward gap: read with the offset in force before it
    ++summary.account_in_gap;
    scratch.push_back(naive_s - zone.OffsetSeconds(naive_s - 86400));
  }
  g.minute_count = static_cast<uint8_t>(std::min<size_t>(scratch.size(), 2));
  for (size_t i = 0; i < g.minute_count; ++i) g.minutes_s[i] = scratch[i];
}

std::vector<Group> GroupRows(const std::vector<PlayRecord>& account, const core::TimeZone& tz,
                             KeyIndex<NamesMatchKey>& names, ResolveSummary& summary) {
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (const PlayRecord& row : account) {
    lo = std::min(lo, row.ended_at_ms / 1000 - 86400);
    hi = std::max(hi, row.ended_at_ms / 1000 + 86400);
  }
  const ZoneOffsets zone(tz, lo, hi);
  KeyIndex<RowKey> keys(account.size());
  std::vector<Group> groups;
  std::vector<int64_t> scratch;
  for (const uint32_t i : FileOrder(account)) {
    const PlayRecord& row = account[i];
    const uint32_t name_id = names.Insert(NamesMatchKeyOf(row));
    const uint32_t id = keys.Insert({row.ended_at_ms, name_id, row.ms_played.value_or(-1)});
    if (id < groups.size()) {
      groups[id].extra_rows.push_back(i);
      continue;
    }
    Group& g = groups.emplace_back();
    g.names = name_id;
    g.first_row = i;
    UtcMinutes(zone, row.ended_at_ms / 1000, g, scratch, summary);
  }
  return groups;
}

// Plays that share names with some account row, by NamesMatchKey id, in time order.
class Matcher {
 public:
  Matcher(const std::vector<PlayRecord>& plays, const KeyIndex<NamesMatchKey>& names)
      : plays_(plays), claimed_(plays.size(), false), starts_(names.size() + 1, 0) {
    std::vector<uint32_t> name_of(plays.size(), KeyIndex<NamesMatchKey>::kNone);
    // Read beside the names, whose cache line they share: the lists are filled without another
    // pass over the plays.
    std::vector<int64_t> end_of(plays.size());
    ParallelRanges(plays.size(), [&](size_t begin, size_t end) {
      for (size_t i = begin; i < end; ++i) {
        if (plays[i].incognito) continue;
        name_of[i] = names.Find(NamesMatchKeyOf(plays[i]));
        end_of[i] = plays[i].ended_at_ms;
      }
    });
    for (const uint32_t name : name_of) {
      if (name != KeyIndex<NamesMatchKey>::kNone) ++starts_[name + 1];
    }
    for (size_t k = 0; k + 1 < starts_.size(); ++k) starts_[k + 1] += starts_[k];
    lists_.resize(starts_.back());
    ends_.resize(starts_.back());
    std::vector<uint32_t> fill(starts_.begin(), starts_.end() - 1);
    for (size_t i = 0; i < plays.size(); ++i) {
      if (name_of[i] == KeyIndex<NamesMatchKey>::kNone) continue;
      const uint32_t at = fill[name_of[i]]++;
      lists_[at] = uint32_t(i);
      ends_[at] = end_of[i];
    }
  }

  // An unclaimed play for `row` in one of the group's minutes; with `equal_ms` only plays whose
  // ms_played equals the row's, otherwise only plays with unknown ms_played.
  std::optional<size_t> Claim(const PlayRecord& row, const Group& g, bool equal_ms) {
    const auto first = ends_.begin() + starts_[g.names], last = ends_.begin() + starts_[g.names + 1];
    for (size_t m = 0; m < g.minute_count; ++m) {
      const int64_t minute = g.minutes_s[m];
      for (auto c = std::lower_bound(first, last, minute * 1000);
           c != last && *c < (minute + 60) * 1000; ++c) {
        const uint32_t i = lists_[c - ends_.begin()];
        const PlayRecord& p = plays_[i];
        if (claimed_[i]) continue;
        if (equal_ms ? p.ms_played != row.ms_played : p.ms_played.has_value()) continue;
        claimed_[i] = true;
        return i;
      }
    }
    return std::nullopt;
  }

 private:
  const std::vector<PlayRecord>& plays_;
  std::vector<bool> claimed_;
  std::vector<uint32_t> starts_;  // per names id, into lists_
  std::vector<uint32_t> lists_;   // play positions
  std::vector<int64_t> ends_;     // their ended_at_ms, searched without a look at the plays
};

void FillFromAccount(PlayRecord& play, const PlayRecord& row) {
  play.sources |= kSeenByAccount;
  if (!play.ms_played) play.ms_played = row.ms_played;
  if (play.author_name.empty()) play.author_name = row.author_name;
  if (play.artist_name.empty()) play.artist_name = row.artist_name;
}

}  // namespace

std::vector<PlayRecord> MergeAccount(std::vector<PlayRecord> plays, std::vector<PlayRecord> account,
                                     const std::string& zone_name, ResolveSummary& summary) {
  const core::TimeZone zone = core::TimeZone::Named(zone_name);
  KeyIndex<NamesMatchKey> names;
  std::vector<Group> groups = GroupRows(account, zone, names, summary);
  Matcher matcher(plays, names);
  for (const bool equal_ms : {true, false}) {
    for (Group& g : groups) {
      while (g.matched < g.size()) {
        const PlayRecord& row = account[g.row(g.matched)];
        const auto match = matcher.Claim(row, g, equal_ms);
        if (!match) break;
        FillFromAccount(plays[*match], row);
        ++g.matched;
        ++summary.account_merged;
        if (g.minute_count > 1) ++summary.account_ambiguous_matched;
      }
    }
  }
  for (Group& g : groups) {
    const uint64_t plays_of_group = std::max<uint64_t>(g.matched, 1);
    summary.account_identical_rows_merged +=
        g.size() - std::min<uint64_t>(g.size(), plays_of_group);
    if (g.matched > 0) continue;
    PlayRecord& play = plays.emplace_back(account[g.first_row]);
    play.ended_at_ms = g.minutes_s[0] * 1000;
    play.ended_at_ambiguous = g.minute_count > 1;
    if (play.ended_at_ambiguous) ++summary.account_ambiguous_unmatched;
  }
  SortByEnd(plays);
  return plays;
}

}  // namespace uw::silver
