#include "cli/status_enrichment.h"

#include <fmt/format.h>

#include <optional>

#include "core/error.h"
#include "core/text.h"
#include "http/clock.h"
#include "http/stop_run.h"
#include "pipeline/enrich/enrich_report.h"
#include "pipeline/enrich/enrichment_queue.h"
#include "pipeline/enrich/enrichment_state.h"
#include "pipeline/enrich/enrichment_totals.h"
#include "pipeline/enrich/search_decisions.h"

namespace uw::cli {
namespace {

struct EnrichmentStatus {
  std::optional<enrich::QueueTotals> totals;  // nullopt: silver is not built
  enrich::EnrichmentState state;
  int64_t now_ms = 0;
  bool resting() const { return state.resume_after_ms && *state.resume_after_ms > now_ms; }
};

EnrichmentStatus Collect(const storage::ObjectStore& lake) {
  EnrichmentStatus s;
  s.now_ms = http::SystemClock().NowMs();
  s.state = enrich::LoadEnrichmentState(lake);
  try {
    const enrich::SearchDecisions decisions = enrich::LoadSearchDecisions(lake);
    const enrich::EnrichmentQueue queue = enrich::BuildQueue(lake, decisions);
    s.totals = enrich::CountQueue(queue, s.state, decisions, s.now_ms);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kNotFound) throw;
  }
  return s;
}

}  // namespace

std::string EnrichmentStatusText(const storage::ObjectStore& lake) {
  const EnrichmentStatus s = Collect(lake);
  std::string out = "\nSpotify enrichment\n";
  if (!s.totals) return out + "  silver is not built yet: run `unwrapped build`, then `unwrapped enrich spotify`\n";
  out += enrich::QueueTotalsToText(*s.totals, "  ");
  if (s.resting()) {
    out += fmt::format("  stopped by Spotify ({}): resume after {}\n", s.state.stop_reason,
                       http::FormatUtc(*s.state.resume_after_ms));
  } else if (s.totals->work_due()) {
    out += "  run `unwrapped enrich spotify` to fetch what is pending\n";
  }
  return out;
}

std::string EnrichmentStatusJson(const storage::ObjectStore& lake) {
  const EnrichmentStatus s = Collect(lake);
  return fmt::format("{{\"silver_built\":{},\"queue\":{},\"resume_after\":{},\"stop_reason\":{}}}",
                     s.totals.has_value(), s.totals ? enrich::QueueTotalsToJson(*s.totals) : "null",
                     s.resting() ? core::JsonString(http::FormatUtc(*s.state.resume_after_ms)) : "null",
                     s.state.stop_reason.empty() ? "null" : core::JsonString(s.state.stop_reason));
}

}  // namespace uw::cli
