// The recently-played part of `unwrapped status` (text output): the ingest cursor, the last
// poll, a rate-limit stop still in force and the last failure (pipeline/ingest/ingest_state.h).
#include <fmt/format.h>

#include <chrono>

#include "cli/app.h"
#include "core/civil_time.h"
#include "core/error.h"
#include "http/stop_run.h"
#include "pipeline/ingest/ingest_state.h"

namespace uw::cli {
namespace {

std::string When(int64_t ms) { return core::FormatIsoSeconds(ms / 1000); }

}  // namespace

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
  const int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  if (state.resume_after_ms && *state.resume_after_ms > now_ms) {
    fmt::print("  paused by Spotify ({}): runs before {} call nothing\n",
               state.stop_reason.empty() ? "rate limit" : state.stop_reason,
               http::FormatUtc(*state.resume_after_ms));
  }
  if (!state.last_error.empty()) {
    fmt::print("  last run failed {}: {}\n", When(state.last_error_ms), state.last_error);
  }
}

}  // namespace uw::cli
