// Account rows into the merged extended+api plays (DESIGN §3, §8.1, §8.6): each row's wall-clock
// minute becomes one or two UTC minutes (two in a fall-back hour, none in a spring-forward gap);
// a row matches an unclaimed play with the same names ending in that minute, with equal
// ms_played first (strong evidence), then api-only plays (ms unknown). Identical rows are one
// play unless the other sources show more.
#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/civil_time.h"
#include "core/time_zone.h"
#include "pipeline/silver/resolve_plays.h"

namespace uw::silver {
namespace {

std::string ContentNameKey(const PlayRecord& p) {
  const char content = p.content == Content::kVideoPodcast ? '1' : char('0' + int(p.content));
  return std::string(1, content) + NameKey(p);
}

// Identical account rows (same wall-clock minute, names, ms_played), in file order.
struct Group {
  std::vector<size_t> rows;
  std::vector<int64_t> minutes_s;  // candidate UTC minute starts, earlier first
  uint64_t matched = 0;
};

class Matcher {
 public:
  explicit Matcher(std::vector<PlayRecord>& plays) : plays_(plays), claimed_(plays.size(), false) {
    for (size_t i = 0; i < plays.size(); ++i) {
      if (!plays[i].incognito) index_[ContentNameKey(plays[i])].push_back(i);
    }
  }

  // An unclaimed play for `row` in one of `minutes_s`; with `equal_ms` only plays whose
  // ms_played equals the row's, otherwise only plays with unknown ms_played.
  std::optional<size_t> Claim(const PlayRecord& row, const std::vector<int64_t>& minutes_s,
                              bool equal_ms) {
    const auto it = index_.find(ContentNameKey(row));
    if (it == index_.end()) return std::nullopt;
    const std::vector<size_t>& list = it->second;
    for (const int64_t minute : minutes_s) {
      auto c = std::lower_bound(list.begin(), list.end(), minute * 1000,
                                [&](size_t i, int64_t t) { return plays_[i].ended_at_ms < t; });
      for (; c != list.end() && plays_[*c].ended_at_ms < (minute + 60) * 1000; ++c) {
        const PlayRecord& p = plays_[*c];
        if (claimed_[*c]) continue;
        if (equal_ms ? p.ms_played != row.ms_played : p.ms_played.has_value()) continue;
        claimed_[*c] = true;
        return *c;
      }
    }
    return std::nullopt;
  }

 private:
  std::vector<PlayRecord>& plays_;
  std::vector<bool> claimed_;
  std::unordered_map<std::string, std::vector<size_t>> index_;  // time-ordered play indices
};

void FillFromAccount(PlayRecord& play, const PlayRecord& row) {
  play.sources |= kSeenByAccount;
  if (!play.ms_played) play.ms_played = row.ms_played;
  if (play.author_name.empty()) play.author_name = row.author_name;
  if (play.artist_name.empty()) play.artist_name = row.artist_name;
}

std::vector<int64_t> UtcMinutes(const core::TimeZone& zone, int64_t naive_s,
                                ResolveSummary& summary) {
  std::vector<int64_t> minutes = zone.FromLocal(naive_s);
  if (minutes.empty()) {  // a spring-forward gap: read with the offset in force before it
    ++summary.account_in_gap;
    minutes.push_back(naive_s - zone.OffsetSeconds(naive_s - 86400));
  }
  return minutes;
}

std::vector<Group> GroupRows(const std::vector<PlayRecord>& account, const core::TimeZone& zone,
                             ResolveSummary& summary) {
  std::map<std::tuple<int64_t, std::string, int64_t>, size_t> by_key;
  std::vector<Group> groups;
  for (size_t i = 0; i < account.size(); ++i) {
    const PlayRecord& row = account[i];
    auto key = std::make_tuple(row.ended_at_ms, ContentNameKey(row), row.ms_played.value_or(-1));
    auto [it, inserted] = by_key.emplace(std::move(key), groups.size());
    if (inserted) {
      groups.push_back({{}, UtcMinutes(zone, row.ended_at_ms / 1000, summary), 0});
    }
    groups[it->second].rows.push_back(i);
  }
  return groups;
}

}  // namespace

std::vector<PlayRecord> MergeAccount(std::vector<PlayRecord> plays, std::vector<PlayRecord> account,
                                     const std::string& zone_name, ResolveSummary& summary) {
  const core::TimeZone zone = core::TimeZone::Named(zone_name);
  // File order within a minute is the order the plays ended in.
  std::stable_sort(account.begin(), account.end(), [](const PlayRecord& a, const PlayRecord& b) {
    return std::tie(a.bronze_file, a.record_index) < std::tie(b.bronze_file, b.record_index);
  });
  std::vector<Group> groups = GroupRows(account, zone, summary);
  Matcher matcher(plays);
  for (const bool equal_ms : {true, false}) {
    for (Group& g : groups) {
      while (g.matched < g.rows.size()) {
        const PlayRecord& row = account[g.rows[g.matched]];
        const auto match = matcher.Claim(row, g.minutes_s, equal_ms);
        if (!match) break;
        FillFromAccount(plays[*match], row);
        ++g.matched;
        ++summary.account_merged;
        if (g.minutes_s.size() > 1) ++summary.account_ambiguous_matched;
      }
    }
  }
  for (Group& g : groups) {
    const uint64_t plays_of_group = std::max<uint64_t>(g.matched, 1);
    summary.account_identical_rows_merged +=
        g.rows.size() - std::min<uint64_t>(g.rows.size(), plays_of_group);
    if (g.matched > 0) continue;
    PlayRecord play = std::move(account[g.rows.front()]);
    play.ended_at_ms = g.minutes_s.front() * 1000;
    play.ended_at_ambiguous = g.minutes_s.size() > 1;
    if (play.ended_at_ambiguous) ++summary.account_ambiguous_unmatched;
    plays.push_back(std::move(play));
  }
  std::stable_sort(plays.begin(), plays.end(), [](const PlayRecord& a, const PlayRecord& b) {
    return a.ended_at_ms < b.ended_at_ms;
  });
  return plays;
}

}  // namespace uw::silver
