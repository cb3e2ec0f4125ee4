#include "cli/app.h"

#include <spdlog/spdlog.h>

#include <optional>

#include "core/error.h"
#include "core/lake_paths.h"
#include "core/logging.h"
#include "core/version.h"

namespace uw::cli {

std::unique_ptr<storage::ObjectStore> Context::OpenLake() const {
  auto store = storage::OpenStore(settings_.lake);
  if (auto root = store->LocalRoot()) core::AddLogFile(*root / std::string(lake::kLogsDir));
  spdlog::debug("lake {}", store->Url());
  return store;
}

storage::LakeLock Context::LockLake(storage::ObjectStore& lake, std::string command) const {
  return storage::LakeLock(lake, std::move(command),
                           {.wait = std::chrono::seconds(settings_.lock_wait_seconds)});
}

const Action* Registry::Selected(const CLI::App& root) const {
  const CLI::App* current = &root;
  const Action* found = nullptr;
  while (true) {
    const auto subs = current->get_subcommands();
    if (subs.empty()) break;
    current = subs.front();
    if (auto it = actions_.find(current); it != actions_.end()) found = &it->second;
  }
  return found;
}

namespace {

struct GlobalFlags {
  std::string lake;
  std::string config;
  int verbose = 0;
  bool quiet = false;
  bool json = false;
  bool no_progress = false;
  std::optional<int64_t> lock_wait_seconds;
};

std::map<std::string, std::string> FlagOverrides(const GlobalFlags& g) {
  std::map<std::string, std::string> flags;
  if (!g.lake.empty()) flags["lake"] = g.lake;
  if (g.verbose || g.quiet) flags["verbosity"] = std::to_string(g.quiet ? -1 : g.verbose);
  if (g.json) flags["json"] = "true";
  if (g.no_progress) flags["progress"] = "false";
  if (g.lock_wait_seconds) flags["lock_wait_seconds"] = std::to_string(*g.lock_wait_seconds);
  return flags;
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"unwrapped: a personal music-listening lakehouse for your Spotify history"};
  app.set_version_flag("--version", fmt::format("unwrapped {} (build {})", kVersion, kGitHash));
  app.require_subcommand(1);
  GlobalFlags g;
  app.add_option("--lake", g.lake, "Lake URL or folder (default ./lake, env UNWRAPPED_LAKE)");
  app.add_option("--config", g.config, "TOML config file (env UNWRAPPED_CONFIG)");
  app.add_flag("-v,--verbose", g.verbose, "More output (repeat for debug)");
  app.add_flag("-q,--quiet", g.quiet, "Only errors");
  app.add_flag("--json", g.json, "Machine-readable output");
  app.add_flag("--no-progress", g.no_progress, "Never draw progress bars");
  app.add_option("--lock-wait", g.lock_wait_seconds,
                 "Seconds a writing command waits for another run to release the lake "
                 "(default 60, env UNWRAPPED_LOCK_WAIT_SECONDS; 0 = fail at once)")
      ->type_name("SECONDS")
      ->check(CLI::Range(int64_t{0}, int64_t{24 * 3600}));

  Registry registry;
  AddImportCommand(app, registry);
  AddBuildCommand(app, registry);
  AddGenerateCommand(app, registry);
  AddDemoCommand(app, registry);
  AddStatusCommand(app, registry);
  AddReportCommand(app, registry);
  AddLoadCommand(app, registry);
  AddConfigCommand(app, registry);
  AddIngestCommand(app, registry);
  AddRunCommand(app, registry);
  AddAuthCommand(app, registry);
  AddEnrichCommand(app, registry);
  AddParquetCommands(app, registry);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  core::InitLogging(g.quiet ? -1 : g.verbose);
  try {
    Context context(core::LoadSettings(FlagOverrides(g), g.config, core::ProcessEnvironment()));
    core::InitLogging(context.settings().verbosity);
    const Action* action = registry.Selected(app);
    if (!action) {
      fmt::print(stderr, "{}", app.help());
      return kExitUsage;
    }
    return (*action)(context);
  } catch (const Error& e) {
    spdlog::error("{}", e.what());
    return ExitCodeFor(e.code());
  } catch (const std::exception& e) {
    spdlog::error("unexpected failure: {}", e.what());
    return kExitFailure;
  }
}

}  // namespace uw::cli
