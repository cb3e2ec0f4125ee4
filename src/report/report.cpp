#include "report/report.h"

#include <fmt/format.h>

#include <chrono>

#include "core/civil_time.h"
#include "core/error.h"
#include "core/version.h"
#include "report/html_text.h"
#include "report/html_writer.h"
#include "storage/local_store.h"

namespace uw::report {
namespace {

int32_t ParseDay(const std::string& text, std::string_view flag) {
  int year = 0, month = 0, day = 0;
  char tail = 0;
  if (text.size() != 10 ||
      std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3) {
    Fail(ErrorCode::kUsage, "{} {}: expected a date YYYY-MM-DD", flag, text);
  }
  const int64_t days = core::DaysFromCivil(year, month, day);
  // Round-tripping rejects 2024-02-30 and month 13.
  if (core::FormatDate(days) != text) Fail(ErrorCode::kUsage, "{} {}: no such date", flag, text);
  return static_cast<int32_t>(days);
}

void WriteAtomically(const std::filesystem::path& out, const std::string& html) {
  const std::filesystem::path absolute = std::filesystem::absolute(out);
  if (absolute.filename().empty())
    Fail(ErrorCode::kUsage, "--out {}: expected a file name", out.string());
  storage::LocalStore folder(absolute.parent_path());
  folder.Put(absolute.filename().string(), html);
}

std::string NowUtc() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(now).count();
  std::string text = core::FormatAccountMinute(seconds);
  return text + " UTC";
}

}  // namespace

Period PeriodFor(const ReportOptions& options) {
  Period period;
  if (options.year && (!options.from.empty() || !options.to.empty())) {
    Fail(ErrorCode::kUsage, "--year cannot be combined with --from/--to");
  }
  if (options.year) {
    if (*options.year < 1970 || *options.year > 9999)
      Fail(ErrorCode::kUsage, "--year {}: out of range", *options.year);
    period.from_day = static_cast<int32_t>(core::DaysFromCivil(*options.year, 1, 1));
    period.to_day = static_cast<int32_t>(core::DaysFromCivil(*options.year, 12, 31));
    period.label = std::to_string(*options.year);
    return period;
  }
  if (!options.from.empty()) period.from_day = ParseDay(options.from, "--from");
  if (!options.to.empty()) period.to_day = ParseDay(options.to, "--to");
  if (period.from_day > period.to_day)
    Fail(ErrorCode::kUsage, "--from {} is after --to {}", options.from, options.to);
  if (!options.from.empty() && !options.to.empty())
    period.label = options.from + " – " + options.to;
  else if (!options.from.empty())
    period.label = "since " + options.from;
  else if (!options.to.empty())
    period.label = "until " + options.to;
  return period;
}

ReportSummary Report(const storage::ObjectStore& lake, const ReportOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const Period period = PeriodFor(options);
  const ReportData data = LoadReportData(lake, period, options.include_incognito);
  const ReportModel model = BuildModel(data, options.model);
  const std::string html = RenderHtml(model, {NowUtc(), kVersion});
  WriteAtomically(options.out, html);

  ReportSummary s;
  s.path = std::filesystem::absolute(options.out);
  s.period = period.label;
  s.plays = model.totals.plays;
  s.ms_played = model.totals.ms_played;
  s.artists = model.totals.artists;
  s.podcast_plays = model.podcasts.totals.plays;
  s.excluded_incognito = data.excluded.incognito + data.excluded.podcast_incognito;
  s.bytes = html.size();
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

std::string SummaryLine(const ReportSummary& s) {
  std::string line =
      fmt::format("wrote {}: {}, {} plays, {}, {} artists, {} podcast plays", s.path.string(),
                  s.period, FormatCount(s.plays), FormatDuration(s.ms_played),
                  FormatCount(s.artists), FormatCount(s.podcast_plays));
  if (s.excluded_incognito > 0)
    line += fmt::format(" ({} incognito plays left out)", FormatCount(s.excluded_incognito));
  return line;
}

}  // namespace uw::report
