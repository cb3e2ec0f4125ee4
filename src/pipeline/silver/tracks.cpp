// silver.tracks: one row per track the listener played, keyed by track_id (a Spotify id, or a
// name key for tracks known by names only). Names are the latest the listener's plays carried.
#include "pipeline/silver/silver_tables.h"

namespace uw::silver {

LakeTable TracksTable(const Catalog& catalog) {
  using parquet::ColumnType;
  parquet::Schema schema({
      {"track_id", ColumnType::kString, false},
      {"track_uri", ColumnType::kString, true},
      {"track_name", ColumnType::kString, true},
      {"artist_id", ColumnType::kString, true},
      {"artist_name", ColumnType::kString, true},
      {"album_id", ColumnType::kString, true},
      {"album_name", ColumnType::kString, true},
      {"duration_ms", ColumnType::kInt64, true},
      {"name_only", ColumnType::kBoolean, false},
      {"first_played_at", ColumnType::kTimestamp, false},
      {"last_played_at", ColumnType::kTimestamp, false},
  });
  parquet::Batch rows(schema);
  rows.Reserve(catalog.tracks.size());
  for (const auto& [id, t] : catalog.tracks) {
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
  }
  return {"tracks", schema, {}, {"track_id"}, SinglePartition(std::move(rows))};
}

}  // namespace uw::silver
