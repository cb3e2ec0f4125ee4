// silver.artists: one row per artist, keyed by artist_id (a Spotify id, or a name key for an
// artist no source identified; such an artist never fans out plays). The attributes after
// name_only come from the Spotify artist response of spotify_id (catalog_enrichment.h); its
// genres are the rows of artist_genres.
#include "pipeline/silver/silver_tables.h"
#include "pipeline/silver/spotify_objects.h"

namespace uw::silver {

LakeTable ArtistsTable(const Catalog& catalog) {
  using parquet::ColumnType;
  parquet::Schema schema({
      {"artist_id", ColumnType::kString, false},
      {"artist_uri", ColumnType::kString, true},
      {"artist_name", ColumnType::kString, true},
      {"name_only", ColumnType::kBoolean, false},
      {"spotify_id", ColumnType::kString, true},
      {"genre_count", ColumnType::kInt32, true},
      {"popularity", ColumnType::kInt32, true},
      {"followers", ColumnType::kInt64, true},
      {"image_url", ColumnType::kString, true},
      {"metadata_source", ColumnType::kString, true},
  });
  parquet::Batch rows(schema);
  const SpotifyArtist none;
  for (const auto& [id, a] : catalog.artists) {
    const SpotifyArtist& r = a.spotify ? *a.spotify : none;
    size_t c = 0;
    rows.column(c++).AppendString(id);
    AppendText(rows.column(c++), a.name_only ? std::string() : "spotify:artist:" + id);
    AppendText(rows.column(c++), a.name);
    rows.column(c++).AppendBool(a.name_only);
    // A row keyed by a Spotify id is that artist, with or without responses.
    AppendText(rows.column(c++), !a.spotify_id.empty() || a.name_only ? a.spotify_id : id);
    AppendOptInt32(rows.column(c++),
                   r.genres ? std::optional<int64_t>(r.genres->size()) : std::nullopt);
    AppendOptInt32(rows.column(c++), r.popularity);
    AppendOptInt64(rows.column(c++), r.followers);
    AppendText(rows.column(c++), r.image_url);
    AppendSource(rows.column(c++), a.spotify);
  }
  return {"artists", schema, {}, {"artist_id"}, SinglePartition(std::move(rows))};
}

}  // namespace uw::silver
