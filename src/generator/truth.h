// The ground truth: every unique play exactly as a perfect importer and de-duplicator following
// DESIGN §3 and §8 must output it, with which sources hold it, plus counts of the situations that
// make de-duplication hard (hazards). One generated play is one real play; it is held by
//   extended  when it has a track/episode/audiobook identity and ended inside a kept export;
//   account   when it ended inside the account export's 365 days, not in a private session;
//   api       when a recently-played poll showed it.
// ended_at is the most precise time a holding source gives: api ms > extended s > account
// minute; an account-only row in a fall-back hour takes the earlier instant (§8.6). Name-only
// plays resolve to the URI the listener used most for those names, ties to the most recent (§8.3).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/time_zone.h"
#include "generator/api_polls.h"
#include "generator/catalog.h"
#include "generator/play.h"

namespace uw::generator {

enum SourceBit : uint8_t { kFromAccount = 1, kFromApi = 2, kFromExtended = 4 };
// "account", "account+api", ..., "extended": sorted names joined by '+'.
std::string SourcesName(uint8_t sources);

enum class Precision : uint8_t { kMillis, kSeconds, kMinute };
enum class Resolution : uint8_t { kOwn, kUnique, kMostUsed, kUnseen, kLocal };
std::string_view PrecisionName(Precision p);
std::string_view ResolutionName(Resolution r);

struct TruthPlay {
  uint32_t play = 0;        // index into Timeline::plays
  int64_t ended_at_ms = 0;  // at `precision` (a minute start for kMinute)
  int64_t api_played_at_ms = -1;
  int64_t resolved = -1;  // resolved track index (music) or item (podcasts), -1 = none
  uint8_t sources = 0;
  Precision precision = Precision::kSeconds;
  Resolution resolution = Resolution::kOwn;
  bool ambiguous = false;  // account-only row in a fall-back hour (§8.6)

  int64_t ended_at_s() const { return ended_at_ms / 1000; }  // instants are after 1970
};

struct Truth {
  std::vector<TruthPlay> music;    // sorted by (ended_at_s, track_uri, artist, track, ms_played)
  std::vector<TruthPlay> podcast;  // sorted by (ended_at_s, uri, show or title, name, ms_played)
  int64_t no_identity_plays = 0;   // plays whose only trace is all-null extended rows
  int64_t plays_in_no_source = 0;  // generated but held by nothing (incognito or too recent)
  std::map<std::string, int64_t> hazards;
};

Truth BuildTruth(const Catalog& catalog, const Timeline& timeline, const ApiCapture& capture,
                 const core::TimeZone& account_zone);

// Adds the hazard counts (see docs/generator.md for each) to truth.hazards.
void CountHazards(const Catalog& catalog, const Timeline& timeline, const ApiCapture& capture,
                  const core::TimeZone& account_zone, Truth& truth);

}  // namespace uw::generator
