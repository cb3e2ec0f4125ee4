// silver.tracks: one row per track the listener played, keyed by track_id (a Spotify id, or a
// name key for tracks known by names only). Names are the latest the listener's plays carried;
// the attributes after them come from the track's Spotify catalogue response, when bronze holds
// one (catalog_enrichment.h), whose duration also replaces the one plays carried.
#include "pipeline/silver/silver_tables.h"
#include "pipeline/silver/spotify_objects.h"
#include "pipeline/tables/silver_columns.h"

namespace uw::silver {

LakeTable TracksTable(const Catalog& catalog) {
  using parquet::ColumnType;
  // The columns known from the listener's own plays, then the catalogue's.
  std::vector<parquet::Field> fields = tables::SilverTrackPlayFields();
  fields.insert(fields.end(), {
                                  {"explicit", ColumnType::kBoolean, true},
                                  {"popularity", ColumnType::kInt32, true},
                                  {"isrc", ColumnType::kString, true},
                                  {"track_number", ColumnType::kInt32, true},
                                  {"disc_number", ColumnType::kInt32, true},
                                  {"is_local", ColumnType::kBoolean, true},
                                  {"metadata_source", ColumnType::kString, true},
                              });
  parquet::Schema schema(std::move(fields));
  parquet::Batch rows(schema);
  rows.Reserve(catalog.tracks.size());
  const SpotifyTrack none;
  for (const auto& [id, t] : catalog.tracks) {
    const SpotifyTrack& r = t.spotify ? *t.spotify : none;
    size_t c = 0;
    rows.column(c++).AppendString(id);
    AppendText(rows.column(c++), t.uri);
    AppendText(rows.column(c++), t.name);
    AppendText(rows.column(c++), t.artist_id);
    AppendText(rows.column(c++), t.artist_name);
    AppendText(rows.column(c++), t.album_id);
    AppendText(rows.column(c++), t.album_name);
    AppendOptInt64(rows.column(c++), t.duration_ms);
    rows.column(c++).AppendBool(id.starts_with("name:"));
    rows.column(c++).AppendInt64(t.first_played_ms * 1000);
    rows.column(c++).AppendInt64(t.last_played_ms * 1000);
    AppendOptBool(rows.column(c++), r.is_explicit);
    AppendOptInt32(rows.column(c++), r.popularity);
    AppendText(rows.column(c++), r.isrc);
    AppendOptInt32(rows.column(c++), r.track_number);
    AppendOptInt32(rows.column(c++), r.disc_number);
    // A local file's URI says what it is even without a response.
    std::optional<bool> is_local = r.is_local;
    if (!is_local && t.uri.starts_with("spotify:local:")) is_local = true;
    AppendOptBool(rows.column(c++), is_local);
    AppendSource(rows.column(c++), t.spotify);
  }
  return {"tracks", schema, {}, {"track_id"}, SinglePartition(std::move(rows))};
}

}  // namespace uw::silver
