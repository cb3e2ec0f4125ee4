// The enrichment dimensions of DESIGN §2 (artist_genres, audio_features, lastfm_track_tags,
// lastfm_track_stats, lastfm_artist_tags). Enrichment (Spotify, Last.fm, catalogue dumps) fills
// them; until then they are published empty with their schemas, so readers and the gold layer
// can rely on them existing. Their schemas live together because they change together.
// artist_genres holds the genres of the Spotify artist responses (source "spotify"), keyed by the
// artist row they describe, in the response's order.
#include "pipeline/silver/silver_tables.h"
#include "pipeline/silver/spotify_objects.h"

namespace uw::silver {
namespace {

LakeTable Empty(std::string name, std::vector<parquet::Field> fields,
                  std::vector<std::string> key) {
  parquet::Schema schema(std::move(fields));
  return {std::move(name), schema, {}, std::move(key), SinglePartition(parquet::Batch(schema))};
}

void AddSpotifyGenres(const Catalog& catalog, parquet::Batch& rows) {
  for (const auto& [id, artist] : catalog.artists) {
    if (artist.spotify == nullptr || !artist.spotify->genres) continue;
    for (const std::string& genre : *artist.spotify->genres) {  // distinct, none empty
      rows.column(0).AppendString(id);
      rows.column(1).AppendString(genre);
      rows.column(2).AppendString("spotify");
    }
  }
}

}  // namespace

std::vector<LakeTable> EnrichmentTables(const Catalog& catalog) {
  using parquet::ColumnType;
  std::vector<LakeTable> tables;
  tables.push_back(Empty("artist_genres",
                         {{"artist_id", ColumnType::kString, false},
                          {"genre", ColumnType::kString, false},
                          {"source", ColumnType::kString, false}},
                         {"artist_id", "genre", "source"}));
  AddSpotifyGenres(catalog, tables.back().partitions.front().rows);
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
