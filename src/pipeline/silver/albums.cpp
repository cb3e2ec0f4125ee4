// silver.albums: one row per album, keyed by album_id (a Spotify id from the API, or a name key
// of the primary artist and album name: exports carry album names only).
#include "pipeline/silver/silver_tables.h"

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
  });
  parquet::Batch rows(schema);
  for (const auto& [id, a] : catalog.albums) {
    rows.column(0).AppendString(id);
    AppendText(rows.column(1), a.name_only ? std::string() : "spotify:album:" + id);
    AppendText(rows.column(2), a.name);
    AppendText(rows.column(3), a.artist_id);
    AppendText(rows.column(4), a.artist_name);
    rows.column(5).AppendBool(a.name_only);
  }
  return {"albums", schema, {}, {"album_id"}, SinglePartition(std::move(rows))};
}

}  // namespace uw::silver
