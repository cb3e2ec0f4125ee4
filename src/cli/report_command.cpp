// `unwrapped report [--year Y | --from D --to D] [--out FILE] [--include-incognito]`: one
// self-contained HTML report from the gold tables (report/report.h).
#include <fmt/format.h>

#include "cli/app.h"
#include "core/text.h"
#include "report/report.h"

namespace uw::cli {
namespace {

struct ReportFlags {
  int year = 0;
  std::string from, to, out;
  bool include_incognito = false;
};

// Beside the lake when it is a local folder, else in the working directory.
std::filesystem::path DefaultOut(const storage::ObjectStore& lake) {
  if (auto root = lake.LocalRoot()) return *root / "report.html";
  return "unwrapped-report.html";
}

std::string SummaryJson(const report::ReportSummary& s) {
  return fmt::format(
      "{{\"path\":{},\"period\":{},\"plays\":{},\"ms_played\":{},\"artists\":{},\"podcast_plays\":{"
      "},"
      "\"excluded_incognito\":{},\"bytes\":{},\"seconds\":{:.3f}}}\n",
      core::JsonString(s.path.string()), core::JsonString(s.period), s.plays, s.ms_played,
      s.artists, s.podcast_plays, s.excluded_incognito, s.bytes, s.seconds);
}

int RunReport(Context& context, const ReportFlags& flags) {
  const auto lake = context.OpenLake();
  report::ReportOptions options;
  if (flags.year != 0) options.year = flags.year;
  options.from = flags.from;
  options.to = flags.to;
  options.include_incognito = flags.include_incognito;
  options.out = flags.out.empty() ? DefaultOut(*lake) : std::filesystem::path(flags.out);
  const report::ReportSummary summary = report::Report(*lake, options);
  fmt::print("{}", context.json() ? SummaryJson(summary) : report::SummaryLine(summary) + "\n");
  return 0;
}

}  // namespace

void AddReportCommand(CLI::App& app, Registry& registry) {
  auto* command =
      app.add_subcommand("report", "Write an HTML report of your listening from the gold tables");
  auto flags = std::make_shared<ReportFlags>();
  auto* year = command->add_option("--year", flags->year, "Only this local calendar year");
  command->add_option("--from", flags->from, "First local date, YYYY-MM-DD")->excludes(year);
  command->add_option("--to", flags->to, "Last local date, YYYY-MM-DD (inclusive)")->excludes(year);
  command->add_option("--out", flags->out,
                      "HTML file to write (default: report.html in a local lake)");
  command->add_flag("--include-incognito", flags->include_incognito,
                    "Count private-session plays too (left out by default)");
  registry.On(command, [flags](Context& context) { return RunReport(context, *flags); });
}

}  // namespace uw::cli
