// How an ingest run reports itself: a few lines for people, one JSON object for --json.
#include <fmt/format.h>

#include "core/civil_time.h"
#include "core/text.h"
#include "http/stop_run.h"
#include "pipeline/ingest/ingest.h"

namespace uw::ingest {
namespace {

std::string Time(int64_t ms) { return ms > 0 ? core::FormatIsoMillis(ms) : "none"; }

const char* OutcomeName(IngestOutcome outcome) {
  switch (outcome) {
    case IngestOutcome::kPolled:
      return "polled";
    case IngestOutcome::kStopped:
      return "stopped";
    case IngestOutcome::kSkipped:
      return "skipped";
  }
  return "?";
}

// Rounded up, like http::StopRun's own message: never a moment before Spotify allows it.
std::string ResumeText(const IngestSummary& s) {
  return s.resume_after_ms ? "run again after " + http::FormatUtc(*s.resume_after_ms)
                           : std::string("run again later");
}

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string OptionalMs(std::optional<int64_t> ms) {
  return ms ? std::to_string(*ms) : std::string("null");
}

}  // namespace

std::string IngestSummaryToText(const IngestSummary& s) {
  if (s.outcome == IngestOutcome::kSkipped) {
    return fmt::format(
        "Ingest skipped: Spotify asked to pause ({}); nothing was requested, {}.\n"
        "  cursor {}\n",
        s.stop_reason.empty() ? "rate limit" : s.stop_reason, ResumeText(s), Time(s.cursor_ms));
  }
  std::string out =
      fmt::format("Ingest: {} fetched, {} landed; {} ({} late), {} seen\n",
                  Plural(s.responses_fetched, "response", "responses"), s.responses_landed,
                  Plural(s.new_plays, "new play", "new plays"), s.late_arrivals, s.items);
  out += fmt::format("  cursor {}{}\n", Time(s.cursor_ms),
                     s.cursor_ms != s.previous_cursor_ms
                         ? fmt::format(" (was {})", Time(s.previous_cursor_ms))
                         : std::string(" (unchanged)"));
  for (const std::string& key : s.landed_keys) out += "  landed " + key + "\n";
  if (s.unusable_items > 0) {
    out += fmt::format("  {} without a usable track (not counted as plays)\n",
                       Plural(s.unusable_items, "item", "items"));
  }
  if (s.possible_gap) {
    out += fmt::format(
        "  warning: possible gap: Spotify keeps only the last {} plays and all of them are newer "
        "than the cursor; plays between {} and {} may be missing (poll more often; an extended "
        "history export covers them)\n",
        kPageLimit, Time(s.previous_cursor_ms), Time(s.oldest_reachable_ms));
  }
  if (s.outcome == IngestOutcome::kStopped) {
    // The stop's message names the resume time when Spotify gave one.
    const bool named =
        s.resume_after_ms &&
        s.stop_message.find(http::FormatUtc(*s.resume_after_ms)) != std::string::npos;
    out += fmt::format("  stopped: {}{}\n", s.stop_message, named ? "" : "; " + ResumeText(s));
  }
  return out;
}

std::string IngestSummaryToJson(const IngestSummary& s) {
  std::string landed = "[";
  for (size_t i = 0; i < s.landed_keys.size(); ++i) {
    if (i) landed += ',';
    core::AppendJsonString(landed, s.landed_keys[i]);
  }
  landed += ']';
  return fmt::format(
      "{{\"outcome\":\"{}\",\"responses_fetched\":{},\"responses_landed\":{},\"landed\":{},"
      "\"items\":{},\"new_plays\":{},\"late_arrivals\":{},\"unusable_items\":{},"
      "\"previous_cursor_ms\":{},\"cursor_ms\":{},\"possible_gap\":{},\"oldest_reachable_ms\":{},"
      "\"resume_after_ms\":{},\"stop_reason\":{},\"stop_message\":{}}}\n",
      OutcomeName(s.outcome), s.responses_fetched, s.responses_landed, landed, s.items, s.new_plays,
      s.late_arrivals, s.unusable_items, s.previous_cursor_ms, s.cursor_ms, s.possible_gap,
      s.possible_gap ? std::to_string(s.oldest_reachable_ms) : "null",
      OptionalMs(s.resume_after_ms), core::JsonString(s.stop_reason),
      core::JsonString(s.stop_message));
}

}  // namespace uw::ingest
