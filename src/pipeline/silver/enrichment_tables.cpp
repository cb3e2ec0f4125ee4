// The enrichment dimensions of DESIGN §2 (artist_genres, audio_features, lastfm_track_tags,
// lastfm_track_stats, lastfm_artist_tags). Enrichment (Spotify, Last.fm, catalogue dumps) fills
// them; until then they are published empty with their schemas, so readers and the gold layer
// can rely on them existing. Their schemas live together because they change together.
#include "pipeline/silver/silver_tables.h"

namespace uw::silver {
namespace {

LakeTable Empty(std::string name, std::vector<parquet::Field> fields,
                  std::vector<std::string> key) {
  parquet::Schema schema(std::move(fields));
  return {std::move(name), schema, {}, std::move(key), SinglePartition(parquet::Batch(schema))};
}

}  // namespace

std::vector<LakeTable> EnrichmentTables() {
  using parquet::ColumnType;
  std::vector<LakeTable> tables;
  tables.push_back(Empty("artist_genres",
                         {{"artist_id", ColumnType::kString, false},
                          {"genre", ColumnType::kString, false},
                          {"source", ColumnType::kString, false}},
                         {"artist_id", "genre", "source"}));
  std::vector<parquet::Field> features{{"track_id", ColumnType::kString, false}};
  for (const char* name : {"danceability", "energy", "loudness", "speechiness", "acousticness",
                           "instrumentalness", "liveness", "valence", "tempo"}) {
    features.push_back({name, ColumnType::kDouble, true});
  }
  for (const char* name : {"key", "mode", "time_signature"}) {
    features.push_back({name, ColumnType::kInt32, true});
  }
  features.push_back({"source", ColumnType::kString, false});
  tables.push_back(Empty("audio_features", std::move(features), {"track_id"}));
  tables.push_back(Empty("lastfm_track_tags",
                         {{"track_id", ColumnType::kString, false},
                          {"tag", ColumnType::kString, false},
                          {"count", ColumnType::kInt32, true}},
                         {"track_id", "tag"}));
  tables.push_back(Empty("lastfm_track_stats",
                         {{"track_id", ColumnType::kString, false},
                          {"listeners", ColumnType::kInt64, true},
                          {"playcount", ColumnType::kInt64, true}},
                         {"track_id"}));
  tables.push_back(Empty("lastfm_artist_tags",
                         {{"artist_id", ColumnType::kString, false},
                          {"tag", ColumnType::kString, false},
                          {"count", ColumnType::kInt32, true}},
                         {"artist_id", "tag"}));
  return tables;
}

}  // namespace uw::silver
