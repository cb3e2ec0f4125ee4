#include "pipeline/silver/build_silver.h"

#include <fmt/format.h>

#include <chrono>

#include "core/error.h"
#include "core/lake_paths.h"
#include "delta/snapshot.h"
#include "pipeline/silver/build_state.h"
#include "pipeline/silver/incremental.h"
#include "pipeline/silver/lake_tables.h"
#include "pipeline/silver/parallel_ranges.h"
#include "pipeline/silver/search_responses.h"
#include "pipeline/silver/silver_tables.h"
#include "pipeline/silver/spotify_objects.h"
#include "pipeline/silver/stage_tables.h"

namespace uw::silver {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string OptionsFingerprint(const SilverBuildOptions& options) {
  return fmt::format("account_zone={};listener_zone={};codec={}", options.account_zone,
                     options.listener_zone, int(options.codec));
}

// Whether the tables are still exactly as the recorded build left them.
bool TablesMatch(const storage::ObjectStore& lake, const SilverState& state) {
  if (state.versions.empty()) return false;
  for (const auto& [name, version] : state.versions) {
    if (delta::LatestVersion(lake, lake::SilverTable(name)) != version) return false;
  }
  return true;
}

// The state a full build leaves for the next incremental one.
SilverState StateOf(const ResolvedPlays& plays, const std::string& options,
                    std::map<std::string, uint64_t> inputs) {
  SilverState state;
  state.options = options;
  state.bronze = std::move(inputs);
  state.account_zone = plays.summary.zone.zone;
  state.learned = LearnIds(plays.music);
  for (const auto* list : {&plays.music, &plays.podcast}) {
    for (const PlayRecord& p : *list) {
      state.newest_play_end_ms = std::max(state.newest_play_end_ms, p.ended_at_ms);
      if (p.sources & kSeenByAccount)
        state.newest_account_end_ms = std::max(state.newest_account_end_ms, p.ended_at_ms);
      // A search resolution counts as none: any own play of those names would take precedence.
      if (p.IsMusic() && p.Uri().empty())
        state.name_only_keys[NameKey(p)] =
            p.resolution == Resolution::kSearch ? std::string() : std::string(p.resolved_uri);
    }
  }
  return state;
}

[[noreturn]] void FailChecks(const std::vector<std::string>& problems) {
  Fail(ErrorCode::kCorrupt, "silver checks failed, nothing was published:\n  {}",
       fmt::join(problems, "\n  "));
}

void CheckTables(const std::vector<LakeTable>& tables) {
  std::vector<std::string> problems;
  for (const LakeTable& table : tables) {
    for (std::string& problem : CheckTable(table)) problems.push_back(std::move(problem));
  }
  if (!problems.empty()) FailChecks(problems);
}

parquet::WriterOptions WriterFor(const SilverBuildOptions& options) {
  parquet::WriterOptions writer;
  writer.codec = options.codec;
  return writer;
}

// Commits table by table, once the staged files are durable (ObjectStore::Sync), then records
// the state.
void CommitSynced(storage::ObjectStore& lake, std::vector<StagedTable> staged,
                  SilverBuildReport& report, SilverState& state) {
  for (StagedTable& table : staged) {
    report.tables.push_back(CommitTable(lake, std::move(table)));
    state.versions[report.tables.back().name] = report.tables.back().version;
  }
  WriteSilverState(lake, state);
}

// Makes the staged files durable, then commits table by table.
void Commit(storage::ObjectStore& lake, std::vector<StagedTable> staged, SilverBuildReport& report,
            SilverState& state) {
  lake.Sync();  // data files durable before any commit refers to them
  CommitSynced(lake, std::move(staged), report, state);
}

// Writes the changed files of every table, makes them durable, then commits table by table.
void Publish(storage::ObjectStore& lake, const std::vector<LakeTable>& tables,
             const SilverBuildOptions& options, SilverBuildReport& report, SilverState& state) {
  const parquet::WriterOptions writer = WriterFor(options);
  std::vector<StagedTable> staged;
  for (const LakeTable& table : tables) {
    staged.push_back(StageTable(lake, lake::SilverTable(table.name), table, writer));
  }
  Commit(lake, std::move(staged), report, state);
}

}  // namespace

SilverBuildReport BuildSilver(storage::ObjectStore& lake, const SilverBuildOptions& options) {
  SilverBuildReport report;
  const std::string fingerprint = OptionsFingerprint(options);
  std::map<std::string, uint64_t> inputs = ListSilverInputs(lake);
  report.bronze_files = inputs.size();
  const auto state = ReadSilverState(lake);
  const bool same = state && state->options == fingerprint && TablesMatch(lake, *state);
  if (!options.force && same && state->bronze == inputs) {
    report.up_to_date = true;
    report.reason = "bronze and options unchanged since the last build";
    return report;
  }

  std::string why_full = options.force                   ? "forced"
                         : !state                        ? "first build"
                         : state->options != fingerprint ? "options changed"
                                                         : "";
  if (why_full.empty() && !same) why_full = "silver tables changed since the last build";
  if (why_full.empty()) {
    auto start = Clock::now();
    std::string why_not;
    auto plan = PlanIncremental(lake, *state, inputs, options, why_not);
    if (plan) {
      report.incremental = true;
      report.reason =
          plan->new_files == 0
              ? fmt::format("dimensions only: {} new Spotify catalogue responses",
                            plan->new_catalogue_files)
              : fmt::format("incremental: {} new recently-played files, {} new plays, {} repeats",
                            plan->new_files, plan->new_plays, plan->repeats);
      if (plan->new_files != 0 && plan->new_catalogue_files != 0)
        report.reason += fmt::format(", {} new catalogue responses", plan->new_catalogue_files);
      report.catalogue = std::move(plan->catalogue);
      report.api = plan->api;
      report.summary = plan->summary;
      CheckTables(plan->tables);
      report.seconds_resolve = Since(start);
      start = Clock::now();
      Publish(lake, plan->tables, options, report, plan->next_state);
      report.seconds_write = Since(start);
      return report;
    }
    why_full = why_not;
  }
  report.reason = "full: " + why_full;

  auto start = Clock::now();
  BronzePlays bronze = ReadBronzePlays(lake);
  report.extended = bronze.extended_counts;
  report.account = bronze.account_counts;
  report.api = bronze.api_counts;
  // The catalogue responses only cost a read when bronze holds some.
  const std::vector<std::string> catalogue_keys = CatalogueKeys(inputs);
  SpotifyObjects objects;
  if (!catalogue_keys.empty()) objects = ReadSpotifyObjects(lake, catalogue_keys);
  report.catalogue.files = objects.files;
  report.catalogue.rejected = objects.rejected;
  report.seconds_read = Since(start);

  start = Clock::now();
  // Listed with the inputs; a response is read only for the names the listener's history leaves
  // unresolved.
  const SearchResponses search = SearchResponses::Among(lake, inputs);
  ResolveOptions resolve;
  resolve.account_zone = options.account_zone;
  resolve.listener_zone = options.listener_zone;
  resolve.search = &search;
  const ResolvedPlays plays = ResolvePlays(std::move(bronze), resolve);
  report.summary = plays.summary;
  report.seconds_resolve = Since(start);
  // Each table is built, checked and staged (its changed files written, not yet committed)
  // before the next of its kind, the dimensions beside the facts, and the fact tables a month at
  // a time: the rows of all tables are never in memory together.
  StageTimes times;
  std::vector<StagedTable> staged = StageSilverTables(
      lake, WriterFor(options),
      [&](const VisitTable& visit, const StreamTable& stream) {
        report.catalogue.counts = ForEachSilverTable(plays, objects, visit, stream);
      },
      times);
  report.seconds_tables = times.seconds_tables;
  report.seconds_write = times.seconds_write;
  objects = SpotifyObjects();  // the dimensions that pointed into it are written
  start = Clock::now();
  // The state after the tables (their rows are gone), worked out while the staged files are made
  // durable, which is mostly waiting for the disk.
  SilverState next;
  RunConcurrently([&] { lake.Sync(); },
                  [&] { next = StateOf(plays, fingerprint, std::move(inputs)); });
  CommitSynced(lake, std::move(staged), report, next);
  report.seconds_write += Since(start);
  return report;
}

}  // namespace uw::silver
