#include "generator/truth.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "core/error.h"
#include "generator/account_writer.h"
#include "generator/holdings.h"
#include "generator/truth_fields.h"

namespace uw::generator {
namespace {

uint8_t SourcesOf(const Play& p, bool captured) {
  uint8_t s = 0;
  if (AccountHolds(p)) s |= kFromAccount;
  if (captured) s |= kFromApi;
  if (ExtendedHolds(p)) s |= kFromExtended;
  return s;
}

// The time a perfect de-duplicator reports: the API's ms (§8.2), else extended seconds, else the
// account minute, mapped from the account zone's wall clock (the earlier instant if ambiguous).
void SetEndedAt(TruthPlay& row, const Play& p, const core::TimeZone& zone) {
  if (row.sources & kFromApi) {
    row.ended_at_ms = row.api_played_at_ms;
    row.precision = Precision::kMillis;
  } else if (row.sources & kFromExtended) {
    row.ended_at_ms = p.ts() * 1000;
    row.precision = Precision::kSeconds;
  } else {
    const std::vector<int64_t> instants = zone.FromLocal(AccountLocalMinute(p, zone));
    if (instants.empty())
      Fail(ErrorCode::kInternal, "account minute of play {} does not exist", p.seq);
    row.ended_at_ms = instants.front() * 1000;
    row.precision = Precision::kMinute;
    row.ambiguous = instants.size() > 1;
  }
}

struct UriUse {
  int64_t item;
  int64_t plays;
  int64_t latest_ms;
};

// §8.3: the URI the listener used most for these names (extended and API plays), ties to the most
// recent one.
void Resolve(std::vector<TruthPlay>& rows, const Timeline& timeline, const PlayKeys& keys,
             uint8_t uri_sources) {
  std::unordered_map<uint64_t, std::vector<UriUse>> uses;
  for (const TruthPlay& r : rows) {
    const Play& p = timeline.plays[r.play];
    if (!(r.sources & uri_sources) || !HasExtendedIdentity(p.kind) ||
        p.kind == ContentKind::kLocalTrack)
      continue;
    auto& list = uses[keys.NameKey(p)];
    auto it =
        std::find_if(list.begin(), list.end(), [&](const UriUse& u) { return u.item == p.item; });
    if (it == list.end()) it = list.insert(list.end(), {p.item, 0, r.ended_at_ms});
    ++it->plays;
    it->latest_ms = std::max(it->latest_ms, r.ended_at_ms);
  }
  for (TruthPlay& r : rows) {
    const Play& p = timeline.plays[r.play];
    if (p.kind == ContentKind::kLocalTrack) {
      r.resolution = Resolution::kLocal;
    } else if ((r.sources & uri_sources) && HasExtendedIdentity(p.kind)) {
      r.resolution = Resolution::kOwn;
      r.resolved = p.item;
    } else if (const auto it = uses.find(keys.NameKey(p));
               it == uses.end() || p.kind == ContentKind::kUnavailable) {
      r.resolution = Resolution::kUnseen;
    } else {
      const auto best = std::max_element(
          it->second.begin(), it->second.end(), [](const UriUse& a, const UriUse& b) {
            return std::tie(a.plays, a.latest_ms) < std::tie(b.plays, b.latest_ms);
          });
      r.resolved = best->item;
      r.resolution = it->second.size() == 1 ? Resolution::kUnique : Resolution::kMostUsed;
    }
  }
}

void SortMusic(std::vector<TruthPlay>& rows, const TruthFields& f) {
  std::sort(rows.begin(), rows.end(), [&](const TruthPlay& a, const TruthPlay& b) {
    if (a.ended_at_s() != b.ended_at_s()) return a.ended_at_s() < b.ended_at_s();
    const auto ms = [&](const TruthPlay& r) {
      return f.HasMsPlayed(r) ? f.PlayOf(r).ms_played : -1;
    };
    return std::make_tuple(f.TrackId(a), f.ArtistName(a), f.TrackName(a), ms(a), a.play) <
           std::make_tuple(f.TrackId(b), f.ArtistName(b), f.TrackName(b), ms(b), b.play);
  });
}

void SortPodcasts(std::vector<TruthPlay>& rows, const TruthFields& f) {
  struct Key {
    int64_t s;
    std::string uri;
    std::string_view owner;
    std::string name;
    int32_t ms;
    uint32_t play;
    bool operator<(const Key& o) const {
      return std::tie(s, uri, owner, name, ms, play) <
             std::tie(o.s, o.uri, o.owner, o.name, o.ms, o.play);
    }
  };
  std::vector<std::pair<Key, TruthPlay>> keyed;
  for (const TruthPlay& r : rows) {
    keyed.push_back({{r.ended_at_s(), f.PodcastUri(r), f.OwnerName(r), f.ItemName(r),
                      f.PlayOf(r).ms_played, r.play},
                     r});
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = keyed[i].second;
}

}  // namespace

std::string SourcesName(uint8_t sources) {
  std::string out;
  for (const auto& [bit, name] :
       {std::pair{kFromAccount, "account"}, {kFromApi, "api"}, {kFromExtended, "extended"}}) {
    if (!(sources & bit)) continue;
    if (!out.empty()) out += '+';
    out += name;
  }
  return out;
}

std::string_view PrecisionName(Precision p) {
  return p == Precision::kMillis ? "ms" : p == Precision::kSeconds ? "s" : "min";
}

std::string_view ResolutionName(Resolution r) {
  static constexpr std::string_view kNames[] = {"own", "unique", "most_used", "unseen", "local"};
  return kNames[static_cast<int>(r)];
}

Truth BuildTruth(const Catalog& catalog, const Timeline& timeline, const ApiCapture& capture,
                 const core::TimeZone& account_zone) {
  Truth truth;
  const PlayKeys keys(catalog);
  for (uint32_t i = 0; i < timeline.plays.size(); ++i) {
    const Play& p = timeline.plays[i];
    const auto played_at = capture.PlayedAt(i);
    TruthPlay row;
    row.play = i;
    row.api_played_at_ms = played_at.value_or(-1);
    row.sources = SourcesOf(p, played_at.has_value());
    if (row.sources == 0) {
      if (VintageMask(p) != 0 && !HasExtendedIdentity(p.kind))
        ++truth.no_identity_plays;
      else
        ++truth.plays_in_no_source;
      continue;
    }
    SetEndedAt(row, p, account_zone);
    (IsMusic(p.kind) ? truth.music : truth.podcast).push_back(row);
  }
  Resolve(truth.music, timeline, keys, kFromExtended | kFromApi);
  Resolve(truth.podcast, timeline, keys, kFromExtended);
  const TruthFields fields(catalog, timeline);
  SortMusic(truth.music, fields);
  SortPodcasts(truth.podcast, fields);
  CountHazards(catalog, timeline, capture, account_zone, truth);
  return truth;
}

}  // namespace uw::generator
