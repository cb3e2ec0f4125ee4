// LoadCatalog: the published dimension tables read back into a Catalog, so an incremental build
// can extend it instead of re-deriving it from every play (catalog.h, incremental.h); and the
// row readers it shares with the incremental build's patching (catalog_rows.h).
#include "core/lake_paths.h"
#include "pipeline/silver/catalog.h"
#include "pipeline/silver/catalog_rows.h"
#include "pipeline/silver/lake_tables.h"

namespace uw::silver {

RowColumns::RowColumns(const parquet::Batch& rows, const std::vector<std::string>& names) {
  for (const std::string& name : names) columns_.push_back(&rows.column(name));
}

std::string RowColumns::Str(size_t i, size_t row) const {
  const parquet::ColumnVector& column = *columns_[i];
  return column.IsNull(row) ? std::string() : std::string(column.GetString(row));
}

const std::vector<std::string> TrackRows::kColumns = {
    "track_id",  "track_uri", "track_name",  "artist_id",       "artist_name",
    "album_id",  "album_name", "duration_ms", "first_played_at", "last_played_at"};

void TrackRows::Fill(size_t r, TrackEntry& e) const {
  const RowColumns& t = columns;
  e.uri = t.Str(1, r);
  e.name = t.Str(2, r);
  e.artist_id = t.Str(3, r);
  e.artist_name = t.Str(4, r);
  e.album_id = t.Str(5, r);
  e.album_name = t.Str(6, r);
  if (!t[7].IsNull(r)) e.duration_ms = t[7].GetInt64(r);
  e.first_played_ms = t[8].GetInt64(r) / 1000;
  e.last_played_ms = t[9].GetInt64(r) / 1000;
}

const std::vector<std::string> ArtistRows::kColumns = {"artist_id", "artist_name", "name_only"};

void ArtistRows::Fill(size_t r, ArtistEntry& e) const {
  e.name = columns.Str(1, r);
  e.name_only = columns[2].GetBool(r);
}

const std::vector<std::string> AlbumRows::kColumns = {"album_id", "album_name", "artist_id",
                                                      "artist_name", "name_only"};

void AlbumRows::Fill(size_t r, AlbumEntry& e) const {
  e.name = columns.Str(1, r);
  e.artist_id = columns.Str(2, r);
  e.artist_name = columns.Str(3, r);
  e.name_only = columns[4].GetBool(r);
}

namespace {

// The table's rows are in key order (each dimension is written from an ordered map), so every
// insert goes at the end: the hint makes it constant time.
template <typename Map>
typename Map::mapped_type& Append(Map& map, std::string key) {
  return map.try_emplace(map.end(), std::move(key))->second;
}

// Only the columns a loader uses are read; the key is always the first of them.
template <typename Rows, typename Map>
void Load(const storage::ObjectStore& lake, std::string_view table, Map& map) {
  const parquet::Batch batch = ReadTable(lake, lake::SilverTable(table), Rows::kColumns);
  const Rows rows(batch);
  for (size_t r = 0; r < batch.num_rows(); ++r) rows.Fill(r, Append(map, rows.columns.Str(0, r)));
}

// Shows and episodes are never patched (catalog_rows.h): their readers stay here.
struct ShowRows {
  static inline const std::vector<std::string> kColumns = {"show_id", "show_uri", "show_name",
                                                           "kind"};
  explicit ShowRows(const parquet::Batch& rows) : columns(rows, kColumns) {}
  void Fill(size_t r, ShowEntry& e) const {
    e.uri = columns.Str(1, r);
    e.name = columns.Str(2, r);
    e.kind = columns.Str(3, r);
  }
  RowColumns columns;
};

struct EpisodeRows {
  static inline const std::vector<std::string> kColumns = {
      "episode_id", "episode_uri", "episode_name",    "content_type",
      "show_id",    "show_name",   "first_played_at", "last_played_at"};
  explicit EpisodeRows(const parquet::Batch& rows) : columns(rows, kColumns) {}
  void Fill(size_t r, EpisodeEntry& e) const {
    e.uri = columns.Str(1, r);
    e.name = columns.Str(2, r);
    e.content_type = columns.Str(3, r);
    e.show_id = columns.Str(4, r);
    e.show_name = columns.Str(5, r);
    e.first_played_ms = columns[6].GetInt64(r) / 1000;
    e.last_played_ms = columns[7].GetInt64(r) / 1000;
  }
  RowColumns columns;
};

}  // namespace

Catalog LoadCatalog(const storage::ObjectStore& lake) {
  Catalog catalog;
  Load<TrackRows>(lake, "tracks", catalog.tracks);
  Load<ArtistRows>(lake, "artists", catalog.artists);
  Load<AlbumRows>(lake, "albums", catalog.albums);
  Load<ShowRows>(lake, "shows", catalog.shows);
  Load<EpisodeRows>(lake, "episodes", catalog.episodes);
  return catalog;
}

}  // namespace uw::silver
