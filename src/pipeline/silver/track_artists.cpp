// silver.track_artists: the bridge from tracks to their artists, keyed by (track_id, position).
// Plays carry only the primary artist (position 0); enrichment adds the featured artists.
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
    if (t.artist_id.empty()) continue;
    rows.column(0).AppendString(id);
    rows.column(1).AppendString(t.artist_id);
    rows.column(2).AppendInt32(0);
  }
  return {"track_artists", schema, {}, {"track_id", "position"}, SinglePartition(std::move(rows))};
}

}  // namespace uw::silver
