// `unwrapped demo`: the main job on an embedded default. Generates a realistic export (about 100k
// plays over ten years), imports it into a demo lake, builds silver and gold, writes the HTML
// report, and says what it did and where everything is.
#include <fmt/format.h>

#include <chrono>

#include "cli/app.h"
#include "cli/build_options.h"
#include "core/text.h"
#include "generator/generator.h"
#include "generator/scenario.h"
#include "pipeline/bronze/import_exports.h"
#include "pipeline/gold/build_gold.h"
#include "report/report.h"
#include "storage/lake_lock.h"

namespace uw::cli {
namespace {

struct DemoOptions {
  std::string out = "demo";
  int64_t events = 100000;
  uint64_t seed = 1;
  std::string account_zone = "Europe/Berlin";
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int RunDemo(Context& context, const DemoOptions& options) {
  const std::filesystem::path out = std::filesystem::absolute(options.out);
  fmt::print("1/4 generating a synthetic 10-year export ({} plays, seed {}, account data in {})\n",
             options.events, options.seed, options.account_zone);
  generator::GeneratorOptions gen;
  gen.events = options.events;
  gen.seed = options.seed;
  gen.out = out / "data";
  gen.account_zone = options.account_zone;
  gen.zip = true;
  gen.overwrite = true;
  gen.progress = context.progress();
  const generator::GeneratorSummary generated = generator::Generate(gen);
  fmt::print("    {} extended records, {} account records, {} API responses, {} in {:.1f} s\n",
             generated.extended_records, generated.account_records, generated.api_files,
             core::HumanBytes(generated.bytes_written), generated.seconds);

  // The demo lake lives beside the data unless the user named a lake.
  core::Settings settings = context.settings();
  if (settings.sources.at("lake") == core::SettingSource::kDefault) settings.lake = (out / "lake").string();
  // The generated listener lives in the generator's home zone: local hours and days in gold and
  // the report are theirs, unless the user configured a zone.
  if (settings.sources.at("timezone") == core::SettingSource::kDefault) {
    settings.timezone = std::string(generator::scenario::kHomeZone);
  }
  Context demo_context(settings);
  const auto lake = demo_context.OpenLake();
  fmt::print("2/4 importing {} into {}\n", generated.export_dir.string(), lake->Url());
  const auto start = std::chrono::steady_clock::now();
  bronze::Receipt receipt;
  {
    const storage::LakeLock lock = demo_context.LockLake(*lake, "demo");
    receipt = bronze::ImportExports(*lake, {generated.export_dir},
                                    {settings.import_max_entry_bytes, settings.import_max_total_bytes,
                                     settings.import_max_ratio, context.progress()});
  }
  fmt::print("    {} files ({} landed, {} already present, {} ignored), {} records in {:.1f} s\n\n",
             receipt.totals.files, receipt.totals.landed, receipt.totals.already_present,
             receipt.totals.ignored, receipt.totals.records_total, SecondsSince(start));
  fmt::print("{}\n", bronze::ReceiptByKindToText(receipt));

  fmt::print("3/4 building the silver and gold tables\n");
  silver::SilverBuildReport built;
  gold::GoldBuildReport gold_built;
  {
    const storage::LakeLock lock = demo_context.LockLake(*lake, "demo");
    built = silver::BuildSilver(*lake, SilverBuildOptionsFor(settings));
    gold_built = gold::BuildGold(*lake, GoldBuildOptionsFor(settings));
  }
  fmt::print("{}\n{}\n", silver::SilverReportToText(built), gold::GoldReportToText(gold_built));
  fmt::print("4/4 writing the report\n");
  report::ReportOptions report_options;
  // Where `unwrapped report` would write it for this lake.
  report_options.out = lake->LocalRoot() ? *lake->LocalRoot() / "report.html" : out / "report.html";
  const report::ReportSummary report = report::Report(*lake, report_options);
  fmt::print("    {}\n\n", report::SummaryLine(report));
  fmt::print("Where everything is:\n");
  fmt::print("  export (what Spotify would send you)  {}\n", generated.export_dir.string());
  fmt::print("  ground truth of the generated plays   {}\n", generated.truth_dir.string());
  fmt::print("  the lake                              {}\n", lake->Url());
  fmt::print("  this import's receipt                 {}/_state/receipts/{}.json\n", lake->Url(), receipt.id);
  fmt::print("  silver tables (Delta + Parquet)       {}/silver/\n", lake->Url());
  fmt::print("  gold tables (Delta + Parquet)         {}/gold/\n", lake->Url());
  fmt::print("  your report (open it in a browser)    {}\n", report.path.string());
  fmt::print("\nNext: unwrapped --lake {} status\n", settings.lake);
  return bronze::ExitCodeFor(receipt);
}

}  // namespace

void AddDemoCommand(CLI::App& app, Registry& registry) {
  auto options = std::make_shared<DemoOptions>();
  auto* demo = app.add_subcommand("demo", "Generate a realistic export, import it, and show the result");
  demo->add_option("--out", options->out, "Folder for the demo data and lake")->capture_default_str();
  demo->add_option("--events", options->events, "Plays in the generated history")
      ->capture_default_str()->check(CLI::Range(int64_t{1000}, int64_t{50000000}));
  demo->add_option("--seed", options->seed, "Generator seed")->capture_default_str();
  demo->add_option("--account-zone", options->account_zone, "Zone of the generated account data")
      ->capture_default_str();
  registry.On(demo, [options](Context& context) { return RunDemo(context, *options); });
}

}  // namespace uw::cli
