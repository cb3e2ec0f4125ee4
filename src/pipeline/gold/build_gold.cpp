#include "pipeline/gold/build_gold.h"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <optional>

#include "core/error.h"
#include "core/lake_paths.h"
#include "delta/snapshot.h"
#include "pipeline/gold/gold_state.h"
#include "pipeline/gold/gold_tables.h"
#include "pipeline/gold/silver_access.h"
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
constexpr int kRulesVersion = 2;  // 2: Spotify catalogue columns

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

// The rows of a table's live files as their Delta stats count them (0 for a file without).
size_t RecordedRows(const storage::ObjectStore& lake, std::string_view table_root) {
  const auto snapshot = delta::ReadSnapshot(lake, table_root);
  if (!snapshot) return 0;
  size_t rows = 0;
  for (const auto& [path, add] : snapshot->live_files) {
    constexpr std::string_view kKey = "\"numRecords\":";
    const size_t at = add.stats_json.find(kKey);
    if (at != std::string::npos)
      rows += std::strtoull(add.stats_json.c_str() + at + kKey.size(), nullptr, 10);
  }
  return rows;
}

// Sizes every column of `batch` (holding the first rows read) for `rows` rows, strings by the
// bytes per row so far: the table is read into buffers that never grow, so the peak memory is
// the rows read, not up to twice that.
void ReserveFor(parquet::Batch& batch, size_t rows) {
  const size_t first = std::max<size_t>(1, batch.num_rows());
  for (size_t c = 0; c < batch.num_columns(); ++c) {
    parquet::ColumnVector& column = batch.column(c);
    column.Reserve(rows, column.chars().size() * rows / first + rows);
  }
}

// A silver fact table's `columns` in (ended_at, event_id) order, read a month at a time in
// numeric month order and each month put in order as it comes (silver orders ties differently;
// the months are sorted concurrently, as they are read), so the whole table is never sorted,
// nor copied, at once. Strings stay codes of one table per column
// (parquet::ColumnVector::AppendRange).
parquet::Batch ReadFactInOrder(const storage::ObjectStore& lake, const char* table,
                               const std::vector<std::string>& columns) {
  const size_t expected = RecordedRows(lake, lake::SilverTable(table));
  std::optional<parquet::Batch> out;
  const parquet::Schema schema = tables::ReadTableByPartition(
      lake, lake::SilverTable(table), columns,
      [&](parquet::Batch month) {
        if (out) return out->Append(month);
        out.emplace(std::move(month));
        ReserveFor(*out, expected);
      },
      [&](parquet::Batch month) { return SortByEndThenId(std::move(month), table); });
  if (!out) out.emplace(schema);
  return std::move(*out);
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

[[noreturn]] void FailChecks(const std::vector<std::string>& problems) {
  Fail(ErrorCode::kCorrupt, "gold checks failed, nothing was published:\n  {}",
       fmt::join(problems, "\n  "));
}

// Every table built, checked and staged (its changed files written, not yet committed) before
// the next is built (only the small aggregates are built together, concurrently), the facts a
// month at a time, as silver does (build_silver.cpp): the rows of all tables are never in memory
// together. A failed check stops the staging; the remaining
// tables are still checked so the error names every problem, and the files already staged are
// deleted before it is thrown.
std::vector<tables::StagedTable> BuildAndStage(storage::ObjectStore& lake, const GoldPlays& plays,
                                               const parquet::Batch& podcast_events,
                                               const GoldBuildOptions& options,
                                               GoldBuildReport& report) {
  parquet::WriterOptions writer;
  writer.codec = options.codec;
  std::vector<std::string> problems;
  std::vector<tables::StagedTable> staged;
  auto mark = Clock::now();
  const auto stage = [&](tables::LakeTable table) {
    for (std::string& problem : tables::CheckTable(table)) problems.push_back(std::move(problem));
    report.seconds_tables += Since(mark);
    mark = Clock::now();
    if (problems.empty())
      staged.push_back(tables::StageTable(lake, lake::GoldTable(table.name), table, writer));
    report.seconds_write += Since(mark);
    mark = Clock::now();
  };
  // A fact table is built, checked and written in one pass over its months: its time counts
  // as writing.
  const auto stage_stream = [&](const tables::StreamedTable& table) {
    report.seconds_tables += Since(mark);
    mark = Clock::now();
    const bool write = problems.empty();
    tables::StagedTable one = tables::StageStreamedTable(lake, lake::GoldTable(table.shape.name),
                                                         table, writer, write, problems);
    if (write) staged.push_back(std::move(one));
    report.seconds_write += Since(mark);
    mark = Clock::now();
  };
  ForEachGoldTable(plays, podcast_events, options.gold, stage, stage_stream);
  if (!problems.empty()) {
    for (const tables::StagedTable& table : staged) tables::AbandonStaged(lake, table);
    FailChecks(problems);
  }
  return staged;
}

// Makes the staged files durable, then commits table by table.
void Commit(storage::ObjectStore& lake, std::vector<tables::StagedTable> staged,
            GoldBuildReport& report, GoldState& state) {
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
  parquet::Batch events = ReadFactInOrder(lake, "listening_events", FactPlaysSilverColumns());
  parquet::Batch podcast_events =
      ReadFactInOrder(lake, "podcast_events", FactPodcastPlaysSilverColumns());
  SilverInputs silver = ReadSilverInputs(lake);
  report.seconds_read = Since(start);

  start = Clock::now();
  const GoldPlays plays = BuildGoldPlays(std::move(events), std::move(silver), options.gold);
  Summarise(plays, podcast_events.num_rows(), report);
  report.seconds_plays = Since(start);

  std::vector<tables::StagedTable> staged =
      BuildAndStage(lake, plays, podcast_events, options, report);
  start = Clock::now();
  Commit(lake, std::move(staged), report, next);
  report.seconds_write += Since(start);
  return report;
}

}  // namespace uw::gold
