#include "sources/spotify_api/api_client.h"

#include <gtest/gtest.h>

#include <deque>

#include "sources/spotify_api/test_support.h"
#include "testing/testing.h"

namespace uw::spotify_api {
namespace {

using fakes::FakeSpotify;
using test::ThrownCode;

constexpr const char* kRecent = "/me/player/recently-played?limit=1";

class ApiClientTest : public ::testing::Test {
 protected:
  // A sign-in as `auth spotify` leaves it; runs before `tokens` is built.
  bool SignIn() {
    Credentials c;
    c.client_id = std::string(FakeSpotify::kClientId);
    c.refresh_token = h.fake.IssueRefreshToken();
    c.authorized_at_ms = h.clock.NowMs();
    SaveCredentials(file, c);
    return true;
  }

  testing::TempDir dir;
  std::string file = (dir / "creds.json").string();
  test::FakeHarness h;
  bool signed_in = SignIn();
  TokenClient token_client{h.client, h.fake.accounts_url()};
  AccessTokens tokens{token_client, h.clock, TokenConfigFromSettings(h.Settings(file))};
  ApiClient api{h.client, tokens, h.fake.api_url() + "/"};
};

TEST_F(ApiClientTest, AuthorisedGet) {
  const http::Response response = api.Get(kRecent);
  EXPECT_EQ(response.status, 200) << response.body;
  EXPECT_NE(response.body.find("\"items\""), std::string::npos);
  EXPECT_EQ(tokens.refreshes(), 1);
  EXPECT_EQ(api.Get("me/player/recently-played?limit=1").status, 200);  // no leading slash
}

TEST_F(ApiClientTest, On401RefreshesOnceAndRetries) {
  ASSERT_EQ(api.Get(kRecent).status, 200);
  h.fake.ExpireAccessTokens();
  const int64_t api_requests = h.fake.RequestCount("/v1/");
  EXPECT_EQ(api.Get(kRecent).status, 200);
  EXPECT_EQ(tokens.refreshes(), 2);
  EXPECT_EQ(h.fake.RequestCount("/v1/") - api_requests, 2);  // the 401 and the retry
}

TEST_F(ApiClientTest, OtherStatusesGoToTheCaller) {
  const http::Response response = api.Get("/tracks/" + fakes::FakeId("unknown"));
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(tokens.refreshes(), 1);
}

TEST_F(ApiClientTest, AbsoluteNextLinkOnTheApiIsFollowed) {
  EXPECT_EQ(api.Get(h.fake.api_url() + kRecent).status, 200);
}

TEST_F(ApiClientTest, TokenIsNeverSentToAnotherOrigin) {
  const int64_t before = h.fake.TotalRequests();
  const std::string port = std::to_string(h.fake.port());
  const std::vector<std::string> urls = {"http://127.0.0.1:1/v1/me", "https://evil.example/v1/me",
                                         "http://127.0.0.1:" + port + "0/v1/me"};
  for (const std::string& url : urls) {
    EXPECT_EQ(ThrownCode([&] { api.Get(url); }), ErrorCode::kInput) << url;
  }
  EXPECT_EQ(h.fake.TotalRequests(), before);
}

// A transport whose API always answers 401, to see that the client retries exactly once.
class Always401 : public http::Transport {
 public:
  http::Response Send(const http::Request& request) override {
    requests.push_back(request);
    http::Response response;
    if (request.url.find("/api/token") != std::string::npos) {
      response.status = 200;
      response.body =
          R"({"access_token":"access-)" + std::to_string(requests.size()) +
          R"(-xyz","token_type":"Bearer","expires_in":3600,"scope":"user-read-recently-played"})";
    } else {
      response.status = 401;
      response.body = R"({"error":{"status":401,"message":"Invalid access token"}})";
    }
    return response;
  }
  std::vector<http::Request> requests;
};

TEST(ApiClient, PersistentUnauthorizedIsReturnedAfterOneRetry) {
  testing::TempDir dir;
  Always401 transport;
  http::FakeClock clock;
  http::Client client(transport, clock, http::RetryPolicy{});
  TokenClient token_client(client, "http://accounts.invalid");
  TokenConfig config;
  config.choice = ChooseRefreshToken("configured-refresh-token", "client-x", std::nullopt);
  config.credentials_file = dir / "creds.json";
  AccessTokens tokens(token_client, clock, config);
  ApiClient api(client, tokens, "http://api.invalid/v1");
  EXPECT_EQ(api.Get("/me/player/recently-played").status, 401);
  ASSERT_EQ(transport.requests.size(), 4u);  // token, API, token, API
  EXPECT_EQ(transport.requests[1].url, "http://api.invalid/v1/me/player/recently-played");
  // Each API attempt carried the token of the refresh just before it.
  EXPECT_EQ(transport.requests[1].headers.front().value, "Bearer access-1-xyz");
  EXPECT_EQ(transport.requests[3].headers.front().value, "Bearer access-3-xyz");
}

}  // namespace
}  // namespace uw::spotify_api
