// `unwrapped build [--layer silver] [--force]`: bronze -> silver Delta tables with a build
// summary (pipeline/silver/build_silver.h). Gold joins this command with its own layer.
#include <fmt/format.h>

#include "cli/app.h"
#include "cli/build_options.h"
#include "pipeline/silver/build_silver.h"
#include "storage/lake_lock.h"

namespace uw::cli {
namespace {

struct BuildFlags {
  std::string layer = "silver";
  bool force = false;
};

int RunBuild(Context& context, const BuildFlags& flags) {
  const core::Settings& s = context.settings();
  auto lake = context.OpenLake();
  storage::LakeLock lock(*lake, "build");
  silver::SilverBuildOptions options = SilverBuildOptionsFor(s);
  options.force = flags.force;
  const silver::SilverBuildReport report = silver::BuildSilver(*lake, options);
  fmt::print("{}", context.json() ? silver::SilverReportToJson(report)
                                  : silver::SilverReportToText(report));
  return 0;
}

}  // namespace

void AddBuildCommand(CLI::App& app, Registry& registry) {
  auto* command = app.add_subcommand("build", "Build the silver tables from bronze");
  auto flags = std::make_shared<BuildFlags>();
  command->add_option("--layer", flags->layer, "Layer to build")
      ->check(CLI::IsMember({"silver"}))
      ->capture_default_str();
  command->add_flag("--force", flags->force, "Rebuild even when nothing changed");
  registry.On(command, [flags](Context& context) { return RunBuild(context, *flags); });
}

}  // namespace uw::cli
