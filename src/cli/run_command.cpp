// `unwrapped run hourly [--load URL]`: the scheduled composite (DESIGN §1): ingest, then build
// (silver and gold, as `build` does), then load (as `load` does, by default into
// sqlite:<lake>/warehouse.db), under one lake lock, with one summary.
// A step that fails stops the ones after it: the summary of the steps done is printed and the
// step's error decides the exit code (1, or 2 for usage errors such as not being signed in).
// When a rate limit stopped or skipped the ingest, what landed is still built and loaded, and
// the exit code is 3 (as for `ingest`): the next run continues.
#include <fmt/format.h>

#include <optional>

#include "cli/app.h"
#include "cli/build_options.h"
#include "cli/load_target.h"
#include "core/error.h"
#include "http/clock.h"
#include "pipeline/gold/build_gold.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/ingest/spotify_fetch.h"
#include "pipeline/silver/build_silver.h"
#include "storage/lake_lock.h"
#include "warehouse/loader.h"

namespace uw::cli {
namespace {

struct HourlyRun {
  std::optional<ingest::IngestSummary> ingest;
  std::optional<silver::SilverBuildReport> silver;
  std::optional<gold::GoldBuildReport> gold;
  std::optional<warehouse::LoadReport> load;
  std::string failed_step;  // "" when every step ran
};

std::string Trimmed(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

void PrintText(const HourlyRun& run) {
  std::string out;
  if (run.ingest) out += ingest::IngestSummaryToText(*run.ingest) + "\n";
  if (run.silver) out += silver::SilverReportToText(*run.silver) + "\n";
  if (run.gold) out += gold::GoldReportToText(*run.gold) + "\n";
  if (run.load) out += warehouse::LoadReportToText(*run.load) + "\n";
  if (!run.failed_step.empty())
    out += "Hourly run stopped: the " + run.failed_step + " step failed\n";
  fmt::print("{}", out);
}

void PrintJson(const HourlyRun& run) {
  const auto part = [](bool present, const std::string& json) {
    return present ? Trimmed(json) : std::string("null");
  };
  fmt::print(
      "{{\"ingest\":{},\"silver\":{},\"gold\":{},\"load\":{},\"failed_step\":{}}}\n",
      part(run.ingest.has_value(), run.ingest ? ingest::IngestSummaryToJson(*run.ingest) : ""),
      part(run.silver.has_value(), run.silver ? silver::SilverReportToJson(*run.silver) : ""),
      part(run.gold.has_value(), run.gold ? gold::GoldReportToJson(*run.gold) : ""),
      part(run.load.has_value(), run.load ? warehouse::LoadReportToJson(*run.load) : ""),
      run.failed_step.empty() ? "null" : "\"" + run.failed_step + "\"");
}

// Runs `step`; when it throws, prints what was done and lets the error decide the exit code.
template <typename Step>
void RunStep(Context& context, HourlyRun& run, const char* name, Step&& step) {
  try {
    step();
  } catch (...) {
    run.failed_step = name;
    context.json() ? PrintJson(run) : PrintText(run);
    throw;
  }
}

int RunHourly(Context& context, const std::string& load_url) {
  const core::Settings& s = context.settings();
  auto lake = context.OpenLake();
  const warehouse::WarehouseUrl target =  // usage errors first
      LoadTarget(*lake, load_url, "`unwrapped run hourly --load sqlite:warehouse.db`");
  const storage::LakeLock lock = context.LockLake(*lake, "run hourly");
  HourlyRun run;
  RunStep(context, run, "ingest", [&] {
    run.ingest = ingest::Ingest(*lake, ingest::SpotifyFetch(s), http::SystemClock());
  });
  RunStep(context, run, "build", [&] {
    run.silver = silver::BuildSilver(*lake, SilverBuildOptionsFor(s));
    run.gold = gold::BuildGold(*lake, GoldBuildOptionsFor(s));
  });
  RunStep(context, run, "load", [&] { run.load = warehouse::Load(*lake, target); });
  context.json() ? PrintJson(run) : PrintText(run);
  return ingest::IngestExitCode(*run.ingest);
}

}  // namespace

void AddRunCommand(CLI::App& app, Registry& registry) {
  auto* run = app.add_subcommand("run", "Scheduled composites of the other commands");
  run->require_subcommand(1);
  auto* hourly = run->add_subcommand("hourly", "The scheduled job: ingest, then build, then load");
  auto load_url = std::make_shared<std::string>();
  hourly->add_option("--load", *load_url,
                     "Warehouse to load: postgresql://… or sqlite:PATH "
                     "(default sqlite:<lake>/warehouse.db)");
  registry.On(hourly, [load_url](Context& context) { return RunHourly(context, *load_url); });
}

}  // namespace uw::cli
