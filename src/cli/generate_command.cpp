// `unwrapped generate`: writes a synthetic Spotify export plus its ground truth (generator.h).
#include <fmt/format.h>

#include "cli/app.h"
#include "core/text.h"
#include "generator/generator.h"

namespace uw::cli {
namespace {

void PrintHuman(const generator::GeneratorSummary& s) {
  fmt::print("wrote {}\n", s.export_dir.string());
  if (s.zips.empty()) {
    fmt::print("  extended history  {:>10} records in {} files\n", s.extended_records,
               s.extended_files);
    fmt::print("  account data      {:>10} records in {} files\n", s.account_records,
               s.account_files);
  } else {
    for (const auto& z : s.zips) fmt::print("  {}\n", z.filename().string());
    fmt::print("  ({} extended records, {} account records)\n", s.extended_records,
               s.account_records);
  }
  fmt::print("  recently played   {:>10} items in {} responses\n", s.api_items, s.api_files);
  fmt::print("wrote {}\n", s.truth_dir.string());
  fmt::print("  {} unique music plays, {} unique podcast plays\n", s.unique_music_plays,
             s.unique_podcast_plays);
  fmt::print("{} plays generated, {} written in {:.2f} s\n", s.plays,
             core::HumanBytes(s.bytes_written), s.seconds);
}

}  // namespace

void AddGenerateCommand(CLI::App& app, Registry& registry) {
  auto options = std::make_shared<generator::GeneratorOptions>();
  auto* cmd = app.add_subcommand("generate",
                                 "Write a realistic synthetic Spotify export and its ground truth");
  cmd->add_option("--events", options->events, "Plays in the extended history (default 100000)")
      ->check(CLI::Range(int64_t{1}, int64_t{200'000'000}));
  cmd->add_option("--seed", options->seed,
                  "Random seed (default 1); the same seed gives the same bytes");
  cmd->add_option("--out", options->out, "Output folder (gets export/ and truth/)")->required();
  cmd->add_option("--account-zone", options->account_zone,
                  "Zone of the account-data endTime values: UTC (default) or an IANA name");
  cmd->add_flag("--zip", options->zip,
                "Deliver the export as my_spotify_data.zip and my_spotify_data_extended.zip");
  cmd->add_flag("--force", options->overwrite,
                "Replace an existing export/ and truth/ in the output folder");
  registry.On(cmd, [options](Context& context) {
    generator::GeneratorOptions o = *options;
    o.progress = context.progress() && !context.json();
    const generator::GeneratorSummary summary = generator::Generate(o);
    if (context.json()) {
      fmt::print("{}\n", summary.ToJson());
    } else {
      PrintHuman(summary);
    }
    return 0;
  });
}

}  // namespace uw::cli
