// Writes the folder "Spotify Account Data/": StreamingHistory_music_N.json,
// StreamingHistory_podcast_N.json and StreamingHistory_audiobook_N.json (formats.md §1.2: 10,000
// records per file, sorted by the instant the play ended, pretty-printed with " : ", endTime as
// the wall clock minute in the account zone, no private-session plays) plus the other files of
// the package: YourLibrary.json, Playlist1.json, SearchQueries.json, Userdata.json,
// Read_Me_First.pdf (account_extras.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/time_zone.h"
#include "generator/catalog.h"
#include "generator/play.h"
#include "generator/rng.h"

namespace uw::generator {

struct AccountFile {
  std::string name;
  int64_t records = 0;
  uint64_t bytes = 0;
};

struct AccountStats {
  std::vector<AccountFile> files;
  int64_t music_rows = 0;
  int64_t podcast_rows = 0;
  int64_t audiobook_rows = 0;
  int64_t unknown_rows = 0;         // "Unknown Artist" / "Unknown Track"
  int64_t ambiguous_hour_rows = 0;  // endTime in a fall-back hour of the account zone
};

// `dir` must exist. Throws Error(kIo).
AccountStats WriteAccount(const Catalog& catalog, const Timeline& timeline,
                          const core::TimeZone& zone, const std::string& username, Rng rng,
                          const std::filesystem::path& dir);

// The account endTime minute of a play in `zone` (local wall clock, seconds dropped), as epoch
// seconds of that naive wall clock.
int64_t AccountLocalMinute(const Play& play, const core::TimeZone& zone);

}  // namespace uw::generator
