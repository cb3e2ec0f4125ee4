// silver.track_artists: the bridge from tracks to their artists, keyed by (track_id, position).
// Position 0 is the artist the track's plays are counted under (tracks.artist_id); a track with
// a Spotify catalogue response adds its other credited artists, in the response's order, as
// positions 1, 2, … (catalog_enrichment.h maps each to its artists row).
#include "pipeline/silver/silver_tables.h"

namespace uw::silver {

LakeTable TrackArtistsTable(const Catalog& catalog) {
  using parquet::ColumnType;
  parquet::Schema schema({
      {"track_id", ColumnType::kString, false},
      {"artist_id", ColumnType::kString, false},
      {"position", ColumnType::kInt32, false},
  });
  parquet::Batch rows(schema);
  for (const auto& [id, t] : catalog.tracks) {
    int32_t position = 0;
    const auto add = [&](const std::string& artist_id) {
      rows.column(0).AppendString(id);
      rows.column(1).AppendString(artist_id);
      rows.column(2).AppendInt32(position++);
    };
    if (t.artist_id.empty()) continue;
    add(t.artist_id);
    for (const std::string& other : t.other_artist_ids) add(other);
  }
  return {"track_artists", schema, {}, {"track_id", "position"}, SinglePartition(std::move(rows))};
}

}  // namespace uw::silver
