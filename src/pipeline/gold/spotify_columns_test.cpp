// Gold carries what silver learned from Spotify's catalogue responses: on a lake built by the
// real silver and gold builds from a small export plus responses (silver/spotify_fixture.h),
// dim_tracks, dim_artists, fact_plays and fact_podcast_plays hold the enriched values under
// their gold names; without responses the same columns are null.
#include <gtest/gtest.h>

#include "core/civil_time.h"
#include "core/lake_paths.h"
#include "pipeline/gold/build_gold.h"
#include "pipeline/silver/build_silver.h"
#include "pipeline/silver/catalog.h"
#include "pipeline/silver/spotify_fixture.h"
#include "pipeline/tables/read_table.h"
#include "storage/memory_store.h"

namespace uw::gold {
namespace {

using namespace silver::fixture;  // NOLINT: the fixture's ids read as the test's own

// The rows of gold `table` whose `key` column is `id`, as a batch of one table.
struct Rows {
  parquet::Batch batch;
  std::vector<size_t> rows;
};
Rows Find(const storage::ObjectStore& lake, const std::string& table, const std::string& key,
          const std::string& id) {
  Rows out{tables::ReadTable(lake, lake::GoldTable(table)), {}};
  for (size_t r = 0; r < out.batch.num_rows(); ++r) {
    const auto& column = out.batch.column(key);
    if (!column.IsNull(r) && column.GetString(r) == id) out.rows.push_back(r);
  }
  return out;
}

void BuildLake(storage::MemoryStore& lake, bool with_responses) {
  testing::TempDir dir;
  FillExport(lake, dir);
  if (with_responses) {
    Land(lake, Responses());
    Land(lake, BadResponses());
  }
  silver::SilverBuildOptions silver;
  silver.listener_zone = "UTC";
  silver::BuildSilver(lake, silver);
  BuildGold(lake, {});
}

TEST(GoldSpotifyColumns, DimensionsAndFactsCarryTheEnrichedValues) {
  storage::MemoryStore lake("gold-spotify-columns");
  BuildLake(lake, true);
  const std::string killers = silver::NameId("artist", {"The Killers"});

  const Rows track = Find(lake, "dim_tracks", "track_id", kBrightside);
  ASSERT_EQ(track.rows.size(), 1u);
  const size_t t = track.rows[0];
  const parquet::Batch& d = track.batch;
  EXPECT_EQ(d.column("duration_ms").GetInt64(t), 222200);
  EXPECT_FALSE(d.column("explicit").GetBool(t));
  EXPECT_EQ(d.column("track_popularity").GetInt32(t), 73);
  EXPECT_EQ(d.column("isrc").GetString(t), "GBFFP0300052");
  EXPECT_EQ(d.column("track_number").GetInt32(t), 2);
  EXPECT_EQ(d.column("metadata_source").GetString(t), "spotify");
  EXPECT_EQ(d.column("album_type").GetString(t), "album");
  EXPECT_EQ(d.column("release_date").GetString(t), "2004-06-07");
  EXPECT_EQ(d.column("release_year").GetInt32(t), 2004);
  EXPECT_EQ(d.column("album_label").GetString(t), "Island Records");
  EXPECT_EQ(d.column("album_total_tracks").GetInt32(t), 11);
  EXPECT_EQ(d.column("album_upc").GetString(t), "602498616381");
  const Rows plain = Find(lake, "dim_tracks", "track_id", kNobodysSong);
  EXPECT_TRUE(plain.batch.column("metadata_source").IsNull(plain.rows.at(0)));
  EXPECT_TRUE(plain.batch.column("explicit").IsNull(plain.rows.at(0)));

  const Rows artist = Find(lake, "dim_artists", "artist_id", killers);
  ASSERT_EQ(artist.rows.size(), 1u);
  const size_t a = artist.rows[0];
  EXPECT_EQ(artist.batch.column("primary_genre").GetString(a), "modern rock");
  EXPECT_EQ(artist.batch.column("genres").GetString(a), "modern rock,permanent wave");
  EXPECT_EQ(artist.batch.column("spotify_id").GetString(a), kKillers);
  EXPECT_EQ(artist.batch.column("popularity").GetInt32(a), 80);
  EXPECT_EQ(artist.batch.column("followers").GetInt64(a), 49022656);
  EXPECT_EQ(artist.batch.column("metadata_source").GetString(a), "spotify");

  // Every play of the track carries its metadata, the genre of its artist and the days since
  // the album came out (2004-06-07 to 2024-03-01 and 2024-03-02, UTC).
  const Rows plays = Find(lake, "fact_plays", "track_id", kBrightside);
  ASSERT_EQ(plays.rows.size(), 2u);
  const int64_t released = core::DaysFromCivil(2004, 6, 7);
  for (size_t i = 0; i < plays.rows.size(); ++i) {
    const size_t r = plays.rows[i];
    EXPECT_EQ(plays.batch.column("track_metadata_source").GetString(r), "spotify");
    EXPECT_EQ(plays.batch.column("track_duration_ms").GetInt64(r), 222200);
    EXPECT_EQ(plays.batch.column("top_genre").GetString(r), "modern rock");
    EXPECT_EQ(plays.batch.column("album_label").GetString(r), "Island Records");
    const int64_t day = plays.batch.column("local_date").GetInt32(r);
    EXPECT_EQ(plays.batch.column("days_since_release").GetInt32(r), day - released);
  }
  EXPECT_DOUBLE_EQ(plays.batch.column("completion_pct").GetDouble(plays.rows[0]),
                   180000.0 / 222200.0);

  const Rows episode = Find(lake, "fact_podcast_plays", "episode_id", kEpisode);
  ASSERT_EQ(episode.rows.size(), 1u);
  const size_t e = episode.rows[0];
  EXPECT_EQ(episode.batch.column("episode_duration_ms").GetInt64(e), 8052140);
  EXPECT_EQ(episode.batch.column("episode_release_date").GetString(e), "2015-05-22");
  EXPECT_EQ(episode.batch.column("episode_metadata_source").GetString(e), "spotify");
  EXPECT_EQ(episode.batch.column("show_publisher").GetString(e), "Giant Bomb");
  EXPECT_EQ(episode.batch.column("show_metadata_source").GetString(e), "spotify");
}

TEST(GoldSpotifyColumns, WithoutResponsesTheColumnsAreNull) {
  storage::MemoryStore lake("gold-spotify-columns-none");
  BuildLake(lake, false);
  const parquet::Batch plays = tables::ReadTable(lake, lake::GoldTable("fact_plays"));
  ASSERT_GT(plays.num_rows(), 0u);
  for (const char* column : {"track_metadata_source", "explicit", "release_date", "top_genre"}) {
    EXPECT_EQ(plays.column(column).null_count(), plays.num_rows()) << column;
  }
  const parquet::Batch podcasts = tables::ReadTable(lake, lake::GoldTable("fact_podcast_plays"));
  EXPECT_EQ(podcasts.column("show_metadata_source").null_count(), podcasts.num_rows());
  const parquet::Batch artists = tables::ReadTable(lake, lake::GoldTable("dim_artists"));
  EXPECT_EQ(artists.column("followers").null_count(), artists.num_rows());
}

}  // namespace
}  // namespace uw::gold
