// `unwrapped config show`: the effective settings, where each came from, secrets redacted.
#include <fmt/format.h>

#include "cli/app.h"
#include "core/text.h"

namespace uw::cli {
namespace {

int ShowConfig(Context& context) {
  const auto lines = core::DescribeSettings(context.settings());
  if (context.json()) {
    std::string out = "{";
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i) out += ",";
      out += core::JsonString(lines[i].key) + ":{\"value\":" + core::JsonString(lines[i].value) +
             ",\"source\":" + core::JsonString(core::SourceName(lines[i].source)) + "}";
    }
    fmt::print("{}}}\n", out);
    return 0;
  }
  const std::string& file = context.settings().config_file;
  fmt::print("# config file: {}\n", file.empty() ? "(none)" : file);
  for (const auto& line : lines) {
    fmt::print("{:<24} = {:<40} # {} ({})\n", line.key, core::JsonString(line.value),
               core::SourceName(line.source), line.env);
  }
  return 0;
}

}  // namespace

void AddConfigCommand(CLI::App& app, Registry& registry) {
  auto* config = app.add_subcommand("config", "Show the configuration");
  config->require_subcommand(1);
  auto* show = config->add_subcommand("show", "Print the effective settings, secrets redacted");
  registry.On(show, ShowConfig);
}

}  // namespace uw::cli
