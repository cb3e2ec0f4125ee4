// EmptySilverInputs (gold_plays.h): the silver dimension schemas gold reads (docs/lake.md
// "Silver"), with no rows. Gold itself reads the real tables (build_gold.cpp); this is for
// callers that build plays without a lake.
#include "pipeline/gold/gold_plays.h"

namespace uw::gold {
namespace {

using parquet::ColumnType;

parquet::Batch Empty(std::vector<parquet::Field> fields) {
  return parquet::Batch(parquet::Schema(std::move(fields)));
}

parquet::Batch AudioFeatures() {
  std::vector<parquet::Field> fields{{"track_id", ColumnType::kString, false}};
  for (const char* name : {"danceability", "energy", "loudness", "speechiness", "acousticness",
                           "instrumentalness", "liveness", "valence", "tempo"}) {
    fields.push_back({name, ColumnType::kDouble, true});
  }
  for (const char* name : {"key", "mode", "time_signature"}) {
    fields.push_back({name, ColumnType::kInt32, true});
  }
  fields.push_back({"source", ColumnType::kString, false});
  return Empty(std::move(fields));
}

}  // namespace

SilverInputs EmptySilverInputs() {
  const auto text = [](const char* name, bool nullable = true) {
    return parquet::Field{name, ColumnType::kString, nullable};
  };
  const parquet::Field name_only{"name_only", ColumnType::kBoolean, false};
  return SilverInputs{
      .tracks = Empty({text("track_id", false),
                       text("track_uri"),
                       text("track_name"),
                       text("artist_id"),
                       text("artist_name"),
                       text("album_id"),
                       text("album_name"),
                       {"duration_ms", ColumnType::kInt64, true},
                       name_only,
                       {"first_played_at", ColumnType::kTimestamp, false},
                       {"last_played_at", ColumnType::kTimestamp, false}}),
      .track_artists = Empty({text("track_id", false),
                              text("artist_id", false),
                              {"position", ColumnType::kInt32, false}}),
      .artists =
          Empty({text("artist_id", false), text("artist_uri"), text("artist_name"), name_only}),
      .albums = Empty({text("album_id", false), text("album_uri"), text("album_name"),
                       text("artist_id"), text("artist_name"), name_only}),
      .artist_genres =
          Empty({text("artist_id", false), text("genre", false), text("source", false)}),
      .audio_features = AudioFeatures(),
      .lastfm_track_tags =
          Empty({text("track_id", false), text("tag", false), {"count", ColumnType::kInt32, true}}),
      .lastfm_track_stats = Empty({text("track_id", false),
                                   {"listeners", ColumnType::kInt64, true},
                                   {"playcount", ColumnType::kInt64, true}}),
      .lastfm_artist_tags = Empty(
          {text("artist_id", false), text("tag", false), {"count", ColumnType::kInt32, true}}),
      .shows =
          Empty({text("show_id", false), text("show_uri"), text("show_name"), text("kind", false)}),
      .episodes = Empty({text("episode_id", false),
                         text("episode_uri"),
                         text("episode_name"),
                         text("content_type", false),
                         text("show_id"),
                         text("show_name"),
                         {"first_played_at", ColumnType::kTimestamp, false},
                         {"last_played_at", ColumnType::kTimestamp, false}}),
  };
}

}  // namespace uw::gold
