// The fake's accounts service and Web API authentication, driven over HTTP with httplib.
#include "fakes/fake_spotify.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <thread>

#include "core/base64.h"
#include "core/sha256.h"
#include "fakes/fake_accounts.h"
#include "fakes/fake_test_support.h"

namespace uw::fakes {
namespace {

using test::Doc;
using test::Get;
using test::PostForm;
using test::Str;

constexpr const char* kRedirect = "http://127.0.0.1:43210/callback";
constexpr const char* kVerifier = "a-verifier-of-the-required-length-0123456789-abcdefghijklmnopq";

// The S256 challenge computed independently of the fake (core's SHA-256, hex → bytes).
std::string ChallengeOf(const std::string& verifier) {
  const std::string hex = core::Sha256Hex(verifier);
  std::string bytes;
  for (size_t i = 0; i < hex.size(); i += 2) bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return core::Base64Url(bytes);
}

// The query parameters of a Location header.
std::map<std::string, std::string> LocationParams(const std::string& location) {
  httplib::Params params;
  const size_t question = location.find('?');
  if (question != std::string::npos) httplib::detail::parse_query_text(location.substr(question + 1), params);
  return {params.begin(), params.end()};
}

std::string AuthorizeTarget(const std::string& client_id, const std::string& redirect, const std::string& challenge) {
  return "/authorize?client_id=" + client_id + "&response_type=code&redirect_uri=" +
         httplib::detail::encode_query_param(redirect) + "&state=st4te&scope=user-read-recently-played" +
         "&code_challenge_method=S256&code_challenge=" + challenge;
}

test::Reply ExchangeCode(const FakeSpotify& fake, const std::string& code, const std::string& verifier,
                         const std::string& redirect = kRedirect) {
  return PostForm(fake, "/api/token",
                  {{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", redirect},
                   {"client_id", std::string(FakeSpotify::kClientId)}, {"code_verifier", verifier}});
}

test::Reply RefreshWith(const FakeSpotify& fake, const std::string& refresh_token,
                        const std::string& client_id = std::string(FakeSpotify::kClientId)) {
  return PostForm(fake, "/api/token",
                  {{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}, {"client_id", client_id}});
}

std::string OAuthError(const test::Reply& reply) { return Str(Doc(reply.body)["error"]); }

TEST(FakeSpotifyTest, ServesOnLoopbackUntilDestroyed) {
  auto fake = std::make_unique<FakeSpotify>();
  const int port = fake->port();
  ASSERT_GT(port, 0);
  EXPECT_EQ(fake->api_url(), "http://127.0.0.1:" + std::to_string(port) + "/v1");
  EXPECT_EQ(fake->accounts_url(), "http://127.0.0.1:" + std::to_string(port));
  EXPECT_EQ(Get(*fake, "/v1/tracks/0000000000000000000000").status, 401);
  fake.reset();
  httplib::Client client("127.0.0.1", port);
  EXPECT_FALSE(client.Get("/v1/tracks/0000000000000000000000"));
}

TEST(FakeSpotifyTest, PkceChallengeMatchesRfc7636Example) {
  EXPECT_EQ(PkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(FakeSpotifyTest, AuthorizationCodeWithPkceRoundTrip) {
  FakeSpotify fake;
  const test::Reply authorize =
      Get(fake, AuthorizeTarget(std::string(FakeSpotify::kClientId), kRedirect, ChallengeOf(kVerifier)));
  ASSERT_EQ(authorize.status, 302);
  const std::string location = authorize.Header("Location");
  EXPECT_EQ(location.rfind(std::string(kRedirect) + "?", 0), 0u) << location;
  auto params = LocationParams(location);
  EXPECT_EQ(params["state"], "st4te");
  const std::string code = params["code"];
  ASSERT_FALSE(code.empty());

  const test::Reply wrong_verifier = ExchangeCode(fake, code, std::string(kVerifier) + "x");
  EXPECT_EQ(wrong_verifier.status, 400);
  EXPECT_EQ(OAuthError(wrong_verifier), "invalid_grant");
  const test::Reply wrong_redirect = ExchangeCode(fake, code, kVerifier, "http://127.0.0.1:43211/callback");
  EXPECT_EQ(OAuthError(wrong_redirect), "invalid_grant");

  const test::Reply token = ExchangeCode(fake, code, kVerifier);
  ASSERT_EQ(token.status, 200) << token.body;
  Doc doc(token.body);
  EXPECT_EQ(Str(doc["token_type"]), "Bearer");
  EXPECT_EQ(doc["expires_in"].get_int64().value(), 3600);
  EXPECT_EQ(Str(doc["scope"]), "user-read-recently-played");
  EXPECT_FALSE(Str(doc["refresh_token"]).empty());
  const std::string access = Str(doc["access_token"]);
  EXPECT_EQ(Get(fake, "/v1/me/player/recently-played", access).status, 200);
  EXPECT_EQ(fake.TokenGrants("authorization_code"), 1);

  const test::Reply reused = ExchangeCode(fake, code, kVerifier);
  EXPECT_EQ(reused.status, 400);
  EXPECT_EQ(OAuthError(reused), "invalid_grant");
  EXPECT_EQ(fake.TokenGrants("authorization_code"), 1);

  // The refresh token from the exchange works.
  EXPECT_EQ(RefreshWith(fake, Str(doc["refresh_token"])).status, 200);
}

TEST(FakeSpotifyTest, AuthorizeRefusesBadRequestsAndPlaysADecliningUser) {
  FakeSpotify fake;
  const std::string challenge = ChallengeOf(kVerifier);
  EXPECT_EQ(Get(fake, AuthorizeTarget("unknownclient", kRedirect, challenge)).status, 400);
  EXPECT_EQ(Get(fake, AuthorizeTarget(std::string(FakeSpotify::kClientId), "http://localhost:8888/cb", challenge)).status,
            400);
  fake.AddClient("anotherclient");
  EXPECT_EQ(Get(fake, AuthorizeTarget("anotherclient", kRedirect, challenge)).status, 302);

  fake.SetUserDeclines(true);
  const test::Reply declined = Get(fake, AuthorizeTarget(std::string(FakeSpotify::kClientId), kRedirect, challenge));
  ASSERT_EQ(declined.status, 302);
  auto params = LocationParams(declined.Header("Location"));
  EXPECT_EQ(params["error"], "access_denied");
  EXPECT_EQ(params["state"], "st4te");
  EXPECT_EQ(params.count("code"), 0u);
}

TEST(FakeSpotifyTest, RefreshKeepsTheTokenWithoutRotation) {
  FakeSpotify fake;
  const std::string refresh = fake.IssueRefreshToken();
  for (int i = 0; i < 2; ++i) {
    const test::Reply reply = RefreshWith(fake, refresh);
    ASSERT_EQ(reply.status, 200) << reply.body;
    Doc doc(reply.body);
    EXPECT_EQ(doc.root()["refresh_token"].error(), simdjson::NO_SUCH_FIELD);
    EXPECT_EQ(Get(fake, "/v1/me/player/recently-played", Str(doc["access_token"])).status, 200);
  }
  EXPECT_EQ(fake.TokenGrants("refresh_token"), 2);
}

TEST(FakeSpotifyTest, RotatedRefreshTokenReplacesTheOldOne) {
  FakeSpotify fake;
  fake.SetRotateRefreshTokens(true);
  const std::string first = fake.IssueRefreshToken();
  const test::Reply reply = RefreshWith(fake, first);
  ASSERT_EQ(reply.status, 200);
  const std::string second = Str(Doc(reply.body)["refresh_token"]);
  EXPECT_NE(second, first);
  EXPECT_EQ(OAuthError(RefreshWith(fake, first)), "invalid_grant");
  EXPECT_EQ(RefreshWith(fake, second).status, 200);
}

TEST(FakeSpotifyTest, RevokedRefreshTokenIsInvalidGrant) {
  FakeSpotify fake;
  const std::string refresh = fake.IssueRefreshToken();
  fake.RevokeRefreshTokens();
  const test::Reply reply = RefreshWith(fake, refresh);
  EXPECT_EQ(reply.status, 400);
  Doc doc(reply.body);
  EXPECT_EQ(Str(doc["error"]), "invalid_grant");
  EXPECT_EQ(Str(doc["error_description"]), "Refresh token revoked");
  EXPECT_EQ(fake.TokenGrants("refresh_token"), 0);
}

TEST(FakeSpotifyTest, RefreshTokenLifetimeIsNotExtendedByRefreshing) {
  FakeSpotify fake;
  fake.SetRefreshTokenLifetimeMs(10'000);
  const std::string refresh = fake.IssueRefreshToken();
  fake.AdvanceMs(6'000);
  EXPECT_EQ(RefreshWith(fake, refresh).status, 200);
  fake.AdvanceMs(6'000);
  EXPECT_EQ(OAuthError(RefreshWith(fake, refresh)), "invalid_grant");
}

TEST(FakeSpotifyTest, WrongClientIsInvalidClient) {
  FakeSpotify fake;
  const std::string refresh = fake.IssueRefreshToken();
  const test::Reply unknown = RefreshWith(fake, refresh, "nosuchclient");
  EXPECT_EQ(unknown.status, 400);
  Doc doc(unknown.body);
  EXPECT_EQ(Str(doc["error"]), "invalid_client");
  EXPECT_EQ(Str(doc["error_description"]), "Invalid client");

  auto basic = [](const std::string& id, const std::string& secret) {
    return "Basic " + core::Base64(id + ":" + secret);
  };
  const httplib::Params form{{"grant_type", "refresh_token"}, {"refresh_token", refresh}};
  const std::string id(FakeSpotify::kClientId);
  EXPECT_EQ(OAuthError(PostForm(fake, "/api/token", form, basic(id, "wrongsecret"))), "invalid_client");
  EXPECT_EQ(PostForm(fake, "/api/token", form, basic(id, std::string(FakeSpotify::kClientSecret))).status, 200);
}

TEST(FakeSpotifyTest, ApiAnswersMissingAndInvalidTokensDifferently) {
  FakeSpotify fake;
  const test::Reply missing = Get(fake, "/v1/me/player/recently-played");
  EXPECT_EQ(missing.status, 401);
  EXPECT_NE(missing.Header("WWW-Authenticate").find(R"(error="missing_token")"), std::string::npos);

  const test::Reply bogus = Get(fake, "/v1/me/player/recently-played", "not-a-token");
  EXPECT_EQ(bogus.status, 401);
  EXPECT_NE(bogus.Header("WWW-Authenticate").find(R"(error="invalid_token")"), std::string::npos);
  Doc doc(bogus.body);
  EXPECT_EQ(doc.root()["error"]["status"].get_int64().value(), 401);
  EXPECT_EQ(Str(doc.root()["error"]["message"]), "The access token expired");

  const std::string token = fake.IssueAccessToken();
  EXPECT_EQ(Get(fake, "/v1/me/player/recently-played", token).status, 200);
  fake.ExpireAccessTokens();
  EXPECT_EQ(Get(fake, "/v1/me/player/recently-played", token).status, 401);

  const std::string second = fake.IssueAccessToken();
  fake.AdvanceMs(3600 * 1000 - 1);
  EXPECT_EQ(Get(fake, "/v1/me/player/recently-played", second).status, 200);
  fake.AdvanceMs(1);
  EXPECT_EQ(Get(fake, "/v1/me/player/recently-played", second).status, 401);
}

TEST(FakeSpotifyTest, RecentlyPlayedNeedsItsScope) {
  FakeSpotify fake;
  const test::Reply reply = Get(fake, "/v1/me/player/recently-played", fake.IssueAccessToken("user-read-email"));
  EXPECT_EQ(reply.status, 403);
}

TEST(FakeSpotifyTest, ServesConcurrentClientsWhileTheTestChangesState) {
  FakeSpotify fake;
  const std::string token = fake.IssueAccessToken();
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&] {
      for (int i = 0; i < 25; ++i) ok += Get(fake, "/v1/me/player/recently-played", token).status == 200;
    });
  }
  for (int i = 0; i < 50; ++i) {
    TrackSpec track = test::MakeTrack("Song " + std::to_string(i), "Artist");
    fake.AddTrack(track);
    fake.AddPlay(track.id, fake.NowMs() - i * 1000);
  }
  for (auto& client : clients) client.join();
  EXPECT_EQ(ok, 100);
  EXPECT_EQ(fake.TotalRequests(), 100);
}

TEST(FakeSpotifyTest, CountsRequestsByPathPrefix) {
  FakeSpotify fake;
  const std::string token = fake.IssueAccessToken();
  Get(fake, "/v1/tracks/0000000000000000000000", token);
  Get(fake, "/v1/tracks/0000000000000000000001?market=DE", token);
  Get(fake, "/v1/artists/0000000000000000000000", token);
  RefreshWith(fake, "nosuchtoken");
  EXPECT_EQ(fake.TotalRequests(), 4);
  EXPECT_EQ(fake.RequestCount("/v1/tracks/"), 2);
  EXPECT_EQ(fake.RequestCount("/v1/"), 3);
  EXPECT_EQ(fake.RequestCount("/api/token"), 1);
  const auto requests = fake.Requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(requests[1].query, "market=DE");
  EXPECT_EQ(requests[1].status, 404);
  EXPECT_EQ(requests[3].method, "POST");
  EXPECT_EQ(requests[3].status, 400);
}

}  // namespace
}  // namespace uw::fakes
