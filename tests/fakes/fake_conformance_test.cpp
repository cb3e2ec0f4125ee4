// Conformance against recorded real responses (../shared/samples/spotify-web-api-java): every key
// path of a sample exists in the fake's answer to the same request, except the fields the
// Feb-2026 rules removed when development mode is on. Skips when ../shared is absent.
#include <gtest/gtest.h>

#include <set>

#include "testing/testing.h"
#include "fakes/fake_spotify.h"
#include "fakes/fake_test_support.h"

namespace uw::fakes {
namespace {

using test::Doc;
using test::MakeTrack;

// Key paths such as "items[].track.album.name"; arrays contribute every element's keys.
void CollectPaths(simdjson::dom::element e, const std::string& path, std::set<std::string>& out) {
  if (e.is_object()) {
    for (auto [key, value] : e.get_object()) {
      const std::string child = path.empty() ? std::string(key) : path + "." + std::string(key);
      out.insert(child);
      CollectPaths(value, child, out);
    }
  } else if (e.is_array()) {
    for (simdjson::dom::element item : e.get_array()) CollectPaths(item, path + "[]", out);
  }
}

std::set<std::string> Paths(const std::string& json) {
  Doc doc(json);
  std::set<std::string> paths;
  CollectPaths(doc.root(), "", paths);
  return paths;
}

// The fields the Feb-2026 changelog removed for Development-Mode apps (formats.md §3.2).
bool RemovedInDevelopmentMode(const std::string& path) {
  for (std::string_view field : {"popularity", "followers", "label", "available_markets", "linked_from",
                                 "publisher", "album_group"}) {
    const std::string name(field);
    if (path == name || path.ends_with("." + name) || path.find("." + name + ".") != std::string::npos ||
        path.rfind(name + ".", 0) == 0) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> Missing(const std::string& sample, const std::string& ours, bool development_mode) {
  const std::set<std::string> have = Paths(ours);
  std::vector<std::string> missing;
  for (const std::string& path : Paths(sample)) {
    if (development_mode && RemovedInDevelopmentMode(path)) continue;
    if (!have.count(path)) missing.push_back(path);
  }
  return missing;
}

class FakeConformanceTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    const auto shared = uw::testing::SharedDir();
    if (!shared) GTEST_SKIP() << "../shared is absent";
    samples_ = *shared / "samples" / "spotify-web-api-java";
    if (!std::filesystem::exists(samples_)) GTEST_SKIP() << samples_ << " is absent";
    fake_.SetDevelopmentMode(GetParam());
    token_ = fake_.IssueAccessToken();
    track_ = MakeTrack("Mr. Brightside", "The Killers", "Hot Fuss");
    fake_.AddTrack(track_);
    fake_.AddArtist(ArtistSpec{track_.artists[0].id, "The Killers", {"rock"}});
    AlbumSpec album = track_.album;
    album.genres = {"rock"};
    fake_.AddAlbum(album);
    show_.id = FakeId("show");
    show_.name = "Show";
    fake_.AddShow(show_);
    episode_.id = FakeId("episode");
    episode_.name = "Episode";
    episode_.show = show_;
    fake_.AddEpisode(episode_);
    fake_.AddPlay(track_.id, fake_.NowMs() - 600'000, "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M");
    fake_.AddPlay(track_.id, fake_.NowMs() - 300'000);
    fake_.AddPlay(track_.id, fake_.NowMs() - 100'000);
  }

  // `sample_file` relative to spotify-web-api-java/ (or "../zmb3-spotify/...").
  void ExpectConforms(const std::string& sample_file, const std::string& ours) {
    const std::string sample = uw::testing::ReadFile(samples_ / sample_file);
    const auto missing = Missing(sample, ours, GetParam());
    EXPECT_TRUE(missing.empty()) << sample_file << " has keys we lack: " << ::testing::PrintToString(missing);
  }

  std::string Fetch(const std::string& target) {
    const test::Reply reply = test::Get(fake_, target, token_);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    return reply.body;
  }

  std::filesystem::path samples_;
  FakeSpotify fake_;
  std::string token_;
  TrackSpec track_;
  ShowSpec show_;
  EpisodeSpec episode_;
};

TEST_P(FakeConformanceTest, CatalogueObjects) {
  ExpectConforms("GetTrackRequest.json", Fetch("/v1/tracks/" + track_.id));
  ExpectConforms("GetArtistRequest.json", Fetch("/v1/artists/" + track_.artists[0].id));
  ExpectConforms("GetAlbumRequest.json", Fetch("/v1/albums/" + track_.album.id));
  ExpectConforms("GetEpisodeRequest.json", Fetch("/v1/episodes/" + episode_.id));
  ExpectConforms("GetShowRequest.json", Fetch("/v1/shows/" + show_.id));
}

TEST_P(FakeConformanceTest, RecentlyPlayedAndSearch) {
  ExpectConforms("GetCurrentUsersRecentlyPlayedTracksRequest.json",
                 Fetch("/v1/me/player/recently-played?limit=2"));
  // The zmb3 recording has a playlist context object; ours must carry its keys too.
  ExpectConforms("../zmb3-spotify/player_recently_played.txt", Fetch("/v1/me/player/recently-played?limit=50"));
  // The search sample has next and previous links; ask for a middle page so ours do too.
  for (int i = 0; i < 3; ++i) fake_.AddTrack(MakeTrack("Mr. Brightside", "Band " + std::to_string(i)));
  ExpectConforms("SearchTracksRequest.json",
                 Fetch("/v1/search?q=" + httplib::detail::encode_query_param("track:\"Mr. Brightside\"") +
                       "&type=track&limit=1&offset=1"));
}

TEST_P(FakeConformanceTest, BatchLookupWithUnknownId) {
  if (GetParam()) GTEST_SKIP() << "batch lookups are gone in development mode";
  ExpectConforms("../zmb3-spotify/find_tracks_notfound.txt",
                 Fetch("/v1/tracks?ids=" + track_.id + "," + FakeId("unknown")));
  ExpectConforms("GetSeveralTracksRequest.json", Fetch("/v1/tracks?ids=" + track_.id));
}

TEST_P(FakeConformanceTest, PkceRefreshReply) {
  fake_.SetRotateRefreshTokens(true);  // the PKCE sample carries a new refresh token
  const test::Reply reply = test::PostForm(fake_, "/api/token",
                                           {{"grant_type", "refresh_token"},
                                            {"refresh_token", fake_.IssueRefreshToken()},
                                            {"client_id", std::string(FakeSpotify::kClientId)}});
  ASSERT_EQ(reply.status, 200);
  ExpectConforms("AuthorizationCodePKCERefresh.json", reply.body);
  const test::Reply invalid = test::PostForm(fake_, "/api/token",
                                             {{"grant_type", "refresh_token"},
                                              {"refresh_token", "x"},
                                              {"client_id", "unknownclient"}});
  ExpectConforms("auth-invalid-client.json", invalid.body);
}

TEST(FakeConformancePathsTest, MissingKeysAreReported) {
  EXPECT_EQ(Missing(R"({"a":1,"b":{"c":[{"d":1}]}})", R"({"a":2,"b":{"c":[]}})", false),
            std::vector<std::string>{"b.c[].d"});
  EXPECT_TRUE(Missing(R"({"popularity":1,"album":{"available_markets":[]}})", R"({"album":{}})", true).empty());
}

INSTANTIATE_TEST_SUITE_P(Modes, FakeConformanceTest, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "DevelopmentMode" : "ExtendedMode"; });

}  // namespace
}  // namespace uw::fakes
