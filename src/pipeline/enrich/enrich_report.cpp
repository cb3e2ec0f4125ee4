#include "pipeline/enrich/enrich_report.h"

#include <fmt/format.h>

#include "core/text.h"
#include "http/stop_run.h"

namespace uw::enrich {
namespace {

std::string SearchLine(const SearchTotals& s) {
  return fmt::format("{} name-only tracks: {} searched ({} matched), {} failed, {} to search",
                     s.name_only, s.decided, s.accepted, s.failed, s.pending);
}

std::string KindTotalsJson(const KindTotals& t) {
  return fmt::format("\"known\":{},\"fetched\":{},\"not_found\":{},\"failed\":{},\"pending\":{}",
                     t.known, t.fetched, t.not_found, t.failed, t.pending);
}

std::string SearchTotalsJson(const SearchTotals& s) {
  return fmt::format("{{\"name_only\":{},\"decided\":{},\"accepted\":{},\"failed\":{},\"pending\":{}}}",
                     s.name_only, s.decided, s.accepted, s.failed, s.pending);
}

std::string StopLine(const EnrichReport& r) {
  if (!r.stopped_early()) {
    return r.work_left() ? "Done: nothing more is due now.\n"
                         : "Done: everything due was processed.\n";
  }
  std::string out = fmt::format("Stopped ({}): {}\n", StopName(r.stop), r.stop_message);
  if (r.stop == StopKind::kRefused) return out;
  if (r.resume_at_ms) {
    out += fmt::format("Work is left: run `unwrapped enrich spotify` again after {}.\n",
                       http::FormatUtc(*r.resume_at_ms));
  } else {
    out += "Work is left: run `unwrapped enrich spotify` again to continue.\n";
  }
  return out;
}

}  // namespace

std::string QueueTotalsToText(const QueueTotals& totals, const std::string& indent) {
  std::string out = fmt::format("{}{:<9} {:>8} {:>8} {:>10} {:>7} {:>8}\n", indent, "kind", "known",
                                "fetched", "not found", "failed", "pending");
  for (const ObjectKind kind : kAllKinds) {
    const KindTotals& t = totals.of(kind);
    out += fmt::format("{}{:<9} {:>8} {:>8} {:>10} {:>7} {:>8}\n", indent, KindName(kind), t.known,
                       t.fetched, t.not_found, t.failed, t.pending);
  }
  return out + indent + SearchLine(totals.search) + "\n";
}

std::string QueueTotalsToJson(const QueueTotals& totals) {
  std::string out = "{\"kinds\":{";
  for (const ObjectKind kind : kAllKinds) {
    out += fmt::format("{}\"{}\":{{{}}}", kind == kAllKinds.front() ? "" : ",", KindName(kind),
                       KindTotalsJson(totals.of(kind)));
  }
  return out + "},\"search\":" + SearchTotalsJson(totals.search) + "}";
}

std::string EnrichReportToText(const EnrichReport& r) {
  std::string out = "Spotify catalogue enrichment\n";
  out += fmt::format("  {:<9} {:>8} {:>10} {:>7}   {:>8} {:>8} {:>10} {:>7} {:>8}\n", "this run:",
                     "fetched", "not found", "failed", "known", "fetched", "not found", "failed", "pending");
  for (const ObjectKind kind : kAllKinds) {
    const RunCounts& c = r.of(kind);
    const KindTotals& t = r.totals.of(kind);
    out += fmt::format("  {:<9} {:>8} {:>10} {:>7}   {:>8} {:>8} {:>10} {:>7} {:>8}\n", KindName(kind),
                       c.fetched, c.not_found, c.failed, t.known, t.fetched, t.not_found, t.failed, t.pending);
  }
  if (r.search_enabled) {
    out += fmt::format("  search: {} this run ({} matched, {} failed); {}\n", r.searched,
                       r.search_accepted, r.search_failed, SearchLine(r.totals.search));
  }
  out += fmt::format("  requests: {} ({} attempts with retries)\n", r.requests, r.http_attempts);
  return out + StopLine(r);
}

std::string EnrichReportToJson(const EnrichReport& r) {
  std::string out = fmt::format("{{\"stop\":\"{}\",\"message\":{},\"work_left\":{},\"resume_at\":{}",
                                StopName(r.stop), core::JsonString(r.stop_message), r.work_left(),
                                r.resume_at_ms ? core::JsonString(http::FormatUtc(*r.resume_at_ms)) : "null");
  out += fmt::format(",\"requests\":{},\"http_attempts\":{},\"run\":{{", r.requests, r.http_attempts);
  for (const ObjectKind kind : kAllKinds) {
    const RunCounts& c = r.of(kind);
    out += fmt::format("{}\"{}\":{{\"fetched\":{},\"not_found\":{},\"failed\":{}}}",
                       kind == kAllKinds.front() ? "" : ",", KindName(kind), c.fetched, c.not_found, c.failed);
  }
  out += fmt::format("}},\"search_run\":{{\"searched\":{},\"accepted\":{},\"failed\":{}}}", r.searched,
                     r.search_accepted, r.search_failed);
  return out + ",\"queue\":" + QueueTotalsToJson(r.totals) + "}\n";
}

}  // namespace uw::enrich
