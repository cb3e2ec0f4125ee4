// The fact and dimension tables built from hand-made silver rows: the column lists of the gold
// contract (written out here, independently of the builders), keys and not-null columns that
// pass the publish checks, month partitions, and values of the derived columns.
#include "pipeline/gold/gold_tables.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "pipeline/gold/gold_fixture.h"
#include "pipeline/tables/table_checks.h"

namespace uw::gold {
namespace {

using fixture::Play;
using fixture::Utc;

std::vector<std::string> Names(const parquet::Schema& schema) {
  std::vector<std::string> names;
  for (const parquet::Field& f : schema.fields()) names.push_back(f.name);
  return names;
}

const std::vector<std::string> kLocalColumns = {
    "local_ts",  "local_utc_offset_s", "local_tz",  "local_date", "local_year",  "local_month",
    "local_day", "local_hour",         "local_dow", "is_weekend", "part_of_day", "season"};

std::vector<std::string> Concat(std::vector<std::vector<std::string>> parts) {
  std::vector<std::string> all;
  for (auto& part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

std::vector<Play> SamplePlays() {
  const int64_t t = Utc(2024, 3, 30, 22, 0);  // Saturday 23:00 in Berlin, the night DST starts
  Play incognito{"p3", Utc(2024, 4, 2, 8), 200000, "t2", "a2"};
  incognito.incognito = true;
  return {{"p1", t, 180000, "t1", "a1"},
          {"p2", t + 300000, 20000, "t2", "a2", "fwdbtn"},
          incognito,
          {"p4", Utc(2024, 4, 2, 9), 0, "t3", ""}};
}

tables::LakeTable FactPlays(const std::vector<Play>& plays) {
  GoldOptions options;
  options.listener_zone = "Europe/Berlin";
  const GoldPlays g = BuildGoldPlays(fixture::ListeningEvents(plays),
                                     fixture::SilverFor(plays, {{"t1", 200000}}), options);
  return FactPlaysTable(g);
}

TEST(FactPlays, ColumnsFollowTheContractAndPassTheChecks) {
  const tables::LakeTable table = FactPlays(SamplePlays());
  const std::vector<std::string> expected = Concat({
      {"event_id",       "ended_at",     "started_at",   "ms_played",   "ms_played_estimated",
       "track_id",       "track_uri",    "track_name",   "artist_id",   "artist_name",
       "album_id",       "album_name",   "context_type", "context_uri", "platform",
       "platform_raw",   "conn_country", "reason_start", "reason_end",  "shuffle",
       "skipped",        "is_skip",      "is_stream",    "offline",     "offline_at",
       "incognito_mode", "source",       "sources"},
      kLocalColumns,
      {"track_duration_ms",
       "explicit",
       "track_popularity",
       "isrc",
       "album_type",
       "release_date",
       "release_year",
       "album_popularity",
       "album_label",
       "days_since_release",
       "track_metadata_source",
       "completion_pct",
       "is_complete",
       "top_genre",
       "top_tag",
       "danceability",
       "energy",
       "valence",
       "tempo",
       "acousticness",
       "instrumentalness",
       "speechiness",
       "loudness",
       "liveness",
       "key",
       "mode",
       "time_signature",
       "mood_quadrant",
       "session_id",
       "session_position",
       "is_first_play_of_track",
       "is_first_play_of_artist",
       "counted"},
  });
  EXPECT_EQ(Names(table.schema), expected);
  EXPECT_EQ(table.key, std::vector<std::string>{"event_id"});
  EXPECT_EQ(table.partition_columns, (std::vector<std::string>{"year", "month"}));
  EXPECT_TRUE(tables::CheckTable(table).empty());
  ASSERT_EQ(table.partitions.size(), 2u);  // March and April 2024 (UTC)
  EXPECT_EQ(table.partitions[0].values.at("month"), "3");
  EXPECT_EQ(table.partitions[1].values.at("month"), "4");
}

TEST(FactPlays, DerivedValues) {
  const tables::LakeTable table = FactPlays(SamplePlays());
  const parquet::Batch& march = table.partitions[0].rows;
  ASSERT_EQ(march.num_rows(), 2u);
  EXPECT_EQ(march.column("local_ts").GetString(0), "2024-03-30T23:00:00");
  EXPECT_TRUE(march.column("is_weekend").GetBool(0));
  EXPECT_EQ(march.column("part_of_day").GetString(0), "evening");
  EXPECT_EQ(march.column("season").GetString(0), "spring");
  EXPECT_DOUBLE_EQ(march.column("completion_pct").GetDouble(0), 0.9);
  EXPECT_TRUE(march.column("is_complete").GetBool(0));  // trackdone
  EXPECT_EQ(march.column("track_duration_ms").GetInt64(0), 200000);
  EXPECT_TRUE(march.column("completion_pct").IsNull(1));  // t2: no duration
  EXPECT_FALSE(march.column("is_complete").GetBool(1));
  EXPECT_TRUE(march.column("mood_quadrant").IsNull(0));  // no audio features yet
  EXPECT_TRUE(march.column("energy").IsNull(0));
  EXPECT_TRUE(march.column("top_genre").IsNull(0));
  EXPECT_EQ(march.column("session_id").GetInt64(0), Utc(2024, 3, 30, 22) - 180000);
  EXPECT_EQ(march.column("session_position").GetInt32(1), 2);

  const parquet::Batch& april = table.partitions[1].rows;
  ASSERT_EQ(april.num_rows(), 2u);
  EXPECT_EQ(april.column("local_utc_offset_s").GetInt32(0), 7200);  // summer time by now
  EXPECT_FALSE(april.column("counted").GetBool(0));                 // incognito
  EXPECT_FALSE(april.column("is_first_play_of_track").GetBool(0));  // t2 played in March
  EXPECT_FALSE(april.column("counted").GetBool(1));                 // 0 ms
  EXPECT_TRUE(april.column("is_first_play_of_track").GetBool(1));
  EXPECT_FALSE(april.column("is_first_play_of_artist").GetBool(1));  // no artist
  EXPECT_TRUE(april.column("artist_id").IsNull(1));
}

TEST(FactPodcastPlays, SilverFromAnotherVersionIsAClearError) {
  parquet::Batch events{parquet::Schema(
      std::vector<parquet::Field>{{"event_id", parquet::ColumnType::kString, false},
                                  {"ended_at", parquet::ColumnType::kTimestamp, false}})};
  // A batch without podcast columns is silver from another version: a clear error.
  EXPECT_THROW(FactPodcastPlaysTable(events, {}), Error);
}

TEST(DimTables, ColumnsFollowTheContractAndRowsAreTheSilverDimensions) {
  const std::vector<Play> plays = SamplePlays();
  const GoldPlays g =
      BuildGoldPlays(fixture::ListeningEvents(plays), fixture::SilverFor(plays), {});
  const tables::LakeTable tracks = DimTracksTable(g);
  EXPECT_EQ(Names(tracks.schema), (std::vector<std::string>{"track_id",
                                                            "track_uri",
                                                            "track_name",
                                                            "artist_id",
                                                            "artist_name",
                                                            "album_id",
                                                            "album_name",
                                                            "duration_ms",
                                                            "name_only",
                                                            "first_played_at",
                                                            "last_played_at",
                                                            "album_type",
                                                            "release_date",
                                                            "release_year",
                                                            "album_label",
                                                            "album_popularity",
                                                            "explicit",
                                                            "track_popularity",
                                                            "isrc",
                                                            "track_number",
                                                            "disc_number",
                                                            "is_local",
                                                            "metadata_source",
                                                            "release_date_precision",
                                                            "album_total_tracks",
                                                            "album_upc",
                                                            "album_image_url",
                                                            "top_tag",
                                                            "lastfm_listeners",
                                                            "lastfm_playcount",
                                                            "danceability",
                                                            "energy",
                                                            "valence",
                                                            "tempo",
                                                            "acousticness",
                                                            "instrumentalness",
                                                            "speechiness",
                                                            "loudness",
                                                            "liveness",
                                                            "key",
                                                            "mode",
                                                            "time_signature"}));
  EXPECT_EQ(tracks.num_rows(), 3u);
  EXPECT_TRUE(tables::CheckTable(tracks).empty());

  const tables::LakeTable artists = DimArtistsTable(g);
  EXPECT_EQ(Names(artists.schema),
            (std::vector<std::string>{"artist_id", "artist_uri", "artist_name", "name_only",
                                      "primary_genre", "genres", "top_tag", "lastfm_tags",
                                      "combined_genres", "spotify_id", "popularity", "followers",
                                      "image_url", "metadata_source"}));
  EXPECT_EQ(artists.num_rows(), 2u);
  EXPECT_TRUE(tables::CheckTable(artists).empty());
}

TEST(DimArtists, GenresAndTagsRankedAndCombined) {
  const std::vector<Play> plays = {{"p1", Utc(2024, 1, 1), 1000, "t1", "a1"}};
  SilverInputs silver = fixture::SilverFor(plays);
  for (const char* genre : {"Indie Pop", "dream pop"}) {
    silver.artist_genres.column("artist_id").AppendString("a1");
    silver.artist_genres.column("genre").AppendString(genre);
    silver.artist_genres.column("source").AppendString("spotify");
  }
  for (const auto& [tag, count] :
       {std::pair{"shoegaze", 40}, std::pair{"indie pop", 90}, std::pair{"dreamy", 40}}) {
    silver.lastfm_artist_tags.column("artist_id").AppendString("a1");
    silver.lastfm_artist_tags.column("tag").AppendString(tag);
    silver.lastfm_artist_tags.column("count").AppendInt32(count);
  }
  const GoldPlays g = BuildGoldPlays(fixture::ListeningEvents(plays), std::move(silver), {});
  const tables::LakeTable table = DimArtistsTable(g);
  const parquet::Batch& rows = table.partitions[0].rows;
  ASSERT_EQ(rows.num_rows(), 1u);
  EXPECT_EQ(rows.column("primary_genre").GetString(0), "Indie Pop");
  EXPECT_EQ(rows.column("genres").GetString(0), "Indie Pop,dream pop");
  EXPECT_EQ(rows.column("top_tag").GetString(0), "indie pop");
  EXPECT_EQ(rows.column("lastfm_tags").GetString(0), "indie pop,dreamy,shoegaze");
  EXPECT_EQ(rows.column("combined_genres").GetString(0), "Indie Pop,dream pop,dreamy,shoegaze");
}

}  // namespace
}  // namespace uw::gold
