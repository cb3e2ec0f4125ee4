// The build summary of `unwrapped build --layer gold` as text and JSON (build_gold.h), in the
// shape of the silver summary (silver_report.cpp).
#include <fmt/format.h>

#include "core/text.h"
#include "pipeline/gold/build_gold.h"

namespace uw::gold {
namespace {

std::string Num(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string TableLine(const tables::PublishedTable& t) {
  const size_t total = t.partitions_written + t.partitions_unchanged;
  std::string what;
  if (!t.committed) {
    what = "unchanged";
  } else if (t.version == 0) {
    what = total > 1 ? fmt::format("written, {} partitions", total) : "written";
  } else if (t.rewritten.size() == 1 && t.rewritten[0] == "table") {
    what = "rewritten";
  } else {
    what = fmt::format("rewrote {} of {} partitions", t.partitions_written, total);
    if (!t.rewritten.empty() && t.rewritten.size() <= 4)
      what += " (" + fmt::format("{}", fmt::join(t.rewritten, ", ")) + ")";
    if (t.partitions_removed) what += fmt::format(", removed {}", t.partitions_removed);
  }
  std::string line =
      fmt::format("    {:<20} {:>11} rows  v{:<3} {}", t.name, Num(t.rows), t.version, what);
  if (t.orphans_removed)
    line += fmt::format(" ({} files of an interrupted build removed)", t.orphans_removed);
  return line;
}

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
                     Num(r.plays), Num(r.counted_plays), Num(r.podcast_plays));
  out += fmt::format("  sessions: {} (a pause over {} min starts a new one)\n", Num(r.sessions),
                     r.session_gap_ms / 60000.0);
  out += "  local time: " + ZoneText(r) + "\n";
  out += "  tables\n";
  for (const tables::PublishedTable& t : r.tables) out += TableLine(t) + "\n";
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
  json += ",\"tables\":[";
  for (size_t i = 0; i < r.tables.size(); ++i) {
    const tables::PublishedTable& t = r.tables[i];
    std::string rewritten;
    for (const std::string& p : t.rewritten)
      rewritten += (rewritten.empty() ? "" : ",") + core::JsonString(p);
    json += fmt::format(
        "{}{{\"name\":{},\"rows\":{},\"version\":{},\"committed\":{},\"partitions_written\":{},"
        "\"partitions_unchanged\":{},\"partitions_removed\":{},\"bytes_written\":{},"
        "\"orphans_removed\":{},\"rewritten\":[{}]}}",
        i ? "," : "", core::JsonString(t.name), t.rows, t.version, t.committed,
        t.partitions_written, t.partitions_unchanged, t.partitions_removed, t.bytes_written,
        t.orphans_removed, rewritten);
  }
  return json + "]}\n";
}

}  // namespace uw::gold
