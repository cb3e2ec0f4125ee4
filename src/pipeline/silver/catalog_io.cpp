// LoadCatalog: the published dimension tables read back into a Catalog, so an incremental build
// can extend it instead of re-deriving it from every play (catalog.h, incremental.h).
#include "core/lake_paths.h"
#include "pipeline/silver/catalog.h"
#include "pipeline/silver/lake_tables.h"

namespace uw::silver {
namespace {

std::string Str(const parquet::ColumnVector& column, size_t row) {
  return column.IsNull(row) ? std::string() : std::string(column.GetString(row));
}

// Only the columns a loader uses are read, and each is looked up once, not once per row.
struct Columns {
  Columns(const storage::ObjectStore& lake, std::string_view table,
          std::vector<std::string> names)
      : rows(ReadTable(lake, lake::SilverTable(table), names)) {
    for (const std::string& name : names) columns.push_back(&rows.column(name));
  }
  Columns(const Columns&) = delete;  // `columns` point into `rows`
  size_t size() const { return rows.num_rows(); }
  const parquet::ColumnVector& operator[](size_t i) const { return *columns[i]; }

  parquet::Batch rows;
  std::vector<const parquet::ColumnVector*> columns;
};

// The table's rows are in key order (each dimension is written from an ordered map), so every
// insert goes at the end: the hint makes it constant time.
template <typename Map>
typename Map::mapped_type& Append(Map& map, std::string key) {
  return map.try_emplace(map.end(), std::move(key))->second;
}

void LoadTracks(const storage::ObjectStore& lake, Catalog& catalog) {
  const Columns t(lake, "tracks",
                  {"track_id", "track_uri", "track_name", "artist_id", "artist_name", "album_id",
                   "album_name", "duration_ms", "first_played_at", "last_played_at"});
  for (size_t r = 0; r < t.size(); ++r) {
    TrackEntry& e = Append(catalog.tracks, Str(t[0], r));
    e.uri = Str(t[1], r);
    e.name = Str(t[2], r);
    e.artist_id = Str(t[3], r);
    e.artist_name = Str(t[4], r);
    e.album_id = Str(t[5], r);
    e.album_name = Str(t[6], r);
    if (!t[7].IsNull(r)) e.duration_ms = t[7].GetInt64(r);
    e.first_played_ms = t[8].GetInt64(r) / 1000;
    e.last_played_ms = t[9].GetInt64(r) / 1000;
  }
}

void LoadArtists(const storage::ObjectStore& lake, Catalog& catalog) {
  const Columns t(lake, "artists", {"artist_id", "artist_name", "name_only"});
  for (size_t r = 0; r < t.size(); ++r) {
    ArtistEntry& e = Append(catalog.artists, Str(t[0], r));
    e.name = Str(t[1], r);
    e.name_only = t[2].GetBool(r);
  }
}

void LoadAlbums(const storage::ObjectStore& lake, Catalog& catalog) {
  const Columns t(lake, "albums", {"album_id", "album_name", "artist_id", "artist_name", "name_only"});
  for (size_t r = 0; r < t.size(); ++r) {
    AlbumEntry& e = Append(catalog.albums, Str(t[0], r));
    e.name = Str(t[1], r);
    e.artist_id = Str(t[2], r);
    e.artist_name = Str(t[3], r);
    e.name_only = t[4].GetBool(r);
  }
}

void LoadShows(const storage::ObjectStore& lake, Catalog& catalog) {
  const Columns t(lake, "shows", {"show_id", "show_uri", "show_name", "kind"});
  for (size_t r = 0; r < t.size(); ++r) {
    ShowEntry& e = Append(catalog.shows, Str(t[0], r));
    e.uri = Str(t[1], r);
    e.name = Str(t[2], r);
    e.kind = Str(t[3], r);
  }
}

void LoadEpisodes(const storage::ObjectStore& lake, Catalog& catalog) {
  const Columns t(lake, "episodes",
                  {"episode_id", "episode_uri", "episode_name", "content_type", "show_id",
                   "show_name", "first_played_at", "last_played_at"});
  for (size_t r = 0; r < t.size(); ++r) {
    EpisodeEntry& e = Append(catalog.episodes, Str(t[0], r));
    e.uri = Str(t[1], r);
    e.name = Str(t[2], r);
    e.content_type = Str(t[3], r);
    e.show_id = Str(t[4], r);
    e.show_name = Str(t[5], r);
    e.first_played_ms = t[6].GetInt64(r) / 1000;
    e.last_played_ms = t[7].GetInt64(r) / 1000;
  }
}

}  // namespace

Catalog LoadCatalog(const storage::ObjectStore& lake) {
  Catalog catalog;
  LoadTracks(lake, catalog);
  LoadArtists(lake, catalog);
  LoadAlbums(lake, catalog);
  LoadShows(lake, catalog);
  LoadEpisodes(lake, catalog);
  return catalog;
}

}  // namespace uw::silver
