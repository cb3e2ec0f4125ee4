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

void LoadTracks(const storage::ObjectStore& lake, Catalog& catalog) {
  const parquet::Batch t = ReadTable(lake, lake::SilverTable("tracks"));
  for (size_t r = 0; r < t.num_rows(); ++r) {
    TrackEntry& e = catalog.tracks[Str(t.column("track_id"), r)];
    e.uri = Str(t.column("track_uri"), r);
    e.name = Str(t.column("track_name"), r);
    e.artist_id = Str(t.column("artist_id"), r);
    e.artist_name = Str(t.column("artist_name"), r);
    e.album_id = Str(t.column("album_id"), r);
    e.album_name = Str(t.column("album_name"), r);
    const parquet::ColumnVector& duration = t.column("duration_ms");
    if (!duration.IsNull(r)) e.duration_ms = duration.GetInt64(r);
    e.first_played_ms = t.column("first_played_at").GetInt64(r) / 1000;
    e.last_played_ms = t.column("last_played_at").GetInt64(r) / 1000;
  }
}

void LoadArtists(const storage::ObjectStore& lake, Catalog& catalog) {
  const parquet::Batch t = ReadTable(lake, lake::SilverTable("artists"));
  for (size_t r = 0; r < t.num_rows(); ++r) {
    ArtistEntry& e = catalog.artists[Str(t.column("artist_id"), r)];
    e.name = Str(t.column("artist_name"), r);
    e.name_only = t.column("name_only").GetBool(r);
  }
}

void LoadAlbums(const storage::ObjectStore& lake, Catalog& catalog) {
  const parquet::Batch t = ReadTable(lake, lake::SilverTable("albums"));
  for (size_t r = 0; r < t.num_rows(); ++r) {
    AlbumEntry& e = catalog.albums[Str(t.column("album_id"), r)];
    e.name = Str(t.column("album_name"), r);
    e.artist_id = Str(t.column("artist_id"), r);
    e.artist_name = Str(t.column("artist_name"), r);
    e.name_only = t.column("name_only").GetBool(r);
  }
}

void LoadShows(const storage::ObjectStore& lake, Catalog& catalog) {
  const parquet::Batch t = ReadTable(lake, lake::SilverTable("shows"));
  for (size_t r = 0; r < t.num_rows(); ++r) {
    ShowEntry& e = catalog.shows[Str(t.column("show_id"), r)];
    e.uri = Str(t.column("show_uri"), r);
    e.name = Str(t.column("show_name"), r);
    e.kind = Str(t.column("kind"), r);
  }
}

void LoadEpisodes(const storage::ObjectStore& lake, Catalog& catalog) {
  const parquet::Batch t = ReadTable(lake, lake::SilverTable("episodes"));
  for (size_t r = 0; r < t.num_rows(); ++r) {
    EpisodeEntry& e = catalog.episodes[Str(t.column("episode_id"), r)];
    e.uri = Str(t.column("episode_uri"), r);
    e.name = Str(t.column("episode_name"), r);
    e.content_type = Str(t.column("content_type"), r);
    e.show_id = Str(t.column("show_id"), r);
    e.show_name = Str(t.column("show_name"), r);
    e.first_played_ms = t.column("first_played_at").GetInt64(r) / 1000;
    e.last_played_ms = t.column("last_played_at").GetInt64(r) / 1000;
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
