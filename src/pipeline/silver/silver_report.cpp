// The build summary of `unwrapped build --layer silver` as text and JSON (build_silver.h).
#include <fmt/format.h>

#include "core/text.h"
#include "pipeline/silver/build_silver.h"

namespace uw::silver {
namespace {

std::string Num(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string SourceLine(const char* name, const SourceCounts& c) {
  std::string line = fmt::format("{} {} records in {} files", name, Num(c.records), Num(c.files));
  if (c.rejected_records) line += fmt::format(", {} rejected", Num(c.rejected_records));
  if (c.no_identity_records)
    line += fmt::format(", {} without identity", Num(c.no_identity_records));
  if (c.unreadable_files) line += fmt::format(", {} unreadable files", Num(c.unreadable_files));
  return line;
}

std::string ZoneLine(const ZoneDecision& zone) {
  if (zone.overridden) return fmt::format("{} (set in settings, not detected)", zone.zone);
  if (zone.rows_checked == 0) {
    return fmt::format("{} (nothing to match against: the configured zone)", zone.zone);
  }
  return fmt::format("{} (detected: {} of {} rows with a counterpart matched, {:.1f}%)", zone.zone,
                     Num(zone.rows_matched), Num(zone.rows_checked), 100.0 * zone.confidence);
}

std::string TableLine(const PublishedTable& t) {
  const size_t total = t.partitions_written + t.partitions_unchanged;
  std::string what;
  if (!t.committed) {
    what = "unchanged";
  } else if (t.version == 0) {
    what = total > 1 || t.partitions_written > 1 ? fmt::format("written, {} partitions", total)
                                                 : "written";
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

}  // namespace

std::string SilverReportToText(const SilverBuildReport& r) {
  if (r.up_to_date) {
    return fmt::format("Silver is up to date ({} bronze files; {}). Use --force to rebuild.\n",
                       Num(r.bronze_files), r.reason);
  }
  const ResolveSummary& s = r.summary;
  std::string out = fmt::format(
      "Silver {} ({}) in {:.2f} s: read {:.2f} s, resolve {:.2f} s, tables {:.2f} s, write {:.2f} "
      "s\n",
      r.incremental ? "updated" : "built", r.reason,
      r.seconds_read + r.seconds_resolve + r.seconds_tables + r.seconds_write, r.seconds_read,
      r.seconds_resolve, r.seconds_tables, r.seconds_write);
  out += "  records in\n";
  out += "    " + SourceLine("extended", r.extended) + "\n";
  out += "    " + SourceLine("account ", r.account) + "\n";
  out += "    " + SourceLine("api     ", r.api) + "\n";
  out += fmt::format("  plays out: {} music, {} podcast\n", Num(s.music_out), Num(s.podcast_out));
  out += fmt::format(
      "  duplicates merged: {} exact in extended, {} api repeats, {} api+extended, {} account "
      "rows matched, {} identical account rows\n",
      Num(s.extended_exact_duplicates), Num(s.api_repeated_items), Num(s.api_extended_merged),
      Num(s.account_merged), Num(s.account_identical_rows_merged));
  out += "  account zone: " + ZoneLine(s.zone) + "\n";
  if (s.account_ambiguous_matched + s.account_ambiguous_unmatched + s.account_in_gap) {
    out += fmt::format(
        "  DST: {} repeated-hour rows decided by a match, {} flagged ended_at_ambiguous, {} in a "
        "skipped hour\n",
        Num(s.account_ambiguous_matched), Num(s.account_ambiguous_unmatched),
        Num(s.account_in_gap));
  }
  out += fmt::format(
      "  names: {} name-only plays resolved ({} to the most used of several URIs), {} unresolved\n",
      Num(s.names_resolved), Num(s.names_resolved_most_used), Num(s.names_unresolved));
  if (s.ms_played_estimated) {
    out += fmt::format("  ms_played estimated for {} api-only plays (flagged)\n",
                       Num(s.ms_played_estimated));
  }
  out += "  tables\n";
  for (const PublishedTable& t : r.tables) out += TableLine(t) + "\n";
  return out;
}

std::string SilverReportToJson(const SilverBuildReport& r) {
  const ResolveSummary& s = r.summary;
  std::string json =
      fmt::format("{{\"up_to_date\":{},\"incremental\":{},\"reason\":{},\"bronze_files\":{}",
                  r.up_to_date, r.incremental, core::JsonString(r.reason), r.bronze_files);
  if (r.up_to_date) return json + "}\n";
  const auto source = [](const SourceCounts& c) {
    return fmt::format(
        "{{\"files\":{},\"records\":{},\"rejected\":{},\"no_identity\":{},\"unreadable_files\":{}}"
        "}",
        c.files, c.records, c.rejected_records, c.no_identity_records, c.unreadable_files);
  };
  json += fmt::format(
      ",\"seconds\":{{\"read\":{:.3f},\"resolve\":{:.3f},\"tables\":{:.3f},\"write\":{:.3f}}}",
      r.seconds_read, r.seconds_resolve, r.seconds_tables, r.seconds_write);
  json += fmt::format(",\"records_in\":{{\"extended\":{},\"account\":{},\"api\":{}}}",
                      source(r.extended), source(r.account), source(r.api));
  json += fmt::format(",\"plays_out\":{{\"music\":{},\"podcast\":{}}}", s.music_out, s.podcast_out);
  json += fmt::format(
      ",\"duplicates_merged\":{{\"extended_exact\":{},\"api_repeats\":{},\"api_extended\":{},"
      "\"account_matched\":{},\"account_identical_rows\":{}}}",
      s.extended_exact_duplicates, s.api_repeated_items, s.api_extended_merged, s.account_merged,
      s.account_identical_rows_merged);
  json += fmt::format(
      ",\"account_zone\":{{\"zone\":{},\"overridden\":{},\"rows_checked\":{},\"rows_matched\":{},"
      "\"confidence\":{:.6f},\"ambiguous_matched\":{},\"ambiguous_flagged\":{},\"in_gap\":{}}}",
      core::JsonString(s.zone.zone), s.zone.overridden, s.zone.rows_checked, s.zone.rows_matched,
      s.zone.confidence, s.account_ambiguous_matched, s.account_ambiguous_unmatched,
      s.account_in_gap);
  json += fmt::format(
      ",\"names\":{{\"resolved\":{},\"resolved_most_used\":{},\"unresolved\":{}}},"
      "\"ms_played_estimated\":{}",
      s.names_resolved, s.names_resolved_most_used, s.names_unresolved, s.ms_played_estimated);
  json += ",\"tables\":[";
  for (size_t i = 0; i < r.tables.size(); ++i) {
    const PublishedTable& t = r.tables[i];
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

}  // namespace uw::silver
