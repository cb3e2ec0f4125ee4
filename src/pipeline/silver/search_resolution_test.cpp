// Name resolution by search (DESIGN §3 "Names"; docs/silver_rules.md): account-data plays the
// listener's own history leaves unresolved take the match the rule accepts on the search
// responses in bronze, with the result's artist and album ids; nothing else changes.
#include "pipeline/silver/search_resolution.h"

#include <gtest/gtest.h>

#include "core/civil_time.h"
#include "core/lake_paths.h"
#include "pipeline/silver/catalog.h"
#include "pipeline/silver/event_ids.h"
#include "pipeline/silver/search_fixture.h"
#include "storage/memory_store.h"

namespace uw::silver {
namespace {

using fixture::SearchResponse;

constexpr int64_t kT = 1'700'000'000'000;  // 2023-11-14T22:13:20Z

PlayRecord Account(const char* wall_clock, const std::string& track, const std::string& artist) {
  PlayRecord p;
  p.source = Source::kAccount;
  p.sources = kSeenByAccount;
  p.precision = Precision::kMinute;
  p.ended_at_ms = *core::ParseAccountEndTime(wall_clock) * 1000;
  p.track_name = track;
  p.artist_name = artist;
  p.ms_played = 180000;
  return p;
}

PlayRecord Extended(int64_t ended_ms, const std::string& uri, const std::string& track,
                    const std::string& artist) {
  PlayRecord p;
  p.source = Source::kExtended;
  p.sources = kSeenByExtended;
  p.ended_at_ms = ended_ms;
  p.track_uri = uri;
  p.track_name = track;
  p.artist_name = artist;
  p.ms_played = 180000;
  return p;
}

// Lands the response `enrich` would have to the first query for these names.
void LandSearch(storage::ObjectStore& lake, const std::string& track, const std::string& artist,
                const std::string& body) {
  lake.Put(lake::BronzeSpotifySearch(TrackSearchQueries(track, artist).front()), body);
}

ResolvedPlays Resolve(BronzePlays b, const storage::ObjectStore& lake) {
  const SearchResponses responses = SearchResponses::List(lake);
  ResolveOptions o;
  o.account_zone = "UTC";
  o.search = &responses;
  return ResolvePlays(std::move(b), o);
}

TEST(SearchResolution, AccountOnlyPlaysTakeAnAcceptedMatchWithItsIds) {
  storage::MemoryStore lake("search-resolution-1");
  LandSearch(lake, "Yellow", "Coldplay",
             SearchResponse({{"t1", "Yellow", {"Coldplay"}}, {"t2", "Yellow Submarine", {"The Beatles"}}}));
  BronzePlays b;
  // Two spellings of one name key: enrich searched one (the newest); both plays resolve.
  b.account = {Account("2023-11-15 08:00", "yellow", "COLDPLAY"),
               Account("2023-11-15 09:00", "Yellow", "Coldplay")};
  const ResolvedPlays r = Resolve(std::move(b), lake);
  ASSERT_EQ(r.music.size(), 2u);
  for (const PlayRecord& p : r.music) {
    EXPECT_EQ(p.resolved_uri, "spotify:track:t1");
    EXPECT_EQ(p.resolution, Resolution::kSearch);
    EXPECT_EQ(p.artist_id, "id-Coldplay");
    EXPECT_EQ(p.album_id, "al-t1");
  }
  EXPECT_EQ(r.summary.names_resolved_search, 2u);
  EXPECT_EQ(r.summary.names_resolved, 0u);
  EXPECT_EQ(r.summary.names_unresolved, 0u);
  // The event id follows the resolved URI: two plays, two ids.
  const EventIds ids(r.music);
  EXPECT_NE(ids.Of(0), ids.Of(1));
}

TEST(SearchResolution, TheNormalisedVariantQueryCanDecide) {
  storage::MemoryStore lake("search-resolution-2");
  const auto queries = TrackSearchQueries("Déjà Vu - 2011 Remaster", "Beyoncé");
  ASSERT_EQ(queries.size(), 2u);
  lake.Put(lake::BronzeSpotifySearch(queries[0]), SearchResponse({}));
  lake.Put(lake::BronzeSpotifySearch(queries[1]),
           SearchResponse({{"dv", "Déjà Vu - Remastered", {"Beyoncé", "Jay-Z"}}}));
  BronzePlays b;
  b.account = {Account("2023-11-15 08:00", "Déjà Vu - 2011 Remaster", "Beyoncé")};
  const ResolvedPlays r = Resolve(std::move(b), lake);
  ASSERT_EQ(r.music.size(), 1u);
  EXPECT_EQ(r.music[0].resolved_uri, "spotify:track:dv");
  EXPECT_EQ(r.music[0].artist_id, "id-Beyoncé");
}

TEST(SearchResolution, NoConfidentMatchStaysUnresolved) {
  storage::MemoryStore lake("search-resolution-3");
  LandSearch(lake, "Song", "Guest",  // two different songs feature the artist: ambiguous
             SearchResponse({{"t1", "Song", {"A", "Guest"}}, {"t2", "Song", {"B", "Guest"}}}));
  LandSearch(lake, "Yellow", "Coldplay", SearchResponse({{"t3", "Yellow", {"Someone Else"}}}));
  BronzePlays b;
  b.account = {Account("2023-11-15 08:00", "Song", "Guest"),
               Account("2023-11-15 09:00", "Yellow", "Coldplay"),
               Account("2023-11-15 10:00", "Never Searched", "Coldplay")};
  const ResolvedPlays r = Resolve(std::move(b), lake);
  ASSERT_EQ(r.music.size(), 3u);
  for (const PlayRecord& p : r.music) {
    EXPECT_EQ(p.resolution, Resolution::kUnseen) << std::string_view(p.track_name);
    EXPECT_TRUE(p.resolved_uri.empty());
    EXPECT_TRUE(p.artist_id.empty() && p.album_id.empty());
  }
  EXPECT_EQ(r.summary.names_resolved_search, 0u);
  EXPECT_EQ(r.summary.names_unresolved, 3u);
}

TEST(SearchResolution, OwnHistoryComesFirst) {
  storage::MemoryStore lake("search-resolution-4");
  LandSearch(lake, "Yellow", "Coldplay", SearchResponse({{"t1", "Yellow", {"Coldplay"}}}));
  BronzePlays b;
  b.extended = {Extended(kT, "spotify:track:own", "Yellow", "Coldplay")};
  b.account = {Account("2023-11-15 08:00", "Yellow", "Coldplay")};
  const ResolvedPlays r = Resolve(std::move(b), lake);
  ASSERT_EQ(r.music.size(), 2u);
  EXPECT_EQ(r.music[1].resolved_uri, "spotify:track:own");
  EXPECT_EQ(r.music[1].resolution, Resolution::kUnique);
  EXPECT_TRUE(r.music[1].artist_id.empty());
  EXPECT_EQ(r.summary.names_resolved, 1u);
  EXPECT_EQ(r.summary.names_resolved_search, 0u);
}

TEST(SearchResolution, WithoutResponsesNothingChanges) {
  BronzePlays b;
  b.account = {Account("2023-11-15 08:00", "Yellow", "Coldplay")};
  ResolveOptions o;
  o.account_zone = "UTC";
  const ResolvedPlays r = ResolvePlays(std::move(b), o);
  ASSERT_EQ(r.music.size(), 1u);
  EXPECT_EQ(r.music[0].resolution, Resolution::kUnseen);
  EXPECT_EQ(r.summary.names_unresolved, 1u);
}

// DESIGN §3: a name-only artist never fans out rows. The artist's id the search taught is the id
// of every play of that name, also of the plays no search resolved.
TEST(SearchResolution, TheArtistTakesOneIdAcrossItsPlays) {
  storage::MemoryStore lake("search-resolution-5");
  LandSearch(lake, "Yellow", "Coldplay", SearchResponse({{"t1", "Yellow", {"Coldplay"}}}));
  BronzePlays b;
  b.account = {Account("2023-11-15 08:00", "Yellow", "Coldplay"),
               Account("2023-11-15 09:00", "Clocks", "Coldplay")};
  const ResolvedPlays r = Resolve(std::move(b), lake);
  const Catalog catalog = BuildCatalog(r);
  ASSERT_EQ(catalog.artists.size(), 1u);
  EXPECT_EQ(catalog.artists.begin()->first, "id-Coldplay");
  EXPECT_FALSE(catalog.artists.begin()->second.name_only);
  EXPECT_EQ(catalog.artists.begin()->second.name, "Coldplay");
  ASSERT_EQ(catalog.music_ids.size(), 2u);
  EXPECT_EQ(catalog.music_ids[0].track_id, "t1");
  EXPECT_EQ(catalog.music_ids[0].album_id, "al-t1");
  EXPECT_EQ(catalog.music_ids[1].artist_id, "id-Coldplay");
  EXPECT_TRUE(catalog.music_ids[1].track_id.starts_with("name:"));  // Clocks: still by name
  EXPECT_EQ(catalog.tracks.at("t1").uri, "spotify:track:t1");
}

}  // namespace
}  // namespace uw::silver
