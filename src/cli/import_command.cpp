// `unwrapped import PATH...`: export ZIPs, folders and files into bronze, with a receipt
// (pipeline/bronze/import_exports.h). Exit 0 all good, 3 some inputs rejected while the rest
// landed, 1 nothing usable.
#include <fmt/format.h>

#include "cli/app.h"
#include "pipeline/bronze/import_exports.h"
#include "storage/lake_lock.h"

namespace uw::cli {
namespace {

int RunImport(Context& context, const std::vector<std::string>& paths) {
  const core::Settings& s = context.settings();
  auto lake = context.OpenLake();
  const storage::LakeLock lock = context.LockLake(*lake, "import");
  const bronze::ImportOptions options{s.import_max_entry_bytes, s.import_max_total_bytes,
                                      s.import_max_ratio, context.progress()};
  const std::vector<std::filesystem::path> inputs(paths.begin(), paths.end());
  const bronze::Receipt receipt = bronze::ImportExports(*lake, inputs, options);
  fmt::print("{}",
             context.json() ? bronze::ReceiptToJson(receipt) : bronze::ReceiptToText(receipt));
  return bronze::ExitCodeFor(receipt);
}

}  // namespace

void AddImportCommand(CLI::App& app, Registry& registry) {
  auto* command = app.add_subcommand(
      "import", "Land Spotify export files (ZIPs, folders, JSON files) in bronze, with a receipt");
  auto paths = std::make_shared<std::vector<std::string>>();
  command->add_option("paths", *paths, "Export ZIPs, folders or files")->required();
  registry.On(command, [paths](Context& context) { return RunImport(context, *paths); });
}

}  // namespace uw::cli
