#include "sources/spotify_api/auth_flow.h"

#include <gtest/gtest.h>

#include <future>

#include "sources/spotify_api/pkce.h"
#include "sources/spotify_api/test_support.h"
#include "testing/testing.h"

namespace uw::spotify_api {
namespace {

using namespace std::chrono_literals;
using fakes::FakeSpotify;
using test::ThrownCode;

TEST(AuthorizeUrl, CarriesEveryParameter) {
  const std::string url =
      AuthorizeUrl("https://accounts.example/", "cid", "http://127.0.0.1:8888/callback", "st-1",
                   "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  EXPECT_EQ(url.rfind("https://accounts.example/authorize?", 0), 0u) << url;
  EXPECT_EQ(test::QueryParam(url, "client_id"), "cid");
  EXPECT_EQ(test::QueryParam(url, "response_type"), "code");
  EXPECT_EQ(test::QueryParam(url, "redirect_uri"), "http%3A%2F%2F127.0.0.1%3A8888%2Fcallback");
  EXPECT_EQ(test::QueryParam(url, "scope"), "user-read-recently-played");
  EXPECT_EQ(test::QueryParam(url, "state"), "st-1");
  EXPECT_EQ(test::QueryParam(url, "code_challenge_method"), "S256");
  EXPECT_EQ(test::QueryParam(url, "code_challenge"), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

class SignInTest : public ::testing::Test {
 protected:
  // Runs the sign-in; the "browser" follows the printed URL from another thread.
  SignInResult Run(bool visit_callback = true) {
    std::future<std::string> browser;
    auto say = [&](const std::string& line) {
      lines.push_back(line);
      const auto at = line.find("http://");
      if (at != std::string::npos && line.find("/authorize?") != std::string::npos &&
          !browser.valid()) {
        const std::string url = line.substr(at);
        browser = std::async(std::launch::async, [url, visit_callback] {
          return test::FollowAuthorize(url, visit_callback);
        });
      }
    };
    SignInOptions options{
        .port = 0, .open_browser = false, .timeout = visit_callback ? 20s : 200ms};
    struct Join {  // the browser thread ends before the test looks at anything
      std::future<std::string>& f;
      ~Join() {
        if (f.valid()) f.wait();
      }
    } join{browser};
    return SignIn(settings, tokens, h.clock, options, say);
  }

  testing::TempDir dir;
  std::string file = (dir / "cfg" / "creds.json").string();
  test::FakeHarness h;
  core::Settings settings = h.Settings(file);
  TokenClient tokens{h.client, h.fake.accounts_url()};
  std::vector<std::string> lines;
};

TEST_F(SignInTest, SavesARefreshTokenTheServiceKnows) {
  const SignInResult result = Run();
  EXPECT_EQ(result.credentials_file, file);
  const auto saved = LoadCredentials(file);
  ASSERT_TRUE(saved.has_value());
  EXPECT_EQ(saved->client_id, FakeSpotify::kClientId);
  EXPECT_EQ(saved->scope, "user-read-recently-played");
  EXPECT_EQ(saved->authorized_at_ms, h.clock.NowMs());
  EXPECT_EQ(*FileMode(file), 0600u);
  EXPECT_EQ(h.fake.TokenGrants("authorization_code"), 1);
  EXPECT_NO_THROW(tokens.Refresh(saved->refresh_token, saved->client_id));
  for (const auto& line : lines) EXPECT_EQ(line.find(saved->refresh_token), std::string::npos);
}

TEST_F(SignInTest, DeclinedSignInSavesNothing) {
  h.fake.SetUserDeclines(true);
  std::string message;
  EXPECT_EQ(ThrownCode([&] { Run(); }, &message), ErrorCode::kInput);
  EXPECT_NE(message.find("declined"), std::string::npos);
  EXPECT_FALSE(FileMode(file).has_value());
}

TEST_F(SignInTest, NoCallbackTimesOut) {
  EXPECT_EQ(ThrownCode([&] { Run(false); }), ErrorCode::kIo);
  EXPECT_FALSE(FileMode(file).has_value());
}

TEST_F(SignInTest, ClientIdIsRequired) {
  settings.spotify_client_id.clear();
  std::string message;
  EXPECT_EQ(ThrownCode([&] { Run(); }, &message), ErrorCode::kUsage);
  EXPECT_NE(message.find("UNWRAPPED_SPOTIFY_CLIENT_ID"), std::string::npos);
}

TEST_F(SignInTest, ReplacesAnEarlierSignIn) {
  Run();
  const std::string first = LoadCredentials(file)->refresh_token;
  lines.clear();
  Run();
  EXPECT_NE(LoadCredentials(file)->refresh_token, first);
}

}  // namespace
}  // namespace uw::spotify_api
