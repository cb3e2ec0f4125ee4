// `unwrapped build [--layer silver|gold] [--force]`: bronze -> silver -> gold Delta tables with a
// build summary per layer (pipeline/silver/build_silver.h, pipeline/gold/build_gold.h). Without
// --layer both layers are built, silver first, under one lake lock.
#include <fmt/format.h>

#include "cli/app.h"
#include "cli/build_options.h"
#include "pipeline/gold/build_gold.h"
#include "pipeline/silver/build_silver.h"
#include "storage/lake_lock.h"

namespace uw::cli {
namespace {

struct BuildFlags {
  std::string layer = "all";
  bool force = false;
};

int RunBuild(Context& context, const BuildFlags& flags) {
  const core::Settings& s = context.settings();
  auto lake = context.OpenLake();
  const storage::LakeLock lock = context.LockLake(*lake, "build");
  const bool silver_too = flags.layer != "gold";
  const bool gold_too = flags.layer != "silver";
  std::string silver_text, silver_json, gold_text, gold_json;
  if (silver_too) {
    silver::SilverBuildOptions options = SilverBuildOptionsFor(s);
    options.force = flags.force;
    const silver::SilverBuildReport report = silver::BuildSilver(*lake, options);
    silver_text = silver::SilverReportToText(report);
    silver_json = silver::SilverReportToJson(report);
  }
  if (gold_too) {
    gold::GoldBuildOptions options = GoldBuildOptionsFor(s);
    options.force = flags.force;
    const gold::GoldBuildReport report = gold::BuildGold(*lake, options);
    gold_text = gold::GoldReportToText(report);
    gold_json = gold::GoldReportToJson(report);
  }
  // One layer prints its own summary as before; both print {"silver": …, "gold": …}.
  if (!context.json()) {
    fmt::print("{}{}{}", silver_text, silver_too && gold_too ? "\n" : "", gold_text);
  } else if (silver_too && gold_too) {
    while (!silver_json.empty() && silver_json.back() == '\n') silver_json.pop_back();
    while (!gold_json.empty() && gold_json.back() == '\n') gold_json.pop_back();
    fmt::print("{{\"silver\":{},\"gold\":{}}}\n", silver_json, gold_json);
  } else {
    fmt::print("{}", silver_too ? silver_json : gold_json);
  }
  return 0;
}

}  // namespace

void AddBuildCommand(CLI::App& app, Registry& registry) {
  auto* command =
      app.add_subcommand("build", "Build the silver and gold tables (bronze -> silver -> gold)");
  auto flags = std::make_shared<BuildFlags>();
  command->add_option("--layer", flags->layer, "Layer to build: silver, gold, or all")
      ->check(CLI::IsMember({"all", "silver", "gold"}))
      ->capture_default_str();
  command->add_flag("--force", flags->force, "Rebuild even when nothing changed");
  registry.On(command, [flags](Context& context) { return RunBuild(context, *flags); });
}

}  // namespace uw::cli
