#include "generator/generator.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "core/error.h"
#include "core/progress.h"
#include "core/time_zone.h"
#include "generator/api_polls.h"
#include "generator/api_writer.h"
#include "generator/catalog.h"
#include "generator/extended_writer.h"
#include "generator/file_sink.h"
#include "generator/fixups.h"
#include "core/json.h"
#include "generator/scenario.h"
#include "generator/showcase.h"
#include "generator/timeline.h"
#include "generator/truth_writer.h"
#include "generator/zip_packer.h"

namespace uw::generator {

using core::Json;
using core::JsonLayout;
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kExtendedFolder = "Spotify Extended Streaming History";
constexpr std::string_view kAccountFolder = "Spotify Account Data";
constexpr int64_t kMaxEvents = 200'000'000;

void PrepareFolder(const fs::path& dir, bool overwrite) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    if (!overwrite) {
      Fail(ErrorCode::kUsage,
           "{} already holds files; choose another --out or pass --force to replace them",
           dir.string());
    }
    fs::remove_all(dir, ec);
    if (ec) Fail(ErrorCode::kIo, "cannot remove {}: {}", dir.string(), ec.message());
  }
  fs::create_directories(dir, ec);
  if (ec) Fail(ErrorCode::kIo, "cannot create {}: {}", dir.string(), ec.message());
}

// The endsong-era username, fake and obviously so; the pipeline must drop it anyway.
std::string Username(uint64_t seed) {
  return fmt::format("synthetic-listener-{:08x}", Mix64(seed) & 0xffffffffu);
}

Json Manifest(const GeneratorOptions& o, const ExportStats& s, const std::vector<fs::path>& zips) {
  Json files = Json::Array();
  const auto add = [&](std::string path, int64_t records, uint64_t bytes) {
    files.Push(
        Json::Object().Set("path", std::move(path)).Set("records", records).Set("bytes", bytes));
  };
  for (const auto& f : s.extended.files)
    add(fmt::format("export/{}/{}", kExtendedFolder, f.name), f.records, f.bytes);
  for (const auto& f : s.account.files)
    add(fmt::format("export/{}/{}", kAccountFolder, f.name), f.records, f.bytes);
  for (const auto& f : s.api.files) add("export/recently_played/" + f, -1, 0);
  Json zip_list = Json::Array();
  for (const auto& z : zips) zip_list.Push("export/" + z.filename().string());
  return Json::Object()
      .Set("events", o.events)
      .Set("seed", o.seed)
      .Set("account_zone", o.account_zone)
      .Set("zip", o.zip)
      .Set("zips", std::move(zip_list))
      .Set("files", std::move(files));
}

std::vector<fs::path> Zip(const fs::path& export_dir) {
  std::vector<fs::path> zips;
  const std::time_t mtime = scenario::kExtendedEnd;  // when the export was "delivered"
  for (const auto& [folder, name] : {std::pair{kAccountFolder, "my_spotify_data.zip"},
                                     {kExtendedFolder, "my_spotify_data_extended.zip"}}) {
    const fs::path dir = export_dir / std::string(folder);
    PackFolder(dir, export_dir / name, mtime);
    fs::remove_all(dir);
    zips.push_back(export_dir / name);
  }
  return zips;
}

uint64_t BytesUnder(const fs::path& dir) {
  uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

void CheckOptions(const GeneratorOptions& options) {
  if (options.events < 1 || options.events > kMaxEvents) {
    Fail(ErrorCode::kUsage, "--events must be between 1 and {}, got {}", kMaxEvents,
         options.events);
  }
  if (options.out.empty()) Fail(ErrorCode::kUsage, "--out is required");
}

void PrepareOutput(const fs::path& export_dir, const fs::path& truth_dir, bool overwrite) {
  PrepareFolder(export_dir, overwrite);
  PrepareFolder(truth_dir, overwrite);
  for (const auto& sub : {std::string(kExtendedFolder), std::string(kAccountFolder),
                          std::string("recently_played")}) {
    fs::create_directories(export_dir / sub);
  }
}

// Logs how long each step took (visible with -vv).
class PhaseClock {
 public:
  void Lap(std::string_view name) {
    const auto now = std::chrono::steady_clock::now();
    spdlog::debug("generate: {} took {:.3f} s", name,
                  std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

GeneratorSummary Summarize(const GeneratorOptions& options, const Timeline& timeline,
                           const Truth& truth, const ExportStats& stats,
                           std::vector<fs::path> zips) {
  GeneratorSummary s;
  s.export_dir = options.out / "export";
  s.truth_dir = options.out / "truth";
  s.events = options.events;
  s.plays = static_cast<int64_t>(timeline.plays.size());
  s.extended_files = static_cast<int64_t>(stats.extended.files.size());
  s.extended_records = stats.extended.records;
  s.account_files = static_cast<int64_t>(stats.account.files.size());
  s.account_records =
      stats.account.music_rows + stats.account.podcast_rows + stats.account.audiobook_rows;
  s.api_files = static_cast<int64_t>(stats.api.files.size());
  s.api_items = stats.api.items;
  s.unique_music_plays = static_cast<int64_t>(truth.music.size());
  s.unique_podcast_plays = static_cast<int64_t>(truth.podcast.size());
  s.hazards = truth.hazards;
  s.zips = std::move(zips);
  s.bytes_written = BytesUnder(s.export_dir) + BytesUnder(s.truth_dir);
  return s;
}

}  // namespace

GeneratorSummary Generate(const GeneratorOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  CheckOptions(options);
  const core::TimeZone zone = core::TimeZone::Named(options.account_zone);
  const fs::path export_dir = options.out / "export", truth_dir = options.out / "truth";
  PrepareOutput(export_dir, truth_dir, options.overwrite);
  core::Progress progress("generate", 7, options.progress);
  PhaseClock clock;
  const Rng root(options.seed);
  const std::string username = Username(options.seed);

  const Catalog catalog = Catalog::Build(root.Fork("catalog"), options.events);
  Timeline timeline = BuildTimeline(catalog, root.Fork("timeline"), options.events, zone);
  clock.Lap("catalog and timeline");
  ExportStats stats;
  ShowcaseNameResolution(catalog, timeline);
  stats.fixups = ApplyFixups(catalog, timeline);
  const ApiCapture capture = SimulatePolls(timeline, root.Fork("api"));
  clock.Lap("fixups and polls");
  progress.Advance(1);
  const ExtendedRecord renderer(catalog, timeline, username);
  stats.extended = WriteExtended(timeline, renderer, root.Fork("extended"),
                                 export_dir / std::string(kExtendedFolder));
  clock.Lap("extended files");
  progress.Advance(2);
  stats.account = WriteAccount(catalog, timeline, zone, username, root.Fork("account"),
                               export_dir / std::string(kAccountFolder));
  stats.api = WriteApi(catalog, timeline, capture, username, export_dir / "recently_played");
  clock.Lap("account and api files");
  progress.Advance(1);
  const Truth truth = BuildTruth(catalog, timeline, capture, zone);
  WriteTruthPlays(catalog, timeline, truth, truth_dir);
  const Json generator = Json::Object()
                             .Set("events", options.events)
                             .Set("seed", options.seed)
                             .Set("account_zone", zone.name())
                             .Set("format_version", 1);
  WriteWholeFile(
      truth_dir / "summary.json",
      TruthSummary(catalog, timeline, truth, stats, generator).Dump(JsonLayout::kIndented, 1) +
          "\n");
  clock.Lap("truth");
  progress.Advance(2);
  const std::vector<fs::path> zips = options.zip ? Zip(export_dir) : std::vector<fs::path>{};
  WriteWholeFile(truth_dir / "generator_manifest.json",
                 Manifest(options, stats, zips).Dump(JsonLayout::kIndented, 1) + "\n");
  progress.Advance(1);
  progress.Finish();
  GeneratorSummary summary = Summarize(options, timeline, truth, stats, zips);
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

std::string GeneratorSummary::ToJson() const {
  Json hz = Json::Object();
  for (const auto& [k, v] : hazards) hz.Set(k, v);
  Json zip_list = Json::Array();
  for (const auto& z : zips) zip_list.Push(z.string());
  return Json::Object()
      .Set("export_dir", export_dir.string())
      .Set("truth_dir", truth_dir.string())
      .Set("events", events)
      .Set("plays", plays)
      .Set("extended", Json::Object().Set("files", extended_files).Set("records", extended_records))
      .Set("account", Json::Object().Set("files", account_files).Set("records", account_records))
      .Set("api", Json::Object().Set("files", api_files).Set("items", api_items))
      .Set("unique_music_plays", unique_music_plays)
      .Set("unique_podcast_plays", unique_podcast_plays)
      .Set("zips", std::move(zip_list))
      .Set("bytes_written", bytes_written)
      .Set("seconds", seconds)
      .Set("hazards", std::move(hz))
      .Dump(JsonLayout::kCompact);
}

}  // namespace uw::generator
