// silver.shows: one row per podcast show or audiobook, keyed by show_id (the audiobook's Spotify
// id, a name key: exports name shows but never give their URIs, or the Spotify id an episode
// response gave a show the plays did not name). The attributes after kind come from the Spotify
// show response of spotify_id, else from the copy inside a played episode's response.
#include "pipeline/silver/silver_tables.h"
#include "pipeline/silver/spotify_objects.h"

namespace uw::silver {

LakeTable ShowsTable(const Catalog& catalog) {
  using parquet::ColumnType;
  parquet::Schema schema({
      {"show_id", ColumnType::kString, false},
      {"show_uri", ColumnType::kString, true},
      {"show_name", ColumnType::kString, true},
      {"kind", ColumnType::kString, false},
      {"spotify_id", ColumnType::kString, true},
      {"publisher", ColumnType::kString, true},
      {"media_type", ColumnType::kString, true},
      {"total_episodes", ColumnType::kInt32, true},
      {"explicit", ColumnType::kBoolean, true},
      {"languages", ColumnType::kString, true},
      {"description", ColumnType::kString, true},
      {"image_url", ColumnType::kString, true},
      {"metadata_source", ColumnType::kString, true},
  });
  parquet::Batch rows(schema);
  const SpotifyShow none;
  for (const auto& [id, s] : catalog.shows) {
    const SpotifyShow& r = s.spotify ? *s.spotify : none;
    size_t c = 0;
    rows.column(c++).AppendString(id);
    AppendText(rows.column(c++), s.uri);
    AppendText(rows.column(c++), s.name);
    rows.column(c++).AppendString(s.kind);
    // A podcast row keyed by a Spotify id (learned from a response) is that show.
    const bool own_id = s.kind == "podcast" && !id.starts_with("name:");
    AppendText(rows.column(c++), s.spotify_id.empty() && own_id ? id : s.spotify_id);
    AppendText(rows.column(c++), r.publisher);
    AppendText(rows.column(c++), r.media_type);
    AppendOptInt32(rows.column(c++), r.total_episodes);
    AppendOptBool(rows.column(c++), r.is_explicit);
    AppendText(rows.column(c++), r.languages);
    AppendText(rows.column(c++), r.description);
    AppendText(rows.column(c++), r.image_url);
    AppendSource(rows.column(c++), s.spotify);
  }
  return {"shows", schema, {}, {"show_id"}, SinglePartition(std::move(rows))};
}

}  // namespace uw::silver
