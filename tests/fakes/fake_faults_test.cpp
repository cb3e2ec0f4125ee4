// Every fault kind is observable by a client, hits only what it should and leaves no trace.
#include "fakes/fake_faults.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fakes/fake_json.h"
#include "fakes/fake_spotify.h"
#include "fakes/fake_test_support.h"

namespace uw::fakes {
namespace {

using test::Doc;
using test::MakeTrack;
using test::Str;

class FakeFaultsTest : public ::testing::Test {
 protected:
  FakeFaultsTest() : token_(fake_.IssueAccessToken()) {
    track_ = MakeTrack("Timber", "Pitbull");
    track_.duration_ms = 204053;
    track_.popularity = 85;
    other_ = MakeTrack("Other", "Pitbull");
    fake_.AddTrack(track_);
    fake_.AddTrack(other_);
    fake_.AddArtist(ArtistSpec{track_.artists[0].id, "Pitbull", {}, 49022656, 85});
  }

  test::Reply Fetch(const std::string& target, int timeout_ms = 10000) {
    return test::Get(fake_, target, token_, timeout_ms);
  }
  test::Reply FetchTrack() { return Fetch("/v1/tracks/" + track_.id); }

  FakeSpotify fake_;
  std::string token_;
  TrackSpec track_;
  TrackSpec other_;
};

TEST_F(FakeFaultsTest, RateLimitCarriesRetryAfterAndHasNoEffect) {
  Fault fault;
  fault.kind = FaultKind::k429;
  fault.retry_after_seconds = 7;
  fake_.QueueFault(fault);
  const test::Reply limited = FetchTrack();
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.Header("Retry-After"), "7");
  EXPECT_EQ(fake_.SuccessfulFetches("tracks", track_.id), 0);
  EXPECT_EQ(FetchTrack().status, 200);
  EXPECT_EQ(fake_.SuccessfulFetches("tracks", track_.id), 1);
  EXPECT_EQ(fake_.FaultsInjected(FaultKind::k429), 1);
  EXPECT_EQ(fake_.Requests()[0].fault, FaultKind::k429);
}

TEST_F(FakeFaultsTest, QuotaExceededHasItsReason) {
  fake_.QueueFault(Fault{FaultKind::k429QuotaExceeded});
  const test::Reply reply = FetchTrack();
  EXPECT_EQ(reply.status, 429);
  Doc doc(reply.body);
  EXPECT_EQ(Str(doc.root()["error"]["reason"]), "QUOTA_EXCEEDED");
  EXPECT_EQ(reply.Header("Retry-After"), "");
  EXPECT_EQ(Str(doc.root()["error"]["message"]), "Too many requests");
  EXPECT_EQ(doc.root()["error"]["status"].get_int64().value(), 429);
}

TEST_F(FakeFaultsTest, ServerErrorsInQueueOrder) {
  for (FaultKind kind : {FaultKind::k500, FaultKind::k502, FaultKind::k503}) fake_.QueueFault(Fault{kind});
  EXPECT_EQ(FetchTrack().status, 500);
  EXPECT_EQ(FetchTrack().status, 502);
  EXPECT_EQ(FetchTrack().status, 503);
  EXPECT_EQ(FetchTrack().status, 200);
  for (FaultKind kind : {FaultKind::k500, FaultKind::k502, FaultKind::k503}) EXPECT_EQ(fake_.FaultsInjected(kind), 1);
}

TEST_F(FakeFaultsTest, TimesRepeatsAFault) {
  Fault fault{FaultKind::k503};
  fault.times = 3;
  fake_.QueueFault(fault);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(FetchTrack().status, 503);
  EXPECT_EQ(FetchTrack().status, 200);
}

TEST_F(FakeFaultsTest, TimeoutHoldsTheAnswer) {
  Fault long_wait{FaultKind::kTimeout};
  long_wait.timeout_ms = 5000;
  fake_.QueueFault(long_wait);
  EXPECT_EQ(Fetch("/v1/tracks/" + track_.id, 200).status, 0);  // the client gave up first
  Fault short_wait{FaultKind::kTimeout};
  short_wait.timeout_ms = 10;
  fake_.QueueFault(short_wait);
  EXPECT_EQ(FetchTrack().status, 504);
  EXPECT_EQ(fake_.FaultsInjected(FaultKind::kTimeout), 2);
  EXPECT_EQ(fake_.SuccessfulFetches("tracks", track_.id), 0);
}

TEST_F(FakeFaultsTest, DroppedConnectionGetsNoResponse) {
  fake_.QueueFault(Fault{FaultKind::kDropConnection});
  httplib::Client client("127.0.0.1", fake_.port());
  const auto result = client.Get("/v1/tracks/" + track_.id, {{"Authorization", "Bearer " + token_}});
  EXPECT_FALSE(result);
  EXPECT_EQ(fake_.FaultsInjected(FaultKind::kDropConnection), 1);
  EXPECT_EQ(fake_.Requests()[0].status, 0);
  EXPECT_EQ(FetchTrack().status, 200);
}

TEST_F(FakeFaultsTest, DroppedConnectionSendsNotOneByte) {
  fake_.QueueFault(Fault{FaultKind::kDropConnection});
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(fake_.port()));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  const std::string request = "GET /v1/tracks/" + track_.id + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  ASSERT_EQ(send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
  char buffer[256];
  const ssize_t received = recv(fd, buffer, sizeof buffer, 0);  // EOF (0) or reset (-1), never data
  EXPECT_LE(received, 0);
  close(fd);
}

TEST_F(FakeFaultsTest, NullEntriesBlankKnownObjectsInBatches) {
  fake_.QueueFault(Fault{FaultKind::kNullEntries});
  FetchTrack();  // a single lookup does not consume it
  const test::Reply reply = Fetch("/v1/tracks?ids=" + track_.id + "," + other_.id);
  ASSERT_EQ(reply.status, 200);
  Doc doc(reply.body);
  EXPECT_TRUE(doc["tracks"].at(0).is_null());
  EXPECT_EQ(Str(doc["tracks"].at(1)["id"]), other_.id);
  EXPECT_EQ(fake_.SuccessfulFetches("tracks", track_.id), 1);  // the single lookup only
  EXPECT_EQ(fake_.SuccessfulFetches("tracks", other_.id), 1);
  EXPECT_EQ(fake_.FaultsInjected(FaultKind::kNullEntries), 1);
}

TEST_F(FakeFaultsTest, FloatsForIntsRendersIntegersAsDoubles) {
  fake_.QueueFault(Fault{FaultKind::kFloatsForInts});
  const test::Reply track = FetchTrack();
  EXPECT_NE(track.body.find("\"duration_ms\":204053.0"), std::string::npos) << track.body;
  Doc doc(track.body);
  EXPECT_TRUE(doc["duration_ms"].is_double());
  EXPECT_DOUBLE_EQ(doc["duration_ms"].get_double().value(), 204053.0);
  EXPECT_TRUE(doc["popularity"].is_double());
  EXPECT_TRUE(doc["track_number"].is_double());
  EXPECT_TRUE(doc.root()["album"]["images"].at(0)["height"].is_double());

  fake_.QueueFault(Fault{FaultKind::kFloatsForInts});
  const test::Reply artist = Fetch("/v1/artists/" + track_.artists[0].id);
  EXPECT_NE(artist.body.find("4.9022656E7"), std::string::npos) << artist.body;
  EXPECT_DOUBLE_EQ(Doc(artist.body).root()["followers"]["total"].get_double().value(), 49022656.0);

  EXPECT_TRUE(Doc(FetchTrack().body)["duration_ms"].is_int64());  // one-shot
}

TEST_F(FakeFaultsTest, ShuffledItemsAreOutOfOrder) {
  for (int i = 0; i < 6; ++i) fake_.AddPlay(track_.id, fake_.NowMs() - (i + 1) * 300'000);
  fake_.QueueFault(Fault{FaultKind::kShuffledItems});
  Doc doc(Fetch("/v1/me/player/recently-played?limit=50").body);
  std::vector<std::string> played;
  for (simdjson::dom::element item : doc["items"].get_array()) played.push_back(Str(item["played_at"]));
  ASSERT_EQ(played.size(), 6u);
  EXPECT_FALSE(std::is_sorted(played.rbegin(), played.rend()));
  EXPECT_EQ(Str(doc.root()["cursors"]["after"]).size(), 13u);  // cursors stay ms strings
}

TEST_F(FakeFaultsTest, InvalidGrantHitsTheNextRefreshOnly) {
  const std::string refresh = fake_.IssueRefreshToken();
  fake_.QueueFault(Fault{FaultKind::kInvalidGrant});
  EXPECT_EQ(FetchTrack().status, 200);  // API requests are not refreshes
  const httplib::Params form{{"grant_type", "refresh_token"},
                             {"refresh_token", refresh},
                             {"client_id", std::string(FakeSpotify::kClientId)}};
  const test::Reply refused = test::PostForm(fake_, "/api/token", form);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(Str(Doc(refused.body)["error"]), "invalid_grant");
  EXPECT_EQ(test::PostForm(fake_, "/api/token", form).status, 200);  // the token was not changed
  EXPECT_EQ(fake_.TokenGrants("refresh_token"), 1);
}

TEST_F(FakeFaultsTest, PathPrefixLimitsAFault) {
  Fault fault{FaultKind::k503};
  fault.path_prefix = "/v1/artists/";
  fake_.QueueFault(fault);
  EXPECT_EQ(FetchTrack().status, 200);
  EXPECT_EQ(Fetch("/v1/artists/" + track_.artists[0].id).status, 503);
}

TEST_F(FakeFaultsTest, FaultedTokenRequestDoesNotUseUpTheCode) {
  Fault fault{FaultKind::k503};
  fault.path_prefix = "/api/token";
  fake_.QueueFault(fault);
  const std::string refresh = fake_.IssueRefreshToken();
  fake_.SetRotateRefreshTokens(true);
  const httplib::Params form{{"grant_type", "refresh_token"},
                             {"refresh_token", refresh},
                             {"client_id", std::string(FakeSpotify::kClientId)}};
  EXPECT_EQ(test::PostForm(fake_, "/api/token", form).status, 503);
  EXPECT_EQ(test::PostForm(fake_, "/api/token", form).status, 200);  // not rotated away by the 503
}

TEST_F(FakeFaultsTest, ClearFaultsDropsThePlan) {
  fake_.QueueFault(Fault{FaultKind::k500});
  fake_.SetRandomFaults(1.0, {FaultKind::k502}, 1);
  fake_.ClearFaults();
  EXPECT_EQ(FetchTrack().status, 200);
}

// Statuses of `n` track lookups against a fresh fake with random faults.
std::vector<int> RandomRun(uint64_t seed, double rate, int n) {
  FakeSpotify fake;
  const TrackSpec track = MakeTrack("T", "A");
  fake.AddTrack(track);
  const std::string token = fake.IssueAccessToken();
  fake.SetRandomFaults(rate, {FaultKind::k429, FaultKind::k500, FaultKind::kShuffledItems}, seed);
  std::vector<int> statuses;
  for (int i = 0; i < n; ++i) statuses.push_back(test::Get(fake, "/v1/tracks/" + track.id, token).status);
  return statuses;
}

TEST(FakeRandomFaultsTest, DeterministicBySeedAndRate) {
  const std::vector<int> first = RandomRun(42, 0.5, 40);
  EXPECT_EQ(first, RandomRun(42, 0.5, 40));
  const auto faulted = std::count_if(first.begin(), first.end(), [](int s) { return s != 200; });
  EXPECT_GT(faulted, 5);
  EXPECT_LT(faulted, 35);
  for (int status : first) EXPECT_TRUE(status == 200 || status == 429 || status == 500) << status;
  EXPECT_NE(first, RandomRun(43, 0.5, 40));
  const std::vector<int> all = RandomRun(7, 1.0, 5);
  EXPECT_EQ(std::count(all.begin(), all.end(), 200), 0);
}

TEST(FakeFaultPlanTest, BodyFaultsWaitForAnEndpointTheyApplyTo) {
  FaultPlan plan;
  plan.Queue(Fault{FaultKind::kShuffledItems});
  EXPECT_FALSE(plan.Decide("/v1/tracks/x", Endpoint::kApiSingle));
  EXPECT_FALSE(plan.Decide("/v1/search", Endpoint::kSearch));
  const auto fault = plan.Decide("/v1/me/player/recently-played", Endpoint::kRecentlyPlayed);
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->kind, FaultKind::kShuffledItems);
  EXPECT_FALSE(plan.Decide("/v1/me/player/recently-played", Endpoint::kRecentlyPlayed));
}

}  // namespace
}  // namespace uw::fakes
