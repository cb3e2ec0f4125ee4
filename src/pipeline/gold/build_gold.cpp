#include "pipeline/gold/build_gold.h"

#include <fmt/format.h>

#include <array>
#include <chrono>

#include "core/error.h"
#include "core/lake_paths.h"
#include "delta/snapshot.h"
#include "pipeline/gold/gold_state.h"
#include "pipeline/gold/gold_tables.h"
#include "pipeline/tables/read_table.h"
#include "pipeline/tables/table_checks.h"

namespace uw::gold {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Bump when a gold rule changes the rows built from the same silver (a column, a derivation):
// the next build then rebuilds instead of reporting "up to date".
constexpr int kRulesVersion = 1;

constexpr std::array<const char*, 13> kSilverTables = {"listening_events",
                                                       "podcast_events",
                                                       "tracks",
                                                       "track_artists",
                                                       "artists",
                                                       "albums",
                                                       "artist_genres",
                                                       "audio_features",
                                                       "lastfm_track_tags",
                                                       "lastfm_track_stats",
                                                       "lastfm_artist_tags",
                                                       "shows",
                                                       "episodes"};

std::string OptionsFingerprint(const GoldBuildOptions& options) {
  return fmt::format("rules={};listener_zone={};zone_from_country={};session_gap_ms={};codec={}",
                     kRulesVersion, options.gold.listener_zone, options.gold.zone_from_country,
                     options.gold.session_gap_ms, int(options.codec));
}

// The current version of every silver table gold reads.
std::map<std::string, int64_t> SilverVersions(const storage::ObjectStore& lake) {
  std::map<std::string, int64_t> versions;
  for (const char* table : kSilverTables) {
    const auto version = delta::LatestVersion(lake, lake::SilverTable(table));
    if (!version) {
      Fail(ErrorCode::kNotFound,
           "silver table {} does not exist: build silver first (`unwrapped build --layer silver`)",
           table);
    }
    versions[table] = *version;
  }
  return versions;
}

bool TablesMatch(const storage::ObjectStore& lake, const GoldState& state) {
  if (state.versions.empty()) return false;
  for (const auto& [name, version] : state.versions) {
    if (delta::LatestVersion(lake, lake::GoldTable(name)) != version) return false;
  }
  return true;
}

std::string WhyBuild(const GoldBuildOptions& options, const std::optional<GoldState>& state,
                     const std::string& fingerprint, const std::map<std::string, int64_t>& silver,
                     const storage::ObjectStore& lake) {
  if (options.force) return "forced";
  if (!state) return "first build";
  if (state->options != fingerprint) return "options changed";
  if (state->silver != silver) return "silver changed";
  if (!TablesMatch(lake, *state)) return "gold tables changed since the last build";
  return "";
}

parquet::Batch ReadSilver(const storage::ObjectStore& lake, const char* table) {
  return tables::ReadTable(lake, lake::SilverTable(table));
}

SilverInputs ReadSilverInputs(const storage::ObjectStore& lake) {
  return SilverInputs{
      .tracks = ReadSilver(lake, "tracks"),
      .track_artists = ReadSilver(lake, "track_artists"),
      .artists = ReadSilver(lake, "artists"),
      .albums = ReadSilver(lake, "albums"),
      .artist_genres = ReadSilver(lake, "artist_genres"),
      .audio_features = ReadSilver(lake, "audio_features"),
      .lastfm_track_tags = ReadSilver(lake, "lastfm_track_tags"),
      .lastfm_track_stats = ReadSilver(lake, "lastfm_track_stats"),
      .lastfm_artist_tags = ReadSilver(lake, "lastfm_artist_tags"),
      .shows = ReadSilver(lake, "shows"),
      .episodes = ReadSilver(lake, "episodes"),
  };
}

void CheckTables(const std::vector<tables::LakeTable>& all) {
  std::vector<std::string> problems;
  for (const tables::LakeTable& table : all) {
    for (std::string& problem : tables::CheckTable(table)) problems.push_back(std::move(problem));
  }
  if (problems.empty()) return;
  Fail(ErrorCode::kCorrupt, "gold checks failed, nothing was published:\n  {}",
       fmt::join(problems, "\n  "));
}

// Writes the changed files of every table, makes them durable, then commits table by table
// (the same protocol as silver: build_silver.cpp).
void Publish(storage::ObjectStore& lake, const std::vector<tables::LakeTable>& all,
             const GoldBuildOptions& options, GoldBuildReport& report, GoldState& state) {
  parquet::WriterOptions writer;
  writer.codec = options.codec;
  std::vector<tables::StagedTable> staged;
  for (const tables::LakeTable& table : all) {
    staged.push_back(tables::StageTable(lake, lake::GoldTable(table.name), table, writer));
  }
  lake.Sync();  // data files durable before any commit refers to them
  for (tables::StagedTable& table : staged) {
    report.tables.push_back(tables::CommitTable(lake, std::move(table)));
    state.versions[report.tables.back().name] = report.tables.back().version;
  }
  WriteGoldState(lake, state);
}

void Summarise(const GoldPlays& plays, uint64_t podcast_plays, GoldBuildReport& report) {
  report.plays = plays.size();
  for (const uint8_t counted : plays.counted) report.counted_plays += counted;
  report.podcast_plays = podcast_plays;
  report.sessions = plays.sessions.size();
  report.zones_used = plays.zone_names;
}

}  // namespace

GoldBuildReport BuildGold(storage::ObjectStore& lake, const GoldBuildOptions& options) {
  GoldBuildReport report;
  report.zone = options.gold.listener_zone;
  report.zone_from_country = options.gold.zone_from_country;
  report.session_gap_ms = options.gold.session_gap_ms;
  const std::string fingerprint = OptionsFingerprint(options);
  GoldState next{fingerprint, SilverVersions(lake), {}};
  const auto state = ReadGoldState(lake);
  report.reason = WhyBuild(options, state, fingerprint, next.silver, lake);
  if (report.reason.empty()) {
    report.up_to_date = true;
    report.reason = "silver and options unchanged since the last build";
    return report;
  }

  auto start = Clock::now();
  parquet::Batch events = ReadSilver(lake, "listening_events");
  parquet::Batch podcast_events = ReadSilver(lake, "podcast_events");
  SilverInputs silver = ReadSilverInputs(lake);
  report.seconds_read = Since(start);

  start = Clock::now();
  const GoldPlays plays = BuildGoldPlays(std::move(events), std::move(silver), options.gold);
  Summarise(plays, podcast_events.num_rows(), report);
  report.seconds_plays = Since(start);

  start = Clock::now();
  const std::vector<tables::LakeTable> all = AllGoldTables(plays, podcast_events, options.gold);
  CheckTables(all);
  report.seconds_tables = Since(start);

  start = Clock::now();
  Publish(lake, all, options, report, next);
  report.seconds_write = Since(start);
  return report;
}

}  // namespace uw::gold
