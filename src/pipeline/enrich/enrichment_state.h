// _state/spotify/enrichment.json: what `enrich spotify` remembers between runs besides bronze
// (docs/enrichment.md "State"). Bronze is the truth for "fetched" (an object present there is
// done); this file only keeps what bronze cannot say:
//  - not_found: ids the API answered 404 (or 400: not a valid id) for, with a retry schedule,
//    because a catalogue id can come back (re-licensing);
//  - failed: ids whose lookup failed after all retries (5xx, network, an unusable 200), with
//    attempt counts and an exponential retry schedule. A failure is never a not-found;
//  - batch_unavailable: kinds whose batch endpoint answered 403/404 (development-mode apps,
//    formats.md §3.2), so runs go one by one without asking again for a while;
//  - resume_after_ms: when a run stopped on a rate limit or quota, the time before which the
//    next run does not call the API.
// Written with one atomic Put; a crash between saves loses only counters.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "storage/object_store.h"

namespace uw::enrich {

// Searches (one per name-only track, keyed by its silver track id) share the failure
// bookkeeping with the five object kinds under this name.
inline constexpr std::string_view kSearchKind = "search";

struct NotFound {
  int attempts = 0;
  int64_t first_at_ms = 0;
  int64_t last_at_ms = 0;
  int64_t next_retry_at_ms = 0;  // 0 with invalid: never
  bool invalid = false;          // 400: the id itself is malformed, retrying cannot help
};

struct Failure {
  int attempts = 0;     // failed lookups (each already retried by the HTTP client)
  int last_status = 0;  // HTTP status of the last try; 0 = network error
  std::string last_error;
  int64_t last_at_ms = 0;
  int64_t next_retry_at_ms = 0;
};

struct EnrichmentState {
  // kind ("tracks", ..., "search") -> id -> entry
  std::map<std::string, std::map<std::string, NotFound>> not_found;
  std::map<std::string, std::map<std::string, Failure>> failed;
  std::map<std::string, int64_t> batch_unavailable;  // kind -> since (epoch ms)
  std::optional<int64_t> resume_after_ms;
  std::string stop_reason;  // why the last run stopped early ("" = it did not)

  // Records a 404 (or, with invalid, a 400) for `id` at `now_ms`; clears any failure of it.
  void RecordNotFound(std::string_view kind, const std::string& id, int64_t now_ms, bool invalid);
  // Records a failed lookup; never touches not_found (a failure says nothing about existence).
  void RecordFailure(std::string_view kind, const std::string& id, int64_t now_ms, int status,
                     std::string error);
  // Forgets `id`'s not-found and failure entries (it was fetched).
  void RecordFetched(std::string_view kind, const std::string& id);

  // True when `id` is waiting for a later retry at `now_ms` (not-found or failure not yet due).
  bool Waiting(std::string_view kind, const std::string& id, int64_t now_ms) const;
  const NotFound* FindNotFound(std::string_view kind, const std::string& id) const;
  const Failure* FindFailure(std::string_view kind, const std::string& id) const;
};

// Not-found retry schedule after the n-th 404: 7 days, 30 days, 90 days, then every 180 days.
int64_t NotFoundRetryDelayMs(int attempts);
// Failure retry schedule after the n-th failed run: 15 min doubling per failure, at most 1 day.
int64_t FailureRetryDelayMs(int attempts);

// The state, or an empty one when the file does not exist. Throws Error(kCorrupt) naming the
// key when it exists but cannot be read: silently starting over would re-fetch every not-found.
EnrichmentState LoadEnrichmentState(const storage::ObjectStore& lake);
// Writes the whole state with one atomic Put.
void SaveEnrichmentState(storage::ObjectStore& lake, const EnrichmentState& state);

// Exposed for tests.
std::string EnrichmentStateToJson(const EnrichmentState& state);
EnrichmentState EnrichmentStateFromJson(std::string_view json, std::string_view where);

}  // namespace uw::enrich
