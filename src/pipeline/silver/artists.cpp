// silver.artists: one row per artist, keyed by artist_id (a Spotify id, or a name key for an
// artist no source identified; such an artist never fans out plays).
#include "pipeline/silver/silver_tables.h"

namespace uw::silver {

LakeTable ArtistsTable(const Catalog& catalog) {
  using parquet::ColumnType;
  parquet::Schema schema({
      {"artist_id", ColumnType::kString, false},
      {"artist_uri", ColumnType::kString, true},
      {"artist_name", ColumnType::kString, true},
      {"name_only", ColumnType::kBoolean, false},
  });
  parquet::Batch rows(schema);
  for (const auto& [id, a] : catalog.artists) {
    rows.column(0).AppendString(id);
    AppendText(rows.column(1), a.name_only ? std::string() : "spotify:artist:" + id);
    AppendText(rows.column(2), a.name);
    rows.column(3).AppendBool(a.name_only);
  }
  return {"artists", schema, {}, {"artist_id"}, SinglePartition(std::move(rows))};
}

}  // namespace uw::silver
