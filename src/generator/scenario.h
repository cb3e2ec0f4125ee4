// The fixed story behind every synthetic export: one listener's decade on Spotify, the three
// extended-history exports they kept (one per schema vintage, formats.md §2.3), the account-data
// export and the recently-played polls. All instants are UTC epoch seconds; windows are [from, to).
#pragma once

#include <cstdint>
#include <string_view>

namespace uw::generator::scenario {

// Days since 1970-01-01 (the same algorithm as core::DaysFromCivil, constexpr here).
constexpr int64_t Days(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}
constexpr int64_t kDay = 86400;
constexpr int64_t At(int64_t y, int64_t m, int64_t d) { return Days(y, m, d) * kDay; }

// The listener's decade. kEnd is "now": the last recently-played poll happens just before it.
constexpr int64_t kStart = At(2015, 6, 1);
constexpr int64_t kEnd = At(2025, 6, 1);

// The newest extended export was requested two days before now, the account data one day before
// (it covers the 365 days before its request), and the API was polled over the last three days.
constexpr int64_t kExtendedEnd = kEnd - 2 * kDay;
constexpr int64_t kAccountEnd = kEnd - kDay;
constexpr int64_t kAccountStart = kAccountEnd - 365 * kDay;
constexpr int64_t kApiFirstPoll = kEnd - 3 * kDay;

// The extended exports kept, one per vintage; consecutive ones overlap by some months, so the
// same plays appear in two files of different vintages.
constexpr int64_t kVintageAStart = kStart;  // endsong_N.json, 21 keys (exported 2019-10)
constexpr int64_t kVintageAEnd = At(2019, 10, 1);
constexpr int64_t kVintageBStart = At(2019, 4, 1);  // Streaming_History_*, 19 keys (late 2024)
constexpr int64_t kVintageBEnd = At(2023, 10, 1);
constexpr int64_t kVintageCStart = At(2023, 7, 1);  // Streaming_History_*, 23 keys (2025)
constexpr int64_t kVintageCEnd = kExtendedEnd;

// Eras of the data itself (formats.md §2.4-§2.6).
constexpr int64_t kLegacyReasonsUntil = At(2017, 1, 1);  // "" and null reasons
constexpr int64_t kOfflineMillisFrom = At(2017, 1, 1);   // offline_timestamp in ms ...
constexpr int64_t kOfflineSecondsFrom = At(2023, 1, 1);  // ... and in seconds again
constexpr int64_t kSkippedReliableFrom = At(2022, 10, 16);
constexpr int64_t kCoarsePlatformFrom = At(2023, 10, 19);
constexpr int64_t kMusicVideosFrom = At(2020, 3, 1);
constexpr int64_t kVideoPodcastsFrom = At(2021, 1, 1);
constexpr int64_t kAudiobooksFrom = At(2023, 10, 15);

// Near the end the account data and the API hold plays that the extended history does not; from
// here on the generator keeps apart plays that DESIGN §8 could not tell apart (see fixups.h).
constexpr int64_t kGuardFrom = kApiFirstPoll - 3 * kDay;

// Where the listener lives: their daily rhythm follows this zone's wall clock. The account-data
// zone (--account-zone) is independent of it, so one seed describes the same listening in every
// account zone.
constexpr std::string_view kHomeZone = "Europe/Berlin";
constexpr std::string_view kHomeCountry = "DE";

}  // namespace uw::generator::scenario
