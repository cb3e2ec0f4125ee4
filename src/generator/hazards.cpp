// Hazard counts for summary.json: how often the export contains each situation that makes
// de-duplication hard. Some must occur (a checker needs them exercised); the ones DESIGN §8 would
// settle differently from reality must be zero, because fixups.h avoids them. docs/generator.md
// lists every name.
#include <algorithm>
#include <cstdlib>
#include <tuple>
#include <unordered_map>

#include "generator/account_writer.h"
#include "generator/holdings.h"
#include "generator/scenario.h"
#include "generator/truth.h"

namespace uw::generator {
namespace {

struct GroupCounts {
  int64_t groups = 0;      // keys shared by more than one play
  int64_t with_false = 0;  // ... where some member's flag is false
  int64_t mixed = 0;       // ... where members' flags differ
};

template <typename Key>
GroupCounts Groups(std::vector<std::pair<Key, bool>> keyed) {
  std::sort(keyed.begin(), keyed.end());
  GroupCounts c;
  for (size_t i = 0; i < keyed.size();) {
    size_t j = i + 1;
    while (j < keyed.size() && keyed[j].first == keyed[i].first) ++j;
    if (j - i > 1) {
      ++c.groups;
      c.with_false += !keyed[i].second;  // false sorts first
      c.mixed += keyed[i].second != keyed[j - 1].second;
    }
    i = j;
  }
  return c;
}

void ExtendedHazards(const Timeline& timeline, const PlayKeys& keys, Truth& truth) {
  using Key = std::tuple<int64_t, int, uint64_t, int32_t>;
  std::vector<std::pair<Key, bool>> same_ms, same_track;
  std::vector<std::pair<int64_t, uint64_t>>
      identities;  // (second, identity) of every extended play
  int64_t offline_far = 0;
  for (const Play& p : timeline.plays) {
    if (!ExtendedHolds(p)) continue;
    const uint64_t id = keys.UriKey(p) * 8 + static_cast<uint64_t>(p.kind);
    same_ms.push_back({{p.ts(), 0, id, p.ms_played}, true});
    same_track.push_back({{p.ts(), 0, id, 0}, true});
    identities.emplace_back(p.ts(), id);
    if (p.offline_stamp == OfflineStamp::kStart &&
        std::llabs(p.start_ms - (p.end_ms - p.ms_played)) > 10000)
      ++offline_far;
  }
  std::sort(identities.begin(), identities.end());
  identities.erase(std::unique(identities.begin(), identities.end()), identities.end());
  int64_t seconds = 0;
  for (size_t i = 1; i < identities.size(); ++i) {
    const bool same = identities[i].first == identities[i - 1].first;
    const bool first_of_second = i < 2 || identities[i - 2].first != identities[i].first;
    seconds += same && first_of_second;
  }
  truth.hazards["extended_same_second_same_track_same_ms_distinct_plays"] =
      Groups(std::move(same_ms)).groups;
  truth.hazards["extended_same_second_same_track_distinct_plays"] =
      Groups(std::move(same_track)).groups;
  truth.hazards["extended_same_second_different_tracks"] = seconds;
  truth.hazards["offline_timestamp_disagrees_over_10s"] = offline_far;
}

void MusicHazards(const Catalog& catalog, const Timeline& timeline, Truth& truth) {
  std::unordered_map<uint32_t, const Play*> last_in_session;
  int64_t repeats = 0, over_duration = 0, zero = 0;
  for (const Play& p : timeline.plays) {
    if (p.kind != ContentKind::kTrack || !ExtendedHolds(p)) continue;
    const Play*& last = last_in_session[p.session];
    if (last && last->item == p.item && p.start_ms >= last->end_ms) ++repeats;
    last = &p;
    over_duration += p.ms_played > catalog.tracks[p.item].duration_ms;
    zero += p.ms_played == 0;
  }
  int64_t most_used = 0, not_played_uri = 0;
  for (const TruthPlay& r : truth.music) {
    most_used += r.resolution == Resolution::kMostUsed;
    const Play& p = timeline.plays[r.play];
    not_played_uri +=
        p.kind == ContentKind::kTrack && r.resolution != Resolution::kOwn && r.resolved != p.item;
  }
  truth.hazards["back_to_back_repeats"] = repeats;
  truth.hazards["ms_played_over_track_duration"] = over_duration;
  truth.hazards["extended_music_ms_played_zero"] = zero;
  truth.hazards["name_only_resolved_by_most_used"] = most_used;
  truth.hazards["name_only_resolved_not_to_the_played_uri"] = not_played_uri;
}

void AccountRowHazards(const Timeline& timeline, const PlayKeys& keys, const core::TimeZone& zone,
                       Truth& truth) {
  using Key = std::tuple<int64_t, uint64_t, int32_t>;
  std::vector<std::pair<Key, bool>> rows, lookalikes;
  for (const Play& p : timeline.plays) {
    const int64_t ts = p.ts();
    if (ts < scenario::kAccountStart || ts >= scenario::kAccountEnd) continue;
    const Key key{AccountLocalMinute(p, zone), keys.NameKey(p), p.ms_played};
    if (AccountHolds(p)) rows.push_back({key, ExtendedHolds(p)});
    if (ExtendedHolds(p)) lookalikes.push_back({key, !p.Has(kIncognito)});
  }
  const GroupCounts r = Groups(std::move(rows));
  truth.hazards["account_identical_rows_groups"] = r.groups;
  truth.hazards["account_identical_rows_not_all_in_extended"] = r.with_false;
  truth.hazards["account_rows_matching_an_incognito_lookalike"] =
      Groups(std::move(lookalikes)).mixed;
}

void AmbiguousHourHazards(const Timeline& timeline, const core::TimeZone& zone, Truth& truth) {
  int64_t rows = 0, account_only = 0, moved = 0;
  for (const auto* list : {&truth.music, &truth.podcast}) {
    for (const TruthPlay& r : *list) {
      if (!(r.sources & kFromAccount)) continue;
      const Play& p = timeline.plays[r.play];
      if (zone.FromLocal(AccountLocalMinute(p, zone)).size() < 2) continue;
      ++rows;
      if (r.sources != kFromAccount) continue;
      ++account_only;
      moved += p.ts() - r.ended_at_s() >= 60;
    }
  }
  truth.hazards["account_fall_back_hour_rows"] = rows;
  truth.hazards["account_fall_back_hour_rows_account_only"] = account_only;
  truth.hazards["account_fall_back_hour_rows_earlier_instant_wrong"] = moved;
}

// API items are paired with account rows by minute and names and with extended rows by URI and a
// few seconds: another play with the same names within two minutes would make that a guess.
void ApiHazards(const Timeline& timeline, const PlayKeys& keys, const ApiCapture& capture,
                Truth& truth) {
  int64_t near = 0;
  const auto& plays = timeline.plays;
  for (const auto& [i, played_at] : capture.played_at) {
    const uint64_t key = keys.NameKey(plays[i]);
    for (size_t j = i; j-- > 0 && plays[i].end_ms - plays[j].end_ms <= 120000;)
      near += keys.NameKey(plays[j]) == key;
    for (size_t j = i + 1; j < plays.size() && plays[j].end_ms - plays[i].end_ms <= 120000; ++j) {
      near += keys.NameKey(plays[j]) == key;
    }
  }
  truth.hazards["api_same_names_within_2_minutes"] = near;
  truth.hazards["api_played_at_next_second"] = capture.second_skew;
  truth.hazards["api_late_arrivals"] = capture.late_arrivals;
  truth.hazards["api_missed_plays"] = capture.missed;
}

}  // namespace

void CountHazards(const Catalog& catalog, const Timeline& timeline, const ApiCapture& capture,
                  const core::TimeZone& account_zone, Truth& truth) {
  const PlayKeys keys(catalog);
  ExtendedHazards(timeline, keys, truth);
  MusicHazards(catalog, timeline, truth);
  AccountRowHazards(timeline, keys, account_zone, truth);
  AmbiguousHourHazards(timeline, account_zone, truth);
  ApiHazards(timeline, keys, capture, truth);
}

}  // namespace uw::generator
