// The build summary of `unwrapped build --layer gold` as text and JSON (build_gold.h), in the
// shape of the silver summary (silver_report.cpp).
#include <fmt/format.h>

#include "core/text.h"
#include "pipeline/gold/build_gold.h"
#include "pipeline/tables/published_summary.h"

namespace uw::gold {
namespace {

using tables::Thousands;

std::string ZoneText(const GoldBuildReport& r) {
  if (!r.zone_from_country) return r.zone;
  return fmt::format("{}, per play from conn_country ({} zones used)", r.zone, r.zones_used.size());
}

}  // namespace

std::string GoldReportToText(const GoldBuildReport& r) {
  if (r.up_to_date) {
    return fmt::format("Gold is up to date ({}). Use --force to rebuild.\n", r.reason);
  }
  std::string out = fmt::format(
      "Gold built ({}) in {:.2f} s: read {:.2f} s, plays {:.2f} s, tables {:.2f} s, write {:.2f} "
      "s\n",
      r.reason, r.seconds_read + r.seconds_plays + r.seconds_tables + r.seconds_write,
      r.seconds_read, r.seconds_plays, r.seconds_tables, r.seconds_write);
  out += fmt::format("  plays: {} music ({} counted: not incognito, ms_played > 0), {} podcast\n",
                     Thousands(r.plays), Thousands(r.counted_plays), Thousands(r.podcast_plays));
  out += fmt::format("  sessions: {} (a pause over {} min starts a new one)\n",
                     Thousands(r.sessions), r.session_gap_ms / 60000.0);
  out += "  local time: " + ZoneText(r) + "\n";
  out += "  tables\n";
  for (const tables::PublishedTable& t : r.tables) out += tables::PublishedTableLine(t) + "\n";
  return out;
}

std::string GoldReportToJson(const GoldBuildReport& r) {
  std::string json =
      fmt::format("{{\"up_to_date\":{},\"reason\":{}", r.up_to_date, core::JsonString(r.reason));
  if (r.up_to_date) return json + "}\n";
  std::string zones;
  for (const std::string& z : r.zones_used)
    zones += (zones.empty() ? "" : ",") + core::JsonString(z);
  json += fmt::format(
      ",\"seconds\":{{\"read\":{:.3f},\"plays\":{:.3f},\"tables\":{:.3f},\"write\":{:.3f}}}",
      r.seconds_read, r.seconds_plays, r.seconds_tables, r.seconds_write);
  json += fmt::format(
      ",\"plays\":{},\"counted_plays\":{},\"podcast_plays\":{},\"sessions\":{},"
      "\"session_gap_ms\":{},\"zone\":{},\"zone_from_country\":{},\"zones_used\":[{}]",
      r.plays, r.counted_plays, r.podcast_plays, r.sessions, r.session_gap_ms,
      core::JsonString(r.zone), r.zone_from_country, zones);
  return json + ",\"tables\":" + tables::PublishedTablesJson(r.tables) + "}\n";
}

}  // namespace uw::gold
