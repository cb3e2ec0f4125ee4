// The command-line application: global options, subcommand registry, and the one place where
// errors become exit codes.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "core/settings.h"
#include "storage/lake_lock.h"
#include "storage/object_store.h"

namespace uw::cli {

// What every command gets: the resolved settings and a way to open the lake.
class Context {
 public:
  explicit Context(core::Settings settings) : settings_(std::move(settings)) {}
  const core::Settings& settings() const { return settings_; }
  bool json() const { return settings_.json; }
  bool progress() const { return settings_.progress; }
  // Opens the lake named by the settings and starts logging to its _state/logs/.
  std::unique_ptr<storage::ObjectStore> OpenLake() const;
  // Takes the lake lock for `command` (a writing command), waiting for a run that holds it up to
  // the lock_wait_seconds setting (--lock-wait). Throws as storage::LakeLock does.
  storage::LakeLock LockLake(storage::ObjectStore& lake, std::string command) const;

 private:
  core::Settings settings_;
};

using Action = std::function<int(Context&)>;

// Collects the action of each subcommand; the parsed one runs after settings are resolved.
class Registry {
 public:
  void On(CLI::App* command, Action action) { actions_[command] = std::move(action); }
  // The action of the deepest parsed subcommand, or nullptr.
  const Action* Selected(const CLI::App& root) const;

 private:
  std::map<const CLI::App*, Action> actions_;
};

// One function per command file; each adds its subcommand to `app`.
void AddImportCommand(CLI::App& app, Registry& registry);
void AddGenerateCommand(CLI::App& app, Registry& registry);
void AddDemoCommand(CLI::App& app, Registry& registry);
void AddBuildCommand(CLI::App& app, Registry& registry);
void AddStatusCommand(CLI::App& app, Registry& registry);
void AddReportCommand(CLI::App& app, Registry& registry);
void AddLoadCommand(CLI::App& app, Registry& registry);
void AddConfigCommand(CLI::App& app, Registry& registry);
void AddIngestCommand(CLI::App& app, Registry& registry);
// `run hourly` (run_command.cpp).
void AddRunCommand(CLI::App& app, Registry& registry);
// The recently-played part of `status` (status_ingest.cpp), text output.
void PrintIngestStatus(const storage::ObjectStore& lake);
// The same as one JSON object (status --json).
std::string IngestStatusJson(const storage::ObjectStore& lake);
void AddAuthCommand(CLI::App& app, Registry& registry);
// `enrich spotify` (enrich_command.cpp).
void AddEnrichCommand(CLI::App& app, Registry& registry);
// `inspect` and `cat` for Parquet files (parquet_commands.cpp).
void AddParquetCommands(CLI::App& app, Registry& registry);

int Main(int argc, char** argv);

}  // namespace uw::cli
