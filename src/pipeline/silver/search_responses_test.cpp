#include "pipeline/silver/search_responses.h"

#include <gtest/gtest.h>

#include "core/lake_paths.h"
#include "pipeline/silver/search_fixture.h"
#include "storage/memory_store.h"

namespace uw::silver {
namespace {

using fixture::SearchResponse;

TEST(SearchResponses, OnlyTheSearchKeysOfAListingCount) {
  storage::MemoryStore lake("search-responses-1");
  const std::string query = TrackSearchQueries("Yellow", "Coldplay").front();
  lake.Put(lake::BronzeSpotifySearch(query), SearchResponse({{"t1", "Yellow", {"Coldplay"}}}));
  lake.Put(lake::BronzeSpotifyObject("tracks", "t1"), "{}");
  const std::map<std::string, uint64_t> inputs = {
      {lake::BronzeSpotifyObject("tracks", "t1"), 2}, {lake::BronzeSpotifySearch(query), 10}};
  const SearchResponses among = SearchResponses::Among(lake, inputs);
  EXPECT_EQ(among.size(), 1u);
  EXPECT_TRUE(among.Body(query).has_value());
  EXPECT_FALSE(among.Body("track:\"x\" artist:\"y\"").has_value());
  EXPECT_EQ(SearchResponses::List(lake).size(), 1u);
  // A response the listing did not see is not read.
  EXPECT_FALSE(SearchResponses::Among(lake, {}).Body(query).has_value());
}

TEST(DecideFromBronze, AsksTheQueriesInOrderUntilOneIsAccepted) {
  storage::MemoryStore lake("search-responses-2");
  const auto queries = TrackSearchQueries("Déjà Vu (Live)", "Beyoncé");
  ASSERT_EQ(queries.size(), 2u);
  EXPECT_FALSE(DecideFromBronze(SearchResponses::List(lake), "Déjà Vu (Live)", "Beyoncé"));

  lake.Put(lake::BronzeSpotifySearch(queries[0]), SearchResponse({}));
  auto first_only = DecideFromBronze(SearchResponses::List(lake), "Déjà Vu (Live)", "Beyoncé");
  ASSERT_TRUE(first_only);  // searched, the variant not yet: no match
  EXPECT_EQ(first_only->queries, std::vector<std::string>{queries[0]});
  EXPECT_FALSE(first_only->decision.accepted());
  EXPECT_EQ(first_only->decision.reason, "no results");

  lake.Put(lake::BronzeSpotifySearch(queries[1]),
           SearchResponse({{"dv", "Déjà Vu (Live)", {"Beyoncé"}}}));
  auto both = DecideFromBronze(SearchResponses::List(lake), "Déjà Vu (Live)", "Beyoncé");
  ASSERT_TRUE(both);
  EXPECT_EQ(both->queries, queries);
  EXPECT_EQ(both->decision.track_id, "dv");
  EXPECT_EQ(both->decision.album_id, "al-dv");
}

TEST(DecideFromBronze, NamesMissingAreNeverSearched) {
  storage::MemoryStore lake("search-responses-3");
  EXPECT_FALSE(DecideFromBronze(SearchResponses::List(lake), "", "Coldplay"));
}

}  // namespace
}  // namespace uw::silver
