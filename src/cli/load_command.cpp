// `unwrapped load [URL]`: silver and gold into the warehouse (warehouse/loader.h). URL is
// postgresql://… or sqlite:PATH; without it, sqlite:<lake>/warehouse.db.
#include <fmt/format.h>

#include "cli/app.h"
#include "cli/load_target.h"
#include "core/error.h"
#include "storage/lake_lock.h"
#include "warehouse/loader.h"

namespace uw::cli {
namespace {

int RunLoad(Context& context, const std::string& url_text) {
  auto lake = context.OpenLake();
  const warehouse::WarehouseUrl target = LoadTarget(
      *lake, url_text, "`unwrapped load sqlite:warehouse.db` or `unwrapped load postgresql://…`");
  // Under the lake lock, so no build changes the tables between reading versions and rows.
  const storage::LakeLock lock = context.LockLake(*lake, "load");
  const warehouse::LoadReport report = warehouse::Load(*lake, target);
  fmt::print("{}", context.json() ? warehouse::LoadReportToJson(report)
                                  : warehouse::LoadReportToText(report));
  return kExitOk;
}

}  // namespace

void AddLoadCommand(CLI::App& app, Registry& registry) {
  auto* command = app.add_subcommand(
      "load", "Load silver and gold into the warehouse (PostgreSQL or SQLite star schema)");
  auto url = std::make_shared<std::string>();
  command->add_option("url", *url,
                      "postgresql://user:password@host:port/db or sqlite:PATH "
                      "(default sqlite:<lake>/warehouse.db)");
  registry.On(command, [url](Context& context) { return RunLoad(context, *url); });
}

}  // namespace uw::cli
