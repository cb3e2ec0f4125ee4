#include "warehouse/loader.h"

#include <fmt/format.h>

#include <chrono>
#include <functional>
#include <map>
#include <optional>

#include "core/lake_paths.h"
#include "warehouse/calendar.h"
#include "warehouse/connection.h"
#include "warehouse/load_ledger.h"
#include "warehouse/load_lock.h"
#include "warehouse/migrations.h"
#include "warehouse/sql_text.h"
#include "warehouse/staging.h"
#include "warehouse/warehouse_rows.h"

namespace uw::warehouse {
namespace {

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The lake tables a load reads, each pinned to its current version.
struct Sources {
  explicit Sources(const storage::ObjectStore& lake)
      : fact_plays(lake, lake::GoldTable("fact_plays")),
        fact_podcast_plays(lake, lake::GoldTable("fact_podcast_plays")),
        dim_tracks(lake, lake::GoldTable("dim_tracks")),
        dim_artists(lake, lake::GoldTable("dim_artists")),
        albums(lake, lake::SilverTable("albums")),
        shows(lake, lake::SilverTable("shows")),
        episodes(lake, lake::SilverTable("episodes")) {}
  std::vector<const SourceTable*> All() const {
    return {&fact_plays, &fact_podcast_plays, &dim_tracks, &dim_artists, &albums, &shows,
            &episodes};
  }
  SourceTable fact_plays, fact_podcast_plays, dim_tracks, dim_artists, albums, shows, episodes;
};

TableLoad Named(std::string name) {
  TableLoad t;
  t.name = std::move(name);
  return t;
}

// One load's work inside its transaction.
class LoadRun {
 public:
  LoadRun(Connection& c, const std::map<std::string, SourceVersion>& previous, LoadReport& report)
      : c_(c), previous_(previous), report_(report) {}

  void Dimensions(const Sources& s) {
    Dimension("dim_artist", "artist_id", s.dim_artists, DimArtistRows);
    Dimension("dim_album", "album_id", s.albums, DimAlbumRows);
    Dimension("dim_podcast", "podcast_id", s.shows, DimPodcastRows);
    Dimension("dim_episode", "episode_id", s.episodes, DimEpisodeRows);
    Tracks(s.dim_tracks);
  }

  void Facts(const Sources& s) {
    LoadReasons();
    const int64_t reasons_before = static_cast<int64_t>(reasons_.size());
    Fact("fact_tracks_history", "listening_events", s.fact_plays, FactTracksRows);
    Fact("fact_podcasts_history", "podcast_events", s.fact_podcast_plays, FactPodcastsRows);
    TableLoad t = Named(TableName(c_.dialect(), "core", "dim_reason"));
    t.inserted = static_cast<int64_t>(reasons_.size()) - reasons_before;
    t.unchanged = reasons_before;
    report_.tables.push_back(t);
  }

  // core.dim_date covers every local date from the first to the last play in either fact table.
  void Calendar() {
    const Dialect d = c_.dialect();
    const auto range = c_.Query(fmt::format(
        "SELECT MIN(date_id), MAX(date_id) FROM (SELECT date_id FROM {} UNION ALL SELECT date_id "
        "FROM {}) x",
        TableName(d, "core", "fact_tracks_history"),
        TableName(d, "core", "fact_podcasts_history")));
    TableLoad t = Named(TableName(d, "core", "dim_date"));
    if (!range.empty() && range[0][0]) {
      const auto rows = DimDateRows(EpochDayOfDateId(std::stoi(*range[0][0])),
                                    EpochDayOfDateId(std::stoi(*range[0][1])));
      const UpsertCounts n = UpsertDimension(c_, "dim_date", "date_id", rows);
      t.inserted = n.inserted, t.updated = n.updated, t.unchanged = n.unchanged;
    }
    report_.tables.push_back(t);
  }

 private:
  bool Unchanged(const SourceTable& source) const {
    const auto it = previous_.find(source.root());
    return it != previous_.end() && it->second == source.version();
  }

  int64_t Count(std::string_view table) {
    return std::stoll(*c_.Query(fmt::format("SELECT COUNT(*) FROM {}", table)).at(0).at(0));
  }

  void Dimension(std::string_view table, std::string_view key, const SourceTable& source,
                 const std::function<parquet::Batch(const parquet::Batch&)>& build) {
    TableLoad t = Named(TableName(c_.dialect(), "core", table));
    if (Unchanged(source)) {
      t.unchanged = Count(t.name);
      t.note = "unchanged since the last load";
    } else {
      const UpsertCounts n = UpsertDimension(c_, table, key, build(source.ReadAll()));
      t.inserted = n.inserted, t.updated = n.updated, t.unchanged = n.unchanged;
    }
    report_.tables.push_back(t);
  }

  // dim_track, with parent_track_id, and etl_internal.parent_tracks rebuilt from the same tracks.
  void Tracks(const SourceTable& source) {
    const Dialect d = c_.dialect();
    TableLoad t = Named(TableName(d, "core", "dim_track"));
    TableLoad parents = Named(TableName(d, "etl_internal", "parent_tracks"));
    if (Unchanged(source)) {
      t.unchanged = Count(t.name);
      parents.unchanged = Count(parents.name);
      t.note = parents.note = "unchanged since the last load";
    } else {
      const parquet::Batch tracks = source.ReadAll();
      const std::vector<ParentLink> links = MapParentTracks(tracks);
      const UpsertCounts n =
          UpsertDimension(c_, "dim_track", "track_id", DimTrackRows(tracks, links));
      t.inserted = n.inserted, t.updated = n.updated, t.unchanged = n.unchanged;
      parents.deleted = c_.Execute("DELETE FROM " + parents.name);
      c_.BulkInsert(parents.name, ParentTrackRows(links, NowMicros()));
      parents.inserted = static_cast<int64_t>(links.size());
    }
    report_.tables.push_back(t);
    report_.tables.push_back(parents);
  }

  using FactBuilder =
      std::function<parquet::Batch(const parquet::Batch&, Month, const ReasonLookup&)>;

  void Fact(std::string_view table, std::string_view staging_table, const SourceTable& source,
            const FactBuilder& build) {
    const std::string name = TableName(c_.dialect(), "core", table);
    TableLoad t = Named(name);
    if (Unchanged(source)) {
      t.unchanged = Count(name);
      t.note = "unchanged since the last load";
      report_.tables.push_back(t);
      return;
    }
    const auto it = previous_.find(source.root());
    std::optional<std::set<Month>> changed;
    if (it != previous_.end()) changed = source.ChangedMonths(it->second);
    std::set<Month> load;
    const std::set<Month> current = source.Months();
    if (!changed) {
      // No comparable earlier version: replace the whole table.
      report_.full_reload = report_.full_reload || it != previous_.end();
      t.deleted = c_.Execute("DELETE FROM " + name);
      load = current;
      t.note = fmt::format("all {} months", current.size());
    } else {
      for (const Month& m : *changed) {
        t.deleted += c_.Execute(fmt::format("DELETE FROM {} WHERE utc_year = {} AND utc_month = {}",
                                            name, m.first, m.second));
        if (current.contains(m)) load.insert(m);
      }
      t.note = fmt::format("{} of {} months", changed->size(), current.size());
    }
    const ReasonLookup lookup = [this](std::string_view reason, std::string_view group) {
      const auto r = reasons_.find({std::string(reason), std::string(group)});
      return r == reasons_.end() ? std::nullopt : std::optional<int64_t>(r->second);
    };
    for (const Month& m : load) {
      const parquet::Batch partition = source.ReadMonth(m);
      EnsureReasons(ReasonsOf(partition));
      t.inserted += InsertFacts(c_, staging_table, table, build(partition, m, lookup));
    }
    t.unchanged = Count(name) - t.inserted;
    report_.tables.push_back(t);
  }

  void LoadReasons() {
    reasons_.clear();
    for (const Row& row : c_.Query("SELECT reason_id, reason, reason_group FROM " +
                                   TableName(c_.dialect(), "core", "dim_reason"))) {
      reasons_[{*row[1], *row[2]}] = std::stoll(*row[0]);
    }
  }

  // Adds the reasons dim_reason lacks; their ids come from the database.
  void EnsureReasons(const std::set<std::pair<std::string, std::string>>& reasons) {
    std::string values;
    for (const auto& r : reasons) {
      if (reasons_.contains(r)) continue;
      values +=
          fmt::format("{}({}, {})", values.empty() ? "" : ", ", Quote(r.first), Quote(r.second));
    }
    if (values.empty()) return;
    c_.Execute(fmt::format("INSERT INTO {} (reason, reason_group) VALUES {} ON CONFLICT DO NOTHING",
                           TableName(c_.dialect(), "core", "dim_reason"), values));
    LoadReasons();
  }

  Connection& c_;
  const std::map<std::string, SourceVersion>& previous_;
  LoadReport& report_;
  std::map<std::pair<std::string, std::string>, int64_t> reasons_;
};

}  // namespace

int64_t LoadReport::rows_written() const {
  int64_t n = 0;
  for (const TableLoad& t : tables) n += t.inserted + t.updated + t.deleted;
  return n;
}

LoadReport Load(const storage::ObjectStore& lake, const WarehouseUrl& url) {
  const auto start = std::chrono::steady_clock::now();
  LoadReport report;
  report.warehouse = url.display;
  const auto connection = Connect(url);
  // One load at a time per warehouse, from the migrations to the commit (load_lock.h).
  const LoadLock lock(*connection, url.lock_wait);
  report.migrations_applied = Migrate(*connection);
  report.schema_version = LatestSchemaVersion();
  const Sources sources(lake);
  for (const SourceTable* s : sources.All()) report.versions[s->root()] = s->version();
  const int64_t started_us = NowMicros();
  InTransaction(*connection, [&] {
    // The previous versions are read inside the transaction (in SQLite, its BEGIN IMMEDIATE is
    // the lock), so a load that waited for another compares with that one's ledger row.
    const auto previous = LastLoadedVersions(*connection);
    if (previous == report.versions) {
      report.up_to_date = true;  // nothing written: the transaction commits empty
      return;
    }
    LoadRun run(*connection, previous, report);
    run.Dimensions(sources);
    run.Facts(sources);
    run.Calendar();
    TruncateStaging(*connection);
    // Last: the ledger row (and its lock) marks the load complete.
    AppendLedgerRow(*connection, report, started_us, NowMicros(), lake.Url());
  });
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace uw::warehouse
