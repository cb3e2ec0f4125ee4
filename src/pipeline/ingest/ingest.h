// `unwrapped ingest`: one run of the recently-played job (DESIGN §1, issue 6 item 3). It polls
// (recently_played_poller.h), lands every response that holds a play not landed before under
// bronze/spotify_api/recently_played/year=/month=/day=/<fetched_at_ms>[-pN].json (raw bytes,
// put-if-absent), syncs, and only then records the cursor (ingest_state.h). Safe to run every
// few minutes (an unchanged response lands nothing) or once a day (a possible gap is reported).
//
// Rate limits: when Spotify asks to stop (http::StopRun), what arrived is landed, the time
// after which to try again is recorded, and the run ends cleanly; a run before that time calls
// nothing. Silver reads the landed files as api plays (ms_played estimated and flagged).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/clock.h"
#include "pipeline/ingest/recently_played_poller.h"
#include "storage/object_store.h"

namespace uw::ingest {

struct IngestOptions {
  int max_pages = 3;  // requests per poll at most (1 + pages back when a gap is possible)
};

enum class IngestOutcome {
  kPolled,   // Spotify answered; what was new is landed
  kStopped,  // Spotify asked to stop (or the budget ran out) during this run
  kSkipped,  // an earlier stop's resume time has not come yet: nothing was requested
};

struct IngestSummary {
  IngestOutcome outcome = IngestOutcome::kPolled;
  int64_t started_at_ms = 0;
  size_t responses_fetched = 0;
  size_t responses_landed = 0;
  std::vector<std::string> landed_keys;  // bronze keys written by this run
  size_t items = 0;                      // items in every response fetched
  size_t new_plays = 0;                  // plays not landed by any earlier run
  size_t late_arrivals = 0;              // of those, plays older than the cursor (offline sync)
  size_t unusable_items = 0;             // items silver cannot use (invalid, or no track identity)
  int64_t previous_cursor_ms = 0;
  int64_t cursor_ms = 0;
  // More plays since the last poll than Spotify keeps: everything returned is newer than the
  // cursor, so plays between the cursor and the oldest reachable one may be lost.
  bool possible_gap = false;
  int64_t oldest_reachable_ms = 0;
  std::optional<int64_t> resume_after_ms;  // kStopped, kSkipped: when the next run may call
  std::string stop_reason;                 // http::ReasonName
  std::string stop_message;
};

// Runs one ingest against `lake` (the caller holds the lake lock). `fetch` is called only when
// the run is not skipped. Throws Error(kInput) for sign-in problems (invalid_grant, 401/403),
// Error(kIo) for failed requests and unreadable responses, after landing what had arrived and
// recording the failure in the state; Error(kCorrupt) for a damaged state file.
IngestSummary Ingest(storage::ObjectStore& lake, const Fetch& fetch, http::Clock& clock,
                     const IngestOptions& options = {});

// 0 when Spotify answered, 3 ("partial", DESIGN §1) when a rate limit, quota or budget stopped
// or skipped the run: nothing is wrong, the next run after the resume time continues.
int IngestExitCode(const IngestSummary& summary);

std::string IngestSummaryToText(const IngestSummary& summary);
std::string IngestSummaryToJson(const IngestSummary& summary);

}  // namespace uw::ingest
