#include "pipeline/ingest/ingest.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/error.h"
#include "http/stop_run.h"
#include "pipeline/ingest/ingest_state.h"
#include "pipeline/ingest/response_lander.h"

namespace uw::ingest {
namespace {

// Which pages to land and what is new in them: a page lands when it holds at least one key that
// no earlier run landed and no earlier page of this run holds.
struct Landing {
  std::vector<const Page*> pages;
  std::set<PlayKey> new_keys;
};

Landing DecideLanding(const PollResult& poll, const IngestState& state) {
  Landing landing;
  for (const Page& page : poll.pages) {
    bool fresh = false;
    for (const PlayKey& key : page.keys) {
      if (state.recent.count(key) || landing.new_keys.count(key)) continue;
      // Below the oldest remembered key a play may have been landed and forgotten; landing it
      // again is harmless (silver merges repeats), losing it is not.
      landing.new_keys.insert(key);
      fresh = true;
    }
    if (fresh) landing.pages.push_back(&page);
  }
  return landing;
}

// Everything returned is newer than the cursor while the window was full: the plays between
// the cursor and the oldest reachable one may never be fetched (formats.md §3.1). Runs after
// Count, which totals the items of the pages.
void CheckGap(const PollResult& poll, int64_t cursor_ms, IngestSummary& summary) {
  if (cursor_ms <= 0 || poll.pages.empty()) return;
  int64_t oldest = INT64_MAX;
  for (const Page& page : poll.pages) {
    if (!page.keys.empty()) oldest = std::min(oldest, page.keys.begin()->played_at_ms);
  }
  if (oldest == INT64_MAX || oldest <= cursor_ms ||
      summary.items < static_cast<size_t>(kPageLimit)) {
    return;
  }
  summary.possible_gap = true;
  summary.oldest_reachable_ms = oldest;
}

void Count(const PollResult& poll, const Landing& landing, int64_t cursor_ms,
           IngestSummary& summary) {
  summary.responses_fetched = poll.pages.size();
  for (const Page& page : poll.pages) {
    summary.items += page.items;
    summary.unusable_items += page.unusable_items;
  }
  summary.new_plays = landing.new_keys.size();
  for (const PlayKey& key : landing.new_keys) {
    if (key.played_at_ms < cursor_ms) ++summary.late_arrivals;
  }
}

// Lands the chosen pages, all named after the poll's first fetch, and makes them durable.
void LandPages(storage::ObjectStore& lake, const PollResult& poll, const Landing& landing,
               IngestSummary& summary) {
  if (landing.pages.empty()) return;
  const int64_t fetched_at_ms = poll.pages.front().fetched_at_ms;
  for (const Page* page : landing.pages) {
    summary.landed_keys.push_back(LandResponse(lake, fetched_at_ms, page->number, page->body));
  }
  summary.responses_landed = summary.landed_keys.size();
  lake.Sync();  // bronze first: the state must never name plays that are not durable
}

void RecordStop(const http::StopRun& stop, IngestState& state, IngestSummary& summary) {
  summary.outcome = IngestOutcome::kStopped;
  summary.stop_reason = http::ReasonName(stop.reason());
  summary.stop_message = stop.what();
  summary.resume_after_ms = stop.resume_at_ms();
  state.resume_after_ms = stop.resume_at_ms();
  state.stop_reason = summary.stop_reason;
}

// Records a failure in the state without hiding it: a state that cannot be written is logged.
void RecordFailure(storage::ObjectStore& lake, IngestState& state, const std::string& message,
                   int64_t now_ms) {
  state.last_error = message;
  state.last_error_ms = now_ms;
  try {
    WriteIngestState(lake, state);
  } catch (const std::exception& e) {
    spdlog::warn("could not record the failure in the ingest state: {}", e.what());
  }
}

PollResult PollOrRecord(storage::ObjectStore& lake, const Fetch& fetch, http::Clock& clock,
                        IngestState& state, const IngestOptions& options) {
  try {
    return PollRecentlyPlayed(fetch, clock, state.cursor_ms, options.max_pages);
  } catch (const std::exception& e) {
    RecordFailure(lake, state, e.what(), clock.NowMs());
    throw;
  }
}

}  // namespace

IngestSummary Ingest(storage::ObjectStore& lake, const Fetch& fetch, http::Clock& clock,
                     const IngestOptions& options) {
  IngestState state = ReadIngestState(lake);
  IngestSummary summary;
  summary.started_at_ms = clock.NowMs();
  summary.previous_cursor_ms = summary.cursor_ms = state.cursor_ms;
  if (state.resume_after_ms && summary.started_at_ms < *state.resume_after_ms) {
    summary.outcome = IngestOutcome::kSkipped;
    summary.resume_after_ms = state.resume_after_ms;
    summary.stop_reason = state.stop_reason;
    return summary;
  }
  const PollResult poll = PollOrRecord(lake, fetch, clock, state, options);
  const Landing landing = DecideLanding(poll, state);
  Count(poll, landing, state.cursor_ms, summary);
  CheckGap(poll, state.cursor_ms, summary);
  LandPages(lake, poll, landing, summary);

  RecordLanded(state, landing.new_keys);
  summary.cursor_ms = state.cursor_ms;
  if (!poll.pages.empty()) state.last_poll_ms = poll.pages.back().fetched_at_ms;
  state.resume_after_ms.reset();
  state.stop_reason.clear();
  if (poll.stop) RecordStop(*poll.stop, state, summary);
  if (poll.failure) {
    try {
      std::rethrow_exception(poll.failure);
    } catch (const std::exception& e) {
      RecordFailure(lake, state, e.what(), clock.NowMs());
      throw;
    }
  }
  if (!poll.pages.empty()) state.last_error.clear();
  WriteIngestState(lake, state);
  if (summary.possible_gap) {
    spdlog::warn("possible gap in recently-played: more than {} plays since the last poll",
                 kPageLimit);
  }
  return summary;
}

int IngestExitCode(const IngestSummary& summary) {
  return summary.outcome == IngestOutcome::kPolled ? kExitOk : kExitPartial;
}

}  // namespace uw::ingest
