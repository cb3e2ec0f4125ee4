// Which source holds which play, and the keys a perfect de-duplicator compares (DESIGN §3, §8).
// The extended history holds every play that ended before the newest extended export (in one or
// two vintages, by date); the account data holds the non-incognito plays of its 365 days; the
// API holds what a poll captured (api_polls.h). Thread safe after construction.
#pragma once

#include <cstdint>
#include <vector>

#include "generator/catalog.h"
#include "generator/play.h"

namespace uw::generator {

enum class Vintage : uint8_t { kA, kB, kC };
inline constexpr int kVintageCount = 3;

// Bit (1 << vintage) for each extended export whose window contains the play's ts. Video plays
// are only in vintages B and C (the endsong era's endvideo.json is not generated).
uint8_t VintageMask(const Play& play);

// True when the play has a track, episode or audiobook identity in extended rows (no-identity and
// unavailable rows are all-null there).
inline bool HasExtendedIdentity(ContentKind k) {
  return k == ContentKind::kTrack || k == ContentKind::kLocalTrack || k == ContentKind::kEpisode ||
         k == ContentKind::kChapter;
}
bool ExtendedHolds(const Play& play);
// Account data: the 365 days before its export, never incognito, never rows without names.
bool AccountHolds(const Play& play);
// Could a recently-played poll show it: a catalogue track (not a video), >= 30 s, not incognito.
bool ApiEligible(const Play& play);

// Identity keys. NameKey is what account rows carry (artist + track, show + episode, book +
// chapter); UriKey is what extended rows carry (the URI, or the names for local files).
class PlayKeys {
 public:
  explicit PlayKeys(const Catalog& catalog);
  uint64_t NameKey(const Play& play) const;
  uint64_t UriKey(const Play& play) const;

 private:
  std::vector<uint64_t> track_names_;
  std::vector<uint64_t> local_names_;
};

}  // namespace uw::generator
