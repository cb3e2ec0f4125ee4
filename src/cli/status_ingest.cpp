// The recently-played part of `unwrapped status` (text and --json): the ingest cursor, the last
// poll, a rate-limit stop still in force and the last failure (pipeline/ingest/ingest_state.h).
#include <fmt/format.h>


#include "cli/app.h"
#include "core/civil_time.h"
#include "core/error.h"
#include "core/text.h"
#include "http/clock.h"
#include "http/stop_run.h"
#include "pipeline/ingest/ingest_state.h"

namespace uw::cli {
namespace {

std::string When(int64_t ms) { return core::FormatIsoSeconds(ms / 1000); }

// An ISO time as a JSON string, or null for "never" (0 / absent).
std::string JsonTime(int64_t ms) { return ms ? core::JsonString(core::FormatIsoMillis(ms)) : "null"; }

}  // namespace

std::string IngestStatusJson(const storage::ObjectStore& lake) {
  ingest::IngestState state;
  try {
    state = ingest::ReadIngestState(lake);
  } catch (const Error& e) {
    return fmt::format("{{\"error\":{}}}", core::JsonString(e.what()));
  }
  const bool paused = state.resume_after_ms && *state.resume_after_ms > http::SystemClock().NowMs();
  return fmt::format(
      "{{\"cursor\":{},\"last_poll\":{},\"resume_after\":{},\"stop_reason\":{},"
      "\"last_error\":{},\"last_error_at\":{}}}",
      JsonTime(state.cursor_ms), JsonTime(state.last_poll_ms),
      paused ? JsonTime(*state.resume_after_ms) : "null",
      paused && !state.stop_reason.empty() ? core::JsonString(state.stop_reason) : "null",
      state.last_error.empty() ? "null" : core::JsonString(state.last_error),
      state.last_error.empty() ? "null" : JsonTime(state.last_error_ms));
}

void PrintIngestStatus(const storage::ObjectStore& lake) {
  fmt::print("\nRecently played (ingest)\n");
  ingest::IngestState state;
  try {
    state = ingest::ReadIngestState(lake);
  } catch (const Error& e) {
    fmt::print("  ERROR: {}\n", e.what());  // status still shows the rest of the lake
    return;
  }
  if (state.last_poll_ms == 0 && state.last_error.empty() && !state.resume_after_ms) {
    fmt::print("  never run: `unwrapped ingest` (or `unwrapped run hourly` from a scheduler)\n");
    return;
  }
  fmt::print("  cursor {} (newest play landed)\n",
             state.cursor_ms ? core::FormatIsoMillis(state.cursor_ms) : std::string("none"));
  if (state.last_poll_ms) fmt::print("  last poll {}\n", When(state.last_poll_ms));
  if (state.resume_after_ms && *state.resume_after_ms > http::SystemClock().NowMs()) {
    fmt::print("  paused by Spotify ({}): runs before {} call nothing\n",
               state.stop_reason.empty() ? "rate limit" : state.stop_reason,
               http::FormatUtc(*state.resume_after_ms));
  }
  if (!state.last_error.empty()) {
    fmt::print("  last run failed {}: {}\n", When(state.last_error_ms), state.last_error);
  }
}

}  // namespace uw::cli
