// GET /v1/me/player/recently-played: windows, the 50-play horizon, late arrivals, cursors.
#include "fakes/fake_play_log.h"

#include <gtest/gtest.h>

#include "core/civil_time.h"
#include "fakes/fake_spotify.h"
#include "fakes/fake_test_support.h"

namespace uw::fakes {
namespace {

using test::Doc;
using test::MakeTrack;
using test::Str;

constexpr int64_t kStartMs = 1'700'000'000'000;  // 2023-11-14
constexpr int64_t kMinuteMs = 60'000;

class FakeRecentlyPlayedTest : public ::testing::Test {
 protected:
  FakeRecentlyPlayedTest() : token_(fake_.IssueAccessToken()) {
    fake_.SetNowMs(kStartMs + 1000 * kMinuteMs);
    for (int i = 0; i < 3; ++i) {
      tracks_.push_back(MakeTrack("Song " + std::to_string(i), "Artist"));
      fake_.AddTrack(tracks_.back());
    }
  }

  // Adds `n` plays, one every 4 minutes from kStartMs, cycling through the tracks.
  void AddPlays(int n) {
    for (int i = 0; i < n; ++i) fake_.AddPlay(tracks_[i % 3].id, kStartMs + i * 4 * kMinuteMs + 123);
  }

  test::Reply Fetch(const std::string& query) {
    return test::Get(fake_, "/v1/me/player/recently-played" + query, token_);
  }

  // played_at of every item, as ms.
  static std::vector<int64_t> PlayedAt(const Doc& doc) {
    std::vector<int64_t> out;
    for (simdjson::dom::element item : doc["items"].get_array()) {
      out.push_back(*core::ParseIsoUtcMillis(Str(item["played_at"])));
    }
    return out;
  }

  FakeSpotify fake_;
  std::string token_;
  std::vector<TrackSpec> tracks_;
};

TEST_F(FakeRecentlyPlayedTest, NewestFirstWithStringCursors) {
  AddPlays(3);
  fake_.AddPlay(tracks_[0].id, kStartMs + 20 * kMinuteMs, "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M");
  const test::Reply reply = Fetch("?limit=50");
  ASSERT_EQ(reply.status, 200) << reply.body;
  Doc doc(reply.body);
  const auto played = PlayedAt(doc);
  ASSERT_EQ(played.size(), 4u);
  EXPECT_TRUE(std::is_sorted(played.rbegin(), played.rend()));
  simdjson::dom::element first = doc["items"].at(0);
  EXPECT_EQ(Str(first["played_at"]), core::FormatIsoMillis(kStartMs + 20 * kMinuteMs));
  EXPECT_EQ(Str(first["track"]["id"]), tracks_[0].id);
  EXPECT_EQ(Str(first["context"]["type"]), "playlist");
  EXPECT_EQ(Str(first["context"]["uri"]), "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M");
  EXPECT_TRUE(doc["items"].at(1)["context"].is_null());
  EXPECT_EQ(Str(doc.root()["cursors"]["after"]), std::to_string(played.front()));
  EXPECT_EQ(Str(doc.root()["cursors"]["before"]), std::to_string(played.back()));
  EXPECT_TRUE(doc["next"].is_null());
  EXPECT_EQ(doc["limit"].get_int64().value(), 50);
  EXPECT_NE(Str(doc["href"]).find("/v1/me/player/recently-played?limit=50"), std::string::npos);
}

TEST_F(FakeRecentlyPlayedTest, AfterAndBeforeAreExclusive) {
  AddPlays(5);
  const int64_t middle = kStartMs + 2 * 4 * kMinuteMs + 123;
  Doc after(Fetch("?limit=50&after=" + std::to_string(middle)).body);
  EXPECT_EQ(PlayedAt(after), (std::vector<int64_t>{middle + 8 * kMinuteMs, middle + 4 * kMinuteMs}));
  Doc before(Fetch("?limit=50&before=" + std::to_string(middle)).body);
  EXPECT_EQ(PlayedAt(before), (std::vector<int64_t>{middle - 4 * kMinuteMs, middle - 8 * kMinuteMs}));

  Doc none(Fetch("?after=" + std::to_string(middle + 8 * kMinuteMs)).body);
  EXPECT_TRUE(none["items"].get_array().value().size() == 0);
  EXPECT_TRUE(none["cursors"].is_null());
  EXPECT_TRUE(none["next"].is_null());

  EXPECT_EQ(Fetch("?after=1&before=2").status, 400);
  EXPECT_EQ(Fetch("?limit=0").status, 400);
  EXPECT_EQ(Fetch("?limit=51").status, 400);
  EXPECT_EQ(Fetch("?after=yesterday").status, 400);
}

TEST_F(FakeRecentlyPlayedTest, OnlyTheLast50AreReachable) {
  AddPlays(60);
  Doc all(Fetch("?limit=50").body);
  const auto played = PlayedAt(all);
  ASSERT_EQ(played.size(), 50u);
  EXPECT_EQ(played.front(), kStartMs + 59 * 4 * kMinuteMs + 123);
  EXPECT_TRUE(all["next"].is_null());
  Doc older(Fetch("?limit=50&before=" + std::to_string(played.back())).body);
  EXPECT_EQ(older["items"].get_array().value().size(), 0u);
}

TEST_F(FakeRecentlyPlayedTest, SmallPagesLinkBackwards) {
  AddPlays(5);
  Doc page1(Fetch("?limit=2").body);
  const auto first = PlayedAt(page1);
  ASSERT_EQ(first.size(), 2u);
  const std::string next = Str(page1["next"]);
  EXPECT_NE(next.find("before=" + std::to_string(first.back())), std::string::npos) << next;
  Doc page2(test::Get(fake_, next.substr(next.find("/v1/")), token_).body);
  const auto second = PlayedAt(page2);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_LT(second.front(), first.back());
}

TEST_F(FakeRecentlyPlayedTest, LateArrivalsAppearWhenVisible) {
  AddPlays(3);
  const int64_t now = fake_.NowMs();
  const int64_t offline_play = kStartMs + 5 * kMinuteMs;  // between the 2nd and 3rd play
  fake_.AddPlay(tracks_[2].id, offline_play, "", now + 30 * kMinuteMs);
  EXPECT_EQ(PlayedAt(Doc(Fetch("?limit=50").body)).size(), 3u);
  fake_.AdvanceMs(30 * kMinuteMs);
  const auto played = PlayedAt(Doc(Fetch("?limit=50").body));
  ASSERT_EQ(played.size(), 4u);
  EXPECT_EQ(played[1], offline_play);  // placed by played_at, not by arrival
  // A client polling after the newest play it saw misses it, like the real service.
  Doc after(Fetch("?after=" + std::to_string(kStartMs + 8 * kMinuteMs + 123)).body);
  EXPECT_EQ(after["items"].get_array().value().size(), 0u);
}

TEST_F(FakeRecentlyPlayedTest, PlaysOfUnknownTracksAreRefused) {
  EXPECT_THROW(fake_.AddPlay(FakeId("not added"), kStartMs), std::exception);
}

TEST(PlayLogTest, WindowTakesTheNewestOfTheVisiblePlays) {
  PlayLog log;
  for (int i = 0; i < 10; ++i) log.Add(Play{"t", i * 1000, "", i * 1000});
  log.Add(Play{"t", 4500, "", 20'000});  // arrives late
  PlayWindow window;
  window.limit = 3;
  window.after_ms = 2000;
  const PlayPage page = log.Query(window, 9000);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].played_at_ms, 9000);
  EXPECT_EQ(page.items[2].played_at_ms, 7000);
  EXPECT_TRUE(page.more_older);
  window.after_ms.reset();
  window.limit = 50;
  EXPECT_EQ(log.Query(window, 20'000).items.size(), 11u);
}

}  // namespace
}  // namespace uw::fakes
