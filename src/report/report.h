// `unwrapped report`: reads the gold tables, computes every section and writes one
// self-contained HTML file (report_data → report_model → html_writer). The file is replaced
// atomically: a reader sees the old report or the new one, never half.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "report/report_data.h"
#include "report/report_model.h"
#include "storage/object_store.h"

namespace uw::report {

struct ReportOptions {
  std::optional<int> year;  // --year: that local calendar year
  std::string from, to;     // --from/--to: inclusive local dates "YYYY-MM-DD" (either may be empty)
  bool include_incognito = false;
  std::filesystem::path out;  // the HTML file to write
  ModelOptions model;
};

struct ReportSummary {
  std::filesystem::path path;
  std::string period;
  int64_t plays = 0, ms_played = 0, podcast_plays = 0, artists = 0;
  int64_t excluded_incognito = 0;  // music and podcast plays left out
  uint64_t bytes = 0;
  double seconds = 0;
};

// The period of the flags. Throws Error(kUsage) for --year together with --from/--to, a date
// not of the form YYYY-MM-DD, or --from after --to.
Period PeriodFor(const ReportOptions& options);

// Writes the report of `lake` to options.out. Throws Error(kNotFound) "… run `unwrapped build`
// first" when the lake has no gold tables, Error(kUsage) for bad flags, Error(kIo) when the file
// cannot be written.
ReportSummary Report(const storage::ObjectStore& lake, const ReportOptions& options);

// "wrote /path/report.html: All time, 48,123 plays, 2,345 h (312 incognito plays left out)".
std::string SummaryLine(const ReportSummary& summary);

}  // namespace uw::report
