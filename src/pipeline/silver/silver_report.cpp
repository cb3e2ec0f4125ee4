// The build summary of `unwrapped build --layer silver` as text and JSON (build_silver.h).
#include <fmt/format.h>

#include "core/text.h"
#include "pipeline/silver/build_silver.h"
#include "pipeline/tables/published_summary.h"

namespace uw::silver {
namespace {

using tables::Thousands;

std::string SourceLine(const char* name, const SourceCounts& c) {
  std::string line =
      fmt::format("{} {} records in {} files", name, Thousands(c.records), Thousands(c.files));
  if (c.rejected_records) line += fmt::format(", {} rejected", Thousands(c.rejected_records));
  if (c.no_identity_records)
    line += fmt::format(", {} without identity", Thousands(c.no_identity_records));
  if (c.unreadable_files)
    line += fmt::format(", {} unreadable files", Thousands(c.unreadable_files));
  return line;
}

std::string ZoneLine(const ZoneDecision& zone) {
  if (zone.overridden) return fmt::format("{} (set in settings, not detected)", zone.zone);
  if (zone.rows_checked == 0) {
    return fmt::format("{} (nothing to match against: the configured zone)", zone.zone);
  }
  return fmt::format("{} (detected: {} of {} rows with a counterpart matched, {:.1f}%)", zone.zone,
                     Thousands(zone.rows_matched), Thousands(zone.rows_checked),
                     100.0 * zone.confidence);
}

// Rejected catalogue responses named in the text summary; the JSON lists every one.
constexpr size_t kRejectedShown = 20;

std::string KindCounts(const std::array<uint64_t, kSpotifyKinds>& counts) {
  std::string text;
  for (size_t k = 0; k < kSpotifyKinds; ++k) {
    text += fmt::format("{}{} {}", k ? ", " : "", Thousands(counts[k]),
                        SpotifyKindFolder(SpotifyKind(k)));
  }
  return text;
}

std::string CatalogueLines(const CatalogueSummary& c) {
  uint64_t files = 0;
  for (const uint64_t n : c.files) files += n;
  if (files == 0) return {};
  std::string out = fmt::format("  spotify catalogue: {} responses read ({})\n", Thousands(files),
                                KindCounts(c.files));
  out += fmt::format("    filled {}", KindCounts(c.counts.used));
  if (c.counts.artists_added + c.counts.albums_added + c.counts.shows_added) {
    out += fmt::format("; rows added for {} artists, {} albums, {} shows they name",
                       Thousands(c.counts.artists_added), Thousands(c.counts.albums_added),
                       Thousands(c.counts.shows_added));
  }
  out += "\n";
  if (c.rejected.empty()) return out;
  out += fmt::format("    {} rejected (skipped, the others were used):\n",
                     Thousands(c.rejected.size()));
  for (size_t i = 0; i < c.rejected.size() && i < kRejectedShown; ++i)
    out += fmt::format("      {}: {}\n", c.rejected[i].key, c.rejected[i].reason);
  if (c.rejected.size() > kRejectedShown)
    out += fmt::format("      … and {} more (see --json)\n", c.rejected.size() - kRejectedShown);
  return out;
}

std::string KindCountsJson(const std::array<uint64_t, kSpotifyKinds>& counts) {
  std::string json = "{";
  for (size_t k = 0; k < kSpotifyKinds; ++k) {
    json += fmt::format("{}\"{}\":{}", k ? "," : "", SpotifyKindFolder(SpotifyKind(k)), counts[k]);
  }
  return json + "}";
}

std::string CatalogueJson(const CatalogueSummary& c) {
  std::string json = fmt::format(
      "{{\"files\":{},\"used\":{},\"artists_added\":{},\"albums_added\":{},\"shows_added\":{},"
      "\"rejected\":[",
      KindCountsJson(c.files), KindCountsJson(c.counts.used), c.counts.artists_added,
      c.counts.albums_added, c.counts.shows_added);
  for (size_t i = 0; i < c.rejected.size(); ++i) {
    json +=
        fmt::format("{}{{\"key\":{},\"reason\":{}}}", i ? "," : "",
                    core::JsonString(c.rejected[i].key), core::JsonString(c.rejected[i].reason));
  }
  return json + "]}";
}

}  // namespace

std::string SilverReportToText(const SilverBuildReport& r) {
  if (r.up_to_date) {
    return fmt::format("Silver is up to date ({} bronze files; {}). Use --force to rebuild.\n",
                       Thousands(r.bronze_files), r.reason);
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
  out += fmt::format("  plays out: {} music, {} podcast\n", Thousands(s.music_out),
                     Thousands(s.podcast_out));
  out += fmt::format(
      "  duplicates merged: {} exact in extended, {} api repeats, {} api+extended, {} account "
      "rows matched, {} identical account rows\n",
      Thousands(s.extended_exact_duplicates), Thousands(s.api_repeated_items),
      Thousands(s.api_extended_merged), Thousands(s.account_merged),
      Thousands(s.account_identical_rows_merged));
  out += "  account zone: " + ZoneLine(s.zone) + "\n";
  if (s.account_ambiguous_matched + s.account_ambiguous_unmatched + s.account_in_gap) {
    out += fmt::format(
        "  DST: {} repeated-hour rows decided by a match, {} flagged ended_at_ambiguous, {} in a "
        "skipped hour\n",
        Thousands(s.account_ambiguous_matched), Thousands(s.account_ambiguous_unmatched),
        Thousands(s.account_in_gap));
  }
  out += fmt::format(
      "  names: {} name-only plays resolved ({} to the most used of several URIs), {} by search, "
      "{} unresolved\n",
      Thousands(s.names_resolved), Thousands(s.names_resolved_most_used),
      Thousands(s.names_resolved_search), Thousands(s.names_unresolved));
  if (s.ms_played_estimated) {
    out += fmt::format("  ms_played estimated for {} api-only plays (flagged)\n",
                       Thousands(s.ms_played_estimated));
  }
  out += CatalogueLines(r.catalogue);
  out += "  tables\n";
  for (const PublishedTable& t : r.tables) out += tables::PublishedTableLine(t) + "\n";
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
      ",\"names\":{{\"resolved\":{},\"resolved_most_used\":{},\"resolved_search\":{},"
      "\"unresolved\":{}}},\"ms_played_estimated\":{}",
      s.names_resolved, s.names_resolved_most_used, s.names_resolved_search, s.names_unresolved,
      s.ms_played_estimated);
  json += ",\"catalogue\":" + CatalogueJson(r.catalogue);
  return json + ",\"tables\":" + tables::PublishedTablesJson(r.tables) + "}\n";
}

}  // namespace uw::silver
