// silver.albums: one row per album, keyed by album_id (a Spotify id from the API, or a name key
// of the primary artist and album name: exports carry album names only). The attributes after
// name_only come from the Spotify album response of spotify_id, else from the copy of the album
// inside a played track's response (no label, upc or popularity there; catalog_enrichment.h).
#include "pipeline/silver/silver_tables.h"
#include "pipeline/silver/spotify_objects.h"

namespace uw::silver {

LakeTable AlbumsTable(const Catalog& catalog) {
  using parquet::ColumnType;
  parquet::Schema schema({
      {"album_id", ColumnType::kString, false},
      {"album_uri", ColumnType::kString, true},
      {"album_name", ColumnType::kString, true},
      {"artist_id", ColumnType::kString, true},
      {"artist_name", ColumnType::kString, true},
      {"name_only", ColumnType::kBoolean, false},
      {"spotify_id", ColumnType::kString, true},
      {"album_type", ColumnType::kString, true},
      {"release_date", ColumnType::kString, true},
      {"release_date_precision", ColumnType::kString, true},
      {"release_year", ColumnType::kInt32, true},
      {"total_tracks", ColumnType::kInt32, true},
      {"label", ColumnType::kString, true},
      {"upc", ColumnType::kString, true},
      {"popularity", ColumnType::kInt32, true},
      {"image_url", ColumnType::kString, true},
      {"metadata_source", ColumnType::kString, true},
  });
  parquet::Batch rows(schema);
  const SpotifyAlbum none;
  for (const auto& [id, a] : catalog.albums) {
    const SpotifyAlbum& r = a.spotify ? *a.spotify : none;
    size_t c = 0;
    rows.column(c++).AppendString(id);
    AppendText(rows.column(c++), a.name_only ? std::string() : "spotify:album:" + id);
    AppendText(rows.column(c++), a.name);
    AppendText(rows.column(c++), a.artist_id);
    AppendText(rows.column(c++), a.artist_name);
    rows.column(c++).AppendBool(a.name_only);
    // A row keyed by a Spotify id is that album, with or without responses.
    AppendText(rows.column(c++), !a.spotify_id.empty() || a.name_only ? a.spotify_id : id);
    AppendText(rows.column(c++), r.album_type);
    AppendText(rows.column(c++), r.release_date);
    AppendText(rows.column(c++), r.release_date_precision);
    AppendOptInt32(rows.column(c++), ReleaseYear(r.release_date));
    AppendOptInt32(rows.column(c++), r.total_tracks);
    AppendText(rows.column(c++), r.label);
    AppendText(rows.column(c++), r.upc);
    AppendOptInt32(rows.column(c++), r.popularity);
    AppendText(rows.column(c++), r.image_url);
    AppendSource(rows.column(c++), a.spotify);
  }
  return {"albums", schema, {}, {"album_id"}, SinglePartition(std::move(rows))};
}

}  // namespace uw::silver
