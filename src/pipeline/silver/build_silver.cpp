#include "pipeline/silver/build_silver.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <chrono>

#include "core/error.h"
#include "core/lake_paths.h"
#include "core/sha256.h"
#include "core/text.h"
#include "delta/snapshot.h"
#include "pipeline/silver/silver_tables.h"
#include "pipeline/silver/table_checks.h"

namespace uw::silver {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// What a build consumes: every bronze object silver reads, and the options that shape rows.
std::string InputsFingerprint(const storage::ObjectStore& lake, const SilverBuildOptions& options,
                              uint64_t& files) {
  core::Sha256 hasher;
  hasher.Update(fmt::format("account_zone={};listener_zone={};codec={};", options.account_zone,
                            options.listener_zone, int(options.codec)));
  files = 0;
  for (const std::string_view prefix :
       {lake::kBronzeExportPrefix, lake::kBronzeRecentlyPlayedPrefix}) {
    for (const storage::ObjectInfo& object : lake.List(prefix)) {
      hasher.Update(fmt::format("{}\n{}\n", object.key, object.size_bytes));
      ++files;
    }
  }
  return hasher.HexDigest();
}

struct BuildState {
  std::string inputs;
  std::map<std::string, int64_t> versions;  // table -> version after the build
};

std::optional<BuildState> ReadState(const storage::ObjectStore& lake) {
  const std::string key = lake::BuildState("silver");
  if (!lake.Exists(key)) return std::nullopt;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  const std::string text = lake.Get(key);
  if (parser.parse(text).get(root)) return std::nullopt;  // unreadable: rebuild
  BuildState state;
  std::string_view inputs;
  simdjson::dom::object versions;
  if (root["inputs"].get(inputs) || root["tables"].get(versions)) return std::nullopt;
  state.inputs = std::string(inputs);
  for (auto [name, version] : versions) {
    int64_t v = 0;
    if (version.get(v)) return std::nullopt;
    state.versions[std::string(name)] = v;
  }
  return state;
}

void WriteState(storage::ObjectStore& lake, const std::string& inputs,
                const std::vector<PublishedTable>& tables) {
  std::string json = "{\"inputs\":" + core::JsonString(inputs) + ",\"tables\":{";
  for (size_t i = 0; i < tables.size(); ++i) {
    json +=
        fmt::format("{}{}:{}", i ? "," : "", core::JsonString(tables[i].name), tables[i].version);
  }
  lake.Put(lake::BuildState("silver"), json + "}}\n");
}

// Whether the tables are still exactly as the recorded build left them.
bool TablesMatch(const storage::ObjectStore& lake, const BuildState& state) {
  if (state.versions.empty()) return false;
  for (const auto& [name, version] : state.versions) {
    if (delta::LatestVersion(lake, lake::SilverTable(name)) != version) return false;
  }
  return true;
}

void CheckTables(const std::vector<SilverTable>& tables) {
  std::vector<std::string> problems;
  for (const SilverTable& table : tables) {
    for (std::string& problem : CheckTable(table)) problems.push_back(std::move(problem));
  }
  if (problems.empty()) return;
  Fail(ErrorCode::kCorrupt, "silver checks failed, nothing was published:\n  {}",
       fmt::join(problems, "\n  "));
}

}  // namespace

SilverBuildReport BuildSilver(storage::ObjectStore& lake, const SilverBuildOptions& options) {
  SilverBuildReport report;
  const std::string inputs = InputsFingerprint(lake, options, report.bronze_files);
  const auto state = ReadState(lake);
  if (!options.force && state && state->inputs == inputs && TablesMatch(lake, *state)) {
    report.up_to_date = true;
    report.reason = "bronze and options unchanged since the last build";
    return report;
  }
  report.reason = options.force             ? "forced"
                  : !state                  ? "first build"
                  : state->inputs != inputs ? "bronze or options changed"
                                            : "silver tables changed since the last build";

  auto start = Clock::now();
  BronzePlays bronze = ReadBronzePlays(lake);
  report.extended = bronze.extended_counts;
  report.account = bronze.account_counts;
  report.api = bronze.api_counts;
  report.seconds_read = Since(start);

  start = Clock::now();
  ResolveOptions resolve;
  resolve.account_zone = options.account_zone;
  resolve.listener_zone = options.listener_zone;
  const ResolvedPlays plays = ResolvePlays(std::move(bronze), resolve);
  report.summary = plays.summary;
  std::vector<SilverTable> tables = AllSilverTables(plays);
  CheckTables(tables);
  report.seconds_resolve = Since(start);

  start = Clock::now();
  parquet::WriterOptions writer;
  writer.codec = options.codec;
  std::vector<StagedTable> staged;
  for (const SilverTable& table : tables) {
    staged.push_back(StageTable(lake, lake::SilverTable(table.name), table, writer));
  }
  lake.Sync();  // data files durable before any commit refers to them
  for (StagedTable& table : staged) report.tables.push_back(CommitTable(lake, std::move(table)));
  WriteState(lake, inputs, report.tables);
  report.seconds_write = Since(start);
  return report;
}

}  // namespace uw::silver
