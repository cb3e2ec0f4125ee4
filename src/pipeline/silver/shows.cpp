// silver.shows: one row per podcast show or audiobook, keyed by show_id (the audiobook's Spotify
// id, or a name key: exports name shows but never give their URIs).
#include "pipeline/silver/silver_tables.h"

namespace uw::silver {

LakeTable ShowsTable(const Catalog& catalog) {
  using parquet::ColumnType;
  parquet::Schema schema({
      {"show_id", ColumnType::kString, false},
      {"show_uri", ColumnType::kString, true},
      {"show_name", ColumnType::kString, true},
      {"kind", ColumnType::kString, false},
  });
  parquet::Batch rows(schema);
  for (const auto& [id, s] : catalog.shows) {
    rows.column(0).AppendString(id);
    AppendText(rows.column(1), s.uri);
    AppendText(rows.column(2), s.name);
    rows.column(3).AppendString(s.kind);
  }
  return {"shows", schema, {}, {"show_id"}, SinglePartition(std::move(rows))};
}

}  // namespace uw::silver
