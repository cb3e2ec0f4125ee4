// silver.episodes: one row per podcast episode, audiobook chapter or video podcast played,
// keyed by episode_id (the Spotify id of its URI, or a name key). The attributes after
// last_played_at come from the episode's Spotify catalogue response (catalog_enrichment.h).
#include "pipeline/silver/silver_tables.h"
#include "pipeline/silver/spotify_objects.h"

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
      {"duration_ms", ColumnType::kInt64, true},
      {"release_date", ColumnType::kString, true},
      {"release_date_precision", ColumnType::kString, true},
      {"languages", ColumnType::kString, true},
      {"explicit", ColumnType::kBoolean, true},
      {"description", ColumnType::kString, true},
      {"image_url", ColumnType::kString, true},
      {"metadata_source", ColumnType::kString, true},
  });
  parquet::Batch rows(schema);
  const SpotifyEpisode none;
  for (const auto& [id, e] : catalog.episodes) {
    const SpotifyEpisode& r = e.spotify ? *e.spotify : none;
    size_t c = 0;
    rows.column(c++).AppendString(id);
    AppendText(rows.column(c++), e.uri);
    AppendText(rows.column(c++), e.name);
    rows.column(c++).AppendString(e.content_type);
    AppendText(rows.column(c++), e.show_id);
    AppendText(rows.column(c++), e.show_name);
    rows.column(c++).AppendInt64(e.first_played_ms * 1000);
    rows.column(c++).AppendInt64(e.last_played_ms * 1000);
    AppendOptInt64(rows.column(c++), r.duration_ms);
    AppendText(rows.column(c++), r.release_date);
    AppendText(rows.column(c++), r.release_date_precision);
    AppendText(rows.column(c++), r.languages);
    AppendOptBool(rows.column(c++), r.is_explicit);
    AppendText(rows.column(c++), r.description);
    AppendText(rows.column(c++), r.image_url);
    AppendSource(rows.column(c++), e.spotify);
  }
  return {"episodes", schema, {}, {"episode_id"}, SinglePartition(std::move(rows))};
}

}  // namespace uw::silver
