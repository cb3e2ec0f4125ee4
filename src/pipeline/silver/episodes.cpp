// silver.episodes: one row per podcast episode, audiobook chapter or video podcast played,
// keyed by episode_id (the Spotify id of its URI, or a name key).
#include "pipeline/silver/silver_tables.h"

namespace uw::silver {

LakeTable EpisodesTable(const Catalog& catalog) {
  using parquet::ColumnType;
  parquet::Schema schema({
      {"episode_id", ColumnType::kString, false},
      {"episode_uri", ColumnType::kString, true},
      {"episode_name", ColumnType::kString, true},
      {"content_type", ColumnType::kString, false},
      {"show_id", ColumnType::kString, true},
      {"show_name", ColumnType::kString, true},
      {"first_played_at", ColumnType::kTimestamp, false},
      {"last_played_at", ColumnType::kTimestamp, false},
  });
  parquet::Batch rows(schema);
  for (const auto& [id, e] : catalog.episodes) {
    size_t c = 0;
    rows.column(c++).AppendString(id);
    AppendText(rows.column(c++), e.uri);
    AppendText(rows.column(c++), e.name);
    rows.column(c++).AppendString(e.content_type);
    AppendText(rows.column(c++), e.show_id);
    AppendText(rows.column(c++), e.show_name);
    rows.column(c++).AppendInt64(e.first_played_ms * 1000);
    rows.column(c++).AppendInt64(e.last_played_ms * 1000);
  }
  return {"episodes", schema, {}, {"episode_id"}, SinglePartition(std::move(rows))};
}

}  // namespace uw::silver
