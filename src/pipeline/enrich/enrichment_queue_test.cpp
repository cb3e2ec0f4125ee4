#include "pipeline/enrich/enrichment_queue.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/lake_paths.h"
#include "generator/generator.h"
#include "pipeline/bronze/import_exports.h"
#include "pipeline/enrich/discovered_ids.h"
#include "pipeline/enrich/search_decisions.h"
#include "pipeline/silver/build_silver.h"
#include "pipeline/tables/read_table.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::enrich {
namespace {

constexpr int64_t kT0 = 1'750'000'000'000;
constexpr int64_t kDay = 86'400'000;

const char* kTrackJson =
    "{\"album\":{\"id\":\"alb1\",\"name\":\"A\"},\"artists\":[{\"id\":\"art1\",\"name\":\"X\"},"
    "{\"id\":\"art2\",\"name\":\"Y\"}],\"id\":\"t1\",\"name\":\"T\"}";

TEST(DiscoverIds, TrackNamesItsAlbumAndArtistsEpisodeItsShow) {
  using P = std::pair<ObjectKind, std::string>;
  EXPECT_EQ(DiscoverIds(ObjectKind::kTracks, kTrackJson),
            (std::vector<P>{{ObjectKind::kAlbums, "alb1"}, {ObjectKind::kArtists, "art1"},
                            {ObjectKind::kArtists, "art2"}}));
  EXPECT_EQ(DiscoverIds(ObjectKind::kEpisodes, "{\"id\":\"e\",\"show\":{\"id\":\"s1\"}}"),
            (std::vector<P>{{ObjectKind::kShows, "s1"}}));
  EXPECT_TRUE(DiscoverIds(ObjectKind::kAlbums, "{\"artists\":[{\"id\":\"a\"}]}").empty());
  EXPECT_TRUE(DiscoverIds(ObjectKind::kTracks, "{\"album\":null,\"artists\":[null]}").empty());
  EXPECT_TRUE(DiscoverIds(ObjectKind::kTracks, "garbage").empty());
}

TEST(EnrichmentQueue, DueIsKnownMinusFetchedMinusWaitingInIdOrder) {
  EnrichmentQueue queue;
  for (const char* id : {"c", "a", "b", "d", "name:0123456789abcdef", ""}) queue.AddKnown(ObjectKind::kTracks, id);
  queue.MarkFetched(ObjectKind::kTracks, "b");
  EnrichmentState state;
  state.RecordNotFound("tracks", "c", kT0, false);
  state.RecordFailure("tracks", "d", kT0, 503, "HTTP 503");
  EXPECT_EQ(queue.Due(ObjectKind::kTracks, state, kT0), (std::vector<std::string>{"a"}));
  // The failure is due after 15 minutes, the not-found after 7 days.
  EXPECT_EQ(queue.Due(ObjectKind::kTracks, state, kT0 + kDay), (std::vector<std::string>{"a", "d"}));
  EXPECT_EQ(queue.Due(ObjectKind::kTracks, state, kT0 + 7 * kDay), (std::vector<std::string>{"a", "c", "d"}));
  EXPECT_TRUE(queue.Due(ObjectKind::kArtists, state, kT0).empty());
  EXPECT_EQ(queue.known(ObjectKind::kTracks).size(), 4u);
}

TEST(EnrichmentQueue, BronzeObjectsAreDoneAndNameTheirRelatives) {
  storage::MemoryStore lake("enrich-queue-bronze");
  lake.Put(lake::BronzeSpotifyObject("tracks", "t1"), kTrackJson);
  lake.Put(lake::BronzeSpotifyObject("artists", "art1"), "{\"id\":\"art1\"}");
  lake.Put(lake::BronzeSpotifyObject("episodes", "e1"), "{\"id\":\"e1\",\"show\":{\"id\":\"s1\"}}");
  lake.Put(lake::BronzeSpotifySearch("track:\"T\" artist:\"X\""), "{\"tracks\":{\"items\":[]}}");
  EnrichmentQueue queue;
  EXPECT_EQ(AddBronzeIds(lake, queue), 2u);
  EnrichmentState none;
  EXPECT_TRUE(queue.IsFetched(ObjectKind::kTracks, "t1"));
  EXPECT_TRUE(queue.Due(ObjectKind::kTracks, none, kT0).empty());
  EXPECT_EQ(queue.Due(ObjectKind::kAlbums, none, kT0), (std::vector<std::string>{"alb1"}));
  EXPECT_EQ(queue.Due(ObjectKind::kArtists, none, kT0), (std::vector<std::string>{"art2"}));
  EXPECT_EQ(queue.Due(ObjectKind::kShows, none, kT0), (std::vector<std::string>{"s1"}));
  EXPECT_TRUE(queue.Due(ObjectKind::kEpisodes, none, kT0).empty());
}

class SilverQueueTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    generator::GeneratorOptions g;
    g.events = 1500;
    g.seed = 11;
    g.out = dir_->path() / "gen";
    generator::Generate(g);
  }
  static void TearDownTestSuite() { delete dir_; }
  static testing::TempDir* dir_;
};
testing::TempDir* SilverQueueTest::dir_ = nullptr;

TEST_F(SilverQueueTest, WithoutSilverSaysBuildFirst) {
  storage::MemoryStore lake("enrich-queue-no-silver");
  try {
    BuildQueue(lake);
    FAIL() << "expected kNotFound";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
    EXPECT_NE(std::string(e.what()).find("run `unwrapped build` first"), std::string::npos) << e.what();
  }
}

TEST_F(SilverQueueTest, SilverIdsAreQueuedAndNameOnlyTracksSearched) {
  storage::MemoryStore lake("enrich-queue-silver");
  bronze::ImportExports(lake, {dir_->path() / "gen" / "export"}, bronze::ImportOptions{});
  silver::BuildSilver(lake, {});
  const parquet::Batch tracks =
      tables::ReadTable(lake, lake::SilverTable("tracks"), {"track_id", "track_uri", "name_only"});
  size_t with_uri = 0, name_only = 0;
  for (size_t row = 0; row < tracks.num_rows(); ++row) {
    const bool by_name = tracks.column(2).GetBool(row);
    name_only += by_name;
    with_uri += !by_name && !tracks.column(1).IsNull(row) &&
                tracks.column(1).GetString(row).starts_with("spotify:track:");
  }
  ASSERT_GT(with_uri, 0u);

  // An accepted search decision adds its id.
  SearchDecisions decisions;
  decisions["name:aaaaaaaaaaaaaaaa"].track_id = "SearchedTrackId0000000";
  decisions["name:bbbbbbbbbbbbbbbb"].reason = "no results";
  SaveSearchDecisions(lake, decisions);

  const EnrichmentQueue queue = BuildQueue(lake);
  EXPECT_EQ(queue.known(ObjectKind::kTracks).size(), with_uri + 1);
  EXPECT_TRUE(queue.known(ObjectKind::kTracks).contains("SearchedTrackId0000000"));
  EXPECT_EQ(queue.name_only().size(), name_only);
  for (const auto& [key, track] : queue.name_only()) {
    EXPECT_TRUE(key.starts_with("name:")) << key;
    EXPECT_FALSE(track.track_name.empty()) << key;
  }
  for (const ObjectKind kind : kAllKinds) {
    for (const std::string& id : queue.known(kind)) EXPECT_FALSE(id.starts_with("name:")) << id;
  }
  EXPECT_GT(queue.known(ObjectKind::kArtists).size(), 0u);
  EXPECT_GT(queue.known(ObjectKind::kAlbums).size(), 0u);
}

}  // namespace
}  // namespace uw::enrich
