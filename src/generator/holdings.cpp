#include "generator/holdings.h"

#include "generator/rng.h"
#include "generator/scenario.h"

namespace uw::generator {
namespace {

uint64_t NamesHash(const std::string& a, const std::string& b) {
  return HashTag(a) * 31 + HashTag(b);
}

constexpr uint64_t kUnknownNames = 0x756e6b6e6f776eULL;  // "Unknown Artist" / "Unknown Track"

}  // namespace

uint8_t VintageMask(const Play& play) {
  const int64_t ts = play.ts();
  if (ts < scenario::kStart || ts >= scenario::kExtendedEnd) return 0;
  const bool video = play.Has(kVideo);
  uint8_t mask = 0;
  if (!video && ts >= scenario::kVintageAStart && ts < scenario::kVintageAEnd) mask |= 1 << 0;
  if (ts >= scenario::kVintageBStart && ts < scenario::kVintageBEnd) mask |= 1 << 1;
  if (ts >= scenario::kVintageCStart && ts < scenario::kVintageCEnd) mask |= 1 << 2;
  return mask;
}

bool ExtendedHolds(const Play& play) {
  return HasExtendedIdentity(play.kind) && VintageMask(play) != 0;
}

bool AccountHolds(const Play& play) {
  const int64_t ts = play.ts();
  return ts >= scenario::kAccountStart && ts < scenario::kAccountEnd && !play.Has(kIncognito) &&
         play.kind != ContentKind::kNoIdentity;
}

bool ApiEligible(const Play& play) {
  return play.kind == ContentKind::kTrack && !play.Has(kVideo) && !play.Has(kIncognito) &&
         play.ms_played >= 30000;
}

PlayKeys::PlayKeys(const Catalog& catalog) {
  for (const Track& t : catalog.tracks)
    track_names_.push_back(NamesHash(catalog.artists[t.artist].name, t.name));
  for (const LocalTrack& t : catalog.local_tracks)
    local_names_.push_back(NamesHash(t.artist, t.name));
}

uint64_t PlayKeys::NameKey(const Play& play) const {
  switch (play.kind) {
    case ContentKind::kTrack:
      return track_names_[play.item];
    case ContentKind::kLocalTrack:
      return local_names_[play.item];
    case ContentKind::kUnavailable:
      return kUnknownNames;
    // Episode names are unique per show and chapter titles per book, so the item is the name.
    case ContentKind::kEpisode:
      return Mix64(1000 + play.item);
    case ContentKind::kChapter:
      return Mix64(2000 + play.item);
    default:
      return 0;
  }
}

uint64_t PlayKeys::UriKey(const Play& play) const {
  switch (play.kind) {
    case ContentKind::kTrack:
      return Mix64(3000 + play.item);
    case ContentKind::kLocalTrack:
      return local_names_[play.item];
    case ContentKind::kEpisode:
      return Mix64(1000 + play.item);
    case ContentKind::kChapter:
      return Mix64(2000 + play.item);
    default:
      return 0;
  }
}

}  // namespace uw::generator
