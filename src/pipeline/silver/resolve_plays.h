// Play resolution (DESIGN §3 "One play, one row", §8.1–8.6): turns the bronze records of the
// three sources into exactly one row per real play, with the account-data zone decided by
// matching, survivors chosen api > extended > account with field-level filling, name-only plays
// resolved to the listener's own URIs (then to accepted search matches), and the derived flags. Rules: docs/silver_rules.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/silver/bronze_reader.h"
#include "pipeline/silver/play_record.h"

namespace uw::silver {

class SearchResponses;  // search_responses.h

struct ZoneDecision {
  std::string zone;           // the IANA zone applied to account endTime values
  bool overridden = false;    // Settings.account_zone named it (no detection)
  uint64_t rows_checked = 0;  // account rows with a (names, ms_played) candidate elsewhere
  uint64_t rows_matched = 0;  // of those, rows the zone puts in the candidate's minute
  double confidence = 0;      // rows_matched / rows_checked (0 when nothing to check)
};

struct ResolveSummary {
  uint64_t extended_in = 0, account_in = 0, api_in = 0;
  uint64_t music_out = 0, podcast_out = 0;
  uint64_t extended_exact_duplicates = 0;  // same second, identity and ms_played (§8.1)
  uint64_t api_repeated_items = 0;         // one play returned by several polls
  uint64_t api_extended_merged = 0;
  uint64_t account_merged = 0;                 // account rows matched to an extended/api play
  uint64_t account_identical_rows_merged = 0;  // identical rows made one play (§8.1)
  uint64_t account_ambiguous_matched = 0;      // fall-back-hour rows decided by a match
  uint64_t account_ambiguous_unmatched = 0;    // flagged ended_at_ambiguous (§8.6)
  uint64_t account_in_gap = 0;                 // wall clocks in a spring-forward gap
  uint64_t names_resolved = 0, names_unresolved = 0, names_resolved_most_used = 0;
  uint64_t names_resolved_search = 0;  // by an accepted search (not in names_resolved)
  uint64_t ms_played_estimated = 0;
  ZoneDecision zone;
};

struct ResolveOptions {
  std::string account_zone = "auto";  // "auto" = detect, else the zone to apply (Settings)
  std::string listener_zone = "UTC";  // the configured zone: a detection candidate
  // End of the play before the first one resolved here, when plays are resolved on top of an
  // existing silver (incremental.h): the first api-only play's estimate continues from it.
  std::optional<int64_t> previous_play_end_ms;
  // The search responses in bronze: music plays the listener's own history leaves unresolved
  // take an accepted match (search_resolution.h). None when null.
  const SearchResponses* search = nullptr;
};

struct ResolvedPlays {
  std::vector<PlayRecord> music;    // sorted by ended_at
  std::vector<PlayRecord> podcast;  // episodes, audiobook chapters, video podcasts
  ResolveSummary summary;
};

ResolvedPlays ResolvePlays(BronzePlays bronze, const ResolveOptions& options);

// Steps, exposed for tests. Each works on plays sorted by ended_at_ms.
// §8.1: merges records of one source with the same end, identity and ms_played.
std::vector<PlayRecord> MergeExactDuplicates(std::vector<PlayRecord> plays, uint64_t& merged);
// §8.2: matches each api play to the extended play of the same URI within kApiTolerance; merged
// plays keep the api's ms time; unmatched api plays are appended. Result sorted by time.
std::vector<PlayRecord> MergeApiIntoExtended(std::vector<PlayRecord> extended,
                                             std::vector<PlayRecord> api, uint64_t& merged);
inline constexpr int64_t kApiToleranceMs = 3000;

// Decides the zone of account endTime values (overridden unless "auto").
ZoneDecision DecideAccountZone(const std::vector<PlayRecord>& account,
                               const std::vector<PlayRecord>& plays, const ResolveOptions& options);
// Converts account rows with `zone` and merges them into `plays` (§8.1, §8.6); result sorted.
std::vector<PlayRecord> MergeAccount(std::vector<PlayRecord> plays, std::vector<PlayRecord> account,
                                     const std::string& zone, ResolveSummary& summary);
// §8.3; then §3 "Listening time": the ms_played of api-only plays, estimated. The values that
// follow from a resolved play (started_at, is_stream, is_skip, platform, event id) are worked
// out when it is written (PlayRecord, event_ids.h).
void ResolveNames(std::vector<PlayRecord>& plays, ResolveSummary& summary);
void EstimateMsPlayed(std::vector<PlayRecord>& plays, ResolveSummary& summary,
                      std::optional<int64_t> previous_play_end_ms = std::nullopt);

}  // namespace uw::silver
