// Catalogue lookups (single, batch), development mode and search, over HTTP.
#include "fakes/fake_catalog.h"

#include <gtest/gtest.h>

#include "fakes/fake_search.h"
#include "fakes/fake_spotify.h"
#include "fakes/fake_test_support.h"

namespace uw::fakes {
namespace {

using test::Doc;
using test::Get;
using test::MakeTrack;
using test::Str;

bool Has(simdjson::dom::element object, std::string_view key) { return object[key].error() == simdjson::SUCCESS; }

class FakeCatalogTest : public ::testing::Test {
 protected:
  FakeCatalogTest() : token_(fake_.IssueAccessToken()) {
    track_ = MakeTrack("Mr. Brightside", "The Killers", "Hot Fuss");
    track_.duration_ms = 222200;
    fake_.AddTrack(track_);
    fake_.AddArtist(ArtistSpec{track_.artists[0].id, "The Killers", {"rock", "indie"}, 5000, 70});
    AlbumSpec album = track_.album;
    album.total_tracks = 11;
    fake_.AddAlbum(album);
    show_ = ShowSpec{FakeId("show:1"), "The Show"};
    fake_.AddShow(show_);
    EpisodeSpec episode;
    episode.id = FakeId("episode:1");
    episode.name = "Episode One";
    episode.show = show_;
    fake_.AddEpisode(episode);
    episode_id_ = episode.id;
  }

  test::Reply Fetch(const std::string& target) { return Get(fake_, target, token_); }

  FakeSpotify fake_;
  std::string token_;
  TrackSpec track_;
  ShowSpec show_;
  std::string episode_id_;
};

TEST_F(FakeCatalogTest, SingleLookupsAnswerFullObjects) {
  const test::Reply track = Fetch("/v1/tracks/" + track_.id);
  ASSERT_EQ(track.status, 200) << track.body;
  Doc t(track.body);
  EXPECT_EQ(Str(t["id"]), track_.id);
  EXPECT_EQ(Str(t["name"]), "Mr. Brightside");
  EXPECT_EQ(Str(t["type"]), "track");
  EXPECT_EQ(t["duration_ms"].get_int64().value(), 222200);
  EXPECT_EQ(Str(t.root()["artists"].at(0)["name"]), "The Killers");
  EXPECT_EQ(Str(t.root()["album"]["name"]), "Hot Fuss");
  EXPECT_EQ(Str(t.root()["external_ids"]["isrc"]), track_.isrc);
  EXPECT_TRUE(Has(t.root(), "popularity"));
  EXPECT_TRUE(Has(t.root(), "available_markets"));

  Doc artist(Fetch("/v1/artists/" + track_.artists[0].id).body);
  EXPECT_EQ(Str(artist["name"]), "The Killers");
  EXPECT_EQ(Str(artist.root()["genres"].at(1)), "indie");
  EXPECT_EQ(artist.root()["followers"]["total"].get_int64().value(), 5000);

  Doc album(Fetch("/v1/albums/" + track_.album.id).body);
  EXPECT_EQ(album["total_tracks"].get_int64().value(), 11);
  EXPECT_EQ(Str(album.root()["tracks"]["items"].at(0)["id"]), track_.id);
  EXPECT_EQ(Str(album["label"]), "Fake Records");

  Doc show(Fetch("/v1/shows/" + show_.id).body);
  EXPECT_EQ(Str(show["publisher"]), "Fake Publisher");
  EXPECT_EQ(Str(show.root()["episodes"]["items"].at(0)["id"]), episode_id_);

  Doc episode(Fetch("/v1/episodes/" + episode_id_).body);
  EXPECT_EQ(Str(episode["name"]), "Episode One");
  EXPECT_EQ(Str(episode.root()["show"]["id"]), show_.id);

  EXPECT_EQ(fake_.SuccessfulFetches("tracks", track_.id), 1);
  EXPECT_EQ(fake_.SuccessfulFetches("shows", show_.id), 1);
  EXPECT_EQ(fake_.SuccessfulFetches("artists", track_.id), 0);
}

TEST_F(FakeCatalogTest, UnknownIdIs404AndMalformedIdIs400) {
  const test::Reply unknown = Fetch("/v1/tracks/" + FakeId("nothing"));
  EXPECT_EQ(unknown.status, 404);
  Doc u(unknown.body);
  EXPECT_EQ(u.root()["error"]["status"].get_int64().value(), 404);
  EXPECT_EQ(Str(u.root()["error"]["message"]), "Resource not found");

  for (const std::string id : {"short", "0000000000000000000000x", "000000000000000000000-"}) {
    const test::Reply malformed = Fetch("/v1/tracks/" + id);
    EXPECT_EQ(malformed.status, 400) << id;
    EXPECT_EQ(Str(Doc(malformed.body).root()["error"]["message"]), "Invalid base62 id");
  }
  EXPECT_EQ(fake_.SuccessfulFetches("tracks", FakeId("nothing")), 0);
}

TEST_F(FakeCatalogTest, BatchKeepsOrderWithNullForUnknown) {
  const TrackSpec second = MakeTrack("Somebody Told Me", "The Killers", "Hot Fuss");
  fake_.AddTrack(second);
  const std::string unknown = FakeId("unknown");
  const test::Reply reply = Fetch("/v1/tracks?ids=" + second.id + "," + unknown + "," + track_.id);
  ASSERT_EQ(reply.status, 200) << reply.body;
  Doc doc(reply.body);
  simdjson::dom::array tracks = doc["tracks"].get_array();
  ASSERT_EQ(tracks.size(), 3u);
  EXPECT_EQ(Str(tracks.at(0)["id"]), second.id);
  EXPECT_TRUE(tracks.at(1).is_null());
  EXPECT_EQ(Str(tracks.at(2)["id"]), track_.id);
  EXPECT_EQ(fake_.SuccessfulFetches("tracks", track_.id), 1);
  EXPECT_EQ(fake_.SuccessfulFetches("tracks", unknown), 0);

  Doc shows(Fetch("/v1/shows?ids=" + show_.id).body);
  EXPECT_EQ(Str(shows.root()["shows"].at(0)["name"]), "The Show");
}

TEST_F(FakeCatalogTest, BatchRefusesTooManyOrMalformedIds) {
  auto ids = [](int n) {
    std::string list;
    for (int i = 0; i < n; ++i) list += (i ? "," : "") + FakeId(std::to_string(i));
    return list;
  };
  EXPECT_EQ(Fetch("/v1/tracks?ids=" + ids(50)).status, 200);
  EXPECT_EQ(Fetch("/v1/tracks?ids=" + ids(51)).status, 400);
  EXPECT_EQ(Fetch("/v1/albums?ids=" + ids(20)).status, 200);
  EXPECT_EQ(Fetch("/v1/albums?ids=" + ids(21)).status, 400);
  EXPECT_EQ(Fetch("/v1/tracks?ids=" + track_.id + ",bad").status, 400);
}

TEST_F(FakeCatalogTest, DevelopmentModeDropsFieldsAndBatchEndpoints) {
  fake_.SetDevelopmentMode(true);
  Doc track(Fetch("/v1/tracks/" + track_.id).body);
  EXPECT_FALSE(Has(track.root(), "popularity"));
  EXPECT_FALSE(Has(track.root(), "available_markets"));
  EXPECT_FALSE(Has(track.root()["album"], "available_markets"));
  EXPECT_TRUE(Has(track.root()["external_ids"], "isrc"));  // the ISRC removal was reverted
  Doc artist(Fetch("/v1/artists/" + track_.artists[0].id).body);
  EXPECT_FALSE(Has(artist.root(), "followers"));
  EXPECT_FALSE(Has(artist.root(), "popularity"));
  Doc album(Fetch("/v1/albums/" + track_.album.id).body);
  EXPECT_FALSE(Has(album.root(), "label"));
  Doc show(Fetch("/v1/shows/" + show_.id).body);
  EXPECT_FALSE(Has(show.root(), "publisher"));

  const test::Reply batch = Fetch("/v1/tracks?ids=" + track_.id);
  EXPECT_EQ(batch.status, 403);
  EXPECT_EQ(Doc(batch.body).root()["error"]["status"].get_int64().value(), 403);

  EXPECT_EQ(Fetch("/v1/search?q=x&type=track&limit=10").status, 200);
  EXPECT_EQ(Fetch("/v1/search?q=x&type=track&limit=11").status, 400);
  fake_.SetDevelopmentMode(false);
  EXPECT_EQ(Fetch("/v1/search?q=x&type=track&limit=11").status, 200);
}

TEST_F(FakeCatalogTest, RelinkedTrackAnswersForItsOldId) {
  TrackSpec relinked = MakeTrack("Relinked", "Someone");
  relinked.linked_from_id = FakeId("old id");
  fake_.AddTrack(relinked);
  Doc doc(Fetch("/v1/tracks/" + relinked.linked_from_id).body);
  EXPECT_EQ(Str(doc["id"]), relinked.id);
  EXPECT_EQ(Str(doc.root()["linked_from"]["id"]), relinked.linked_from_id);
}

TEST_F(FakeCatalogTest, SearchMatchesFieldFiltersCaseInsensitively) {
  fake_.AddTrack(MakeTrack("Mr. Brightside", "Cover Band"));
  fake_.AddTrack(MakeTrack("Human", "The Killers"));
  const std::string q = httplib::detail::encode_query_param(R"(track:"mr. brightside" artist:"the killers")");
  const test::Reply reply = Fetch("/v1/search?q=" + q + "&type=track&limit=5");
  ASSERT_EQ(reply.status, 200) << reply.body;
  Doc doc(reply.body);
  simdjson::dom::element tracks = doc["tracks"];
  EXPECT_EQ(tracks["total"].get_int64().value(), 1);
  EXPECT_EQ(tracks["limit"].get_int64().value(), 5);
  EXPECT_EQ(Str(tracks["items"].at(0)["id"]), track_.id);
  EXPECT_TRUE(tracks["next"].is_null());

  // Only the track filter: both Brightsides, in catalogue order, paged one at a time.
  Doc two(Fetch("/v1/search?q=" + httplib::detail::encode_query_param("track:\"Mr. Brightside\"") +
                "&type=track&limit=1")
              .body);
  EXPECT_EQ(two.root()["tracks"]["total"].get_int64().value(), 2);
  EXPECT_FALSE(two.root()["tracks"]["next"].is_null());

  // Bare text names a track or an artist.
  Doc bare(Fetch("/v1/search?q=human&type=track").body);
  EXPECT_EQ(bare.root()["tracks"]["total"].get_int64().value(), 1);
  Doc isrc(Fetch("/v1/search?q=isrc:" + track_.isrc + "&type=track").body);
  EXPECT_EQ(Str(isrc.root()["tracks"]["items"].at(0)["id"]), track_.id);
  Doc none(Fetch("/v1/search?q=" + httplib::detail::encode_query_param("track:\"Mr. Brightside\" artist:Nobody") +
                 "&type=track")
               .body);
  EXPECT_EQ(none.root()["tracks"]["total"].get_int64().value(), 0);

  const auto queries = fake_.SearchQueries();
  ASSERT_EQ(queries.size(), 5u);
  EXPECT_EQ(queries[0], R"(track:"mr. brightside" artist:"the killers")");
}

TEST_F(FakeCatalogTest, SearchLimitRules) {
  EXPECT_EQ(Fetch("/v1/search?q=x&type=track&limit=50").status, 200);
  const test::Reply too_many = Fetch("/v1/search?q=x&type=track&limit=51");
  EXPECT_EQ(too_many.status, 400);
  EXPECT_EQ(Str(Doc(too_many.body).root()["error"]["message"]), "Invalid limit");
  EXPECT_EQ(Fetch("/v1/search?q=x&type=track&limit=abc").status, 400);
  EXPECT_EQ(Fetch("/v1/search?type=track").status, 400);
  EXPECT_EQ(Fetch("/v1/search?q=x").status, 400);
  Doc defaults(Fetch("/v1/search?q=x&type=track").body);
  EXPECT_EQ(defaults.root()["tracks"]["limit"].get_int64().value(), 20);
}

TEST(FakeSearchQueryTest, ParsesFiltersAndBareText) {
  const SearchQuery q = ParseSearchQuery(R"(track:"Hey Jude" artist:Beatles  remastered year:1960-1970)");
  EXPECT_EQ(q.track, "Hey Jude");
  EXPECT_EQ(q.artist, "Beatles");
  EXPECT_EQ(q.text, "remastered");
  ASSERT_TRUE(q.years);
  EXPECT_EQ(q.years->first, 1960);
  EXPECT_EQ(q.years->second, 1970);
  const SearchQuery bare = ParseSearchQuery("Hey Jude");
  EXPECT_EQ(bare.text, "Hey Jude");
  EXPECT_FALSE(bare.track);
}

TEST(FakeCatalogIdsTest, FakeIdsAreWellFormedAndStable) {
  EXPECT_TRUE(IsBase62Id(FakeId("x")));
  EXPECT_EQ(FakeId("x"), FakeId("x"));
  EXPECT_NE(FakeId("x"), FakeId("y"));
  EXPECT_FALSE(IsBase62Id("3n3Ppam7vgaVa1iaRUc9L"));
  EXPECT_TRUE(IsBase62Id("3n3Ppam7vgaVa1iaRUc9Lp"));
}

}  // namespace
}  // namespace uw::fakes
