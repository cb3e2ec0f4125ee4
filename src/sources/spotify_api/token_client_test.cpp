#include "sources/spotify_api/token_client.h"

#include <gtest/gtest.h>

#include "sources/spotify_api/auth_flow.h"
#include "sources/spotify_api/pkce.h"
#include "sources/spotify_api/test_support.h"

namespace uw::spotify_api {
namespace {

using fakes::FakeSpotify;
using test::ThrownCode;

constexpr const char* kRedirect = "http://127.0.0.1:45678/callback";

class TokenClientTest : public ::testing::Test {
 protected:
  // A code as the consent page hands it out, for `pkce`.
  std::string AuthorizeCode(const Pkce& pkce) {
    const std::string url = AuthorizeUrl(h.fake.accounts_url(), std::string(FakeSpotify::kClientId),
                                         kRedirect, "st", pkce.challenge);
    const std::string location = test::FollowAuthorize(url, false);
    EXPECT_EQ(location.rfind(kRedirect, 0), 0u) << location;
    EXPECT_EQ(test::QueryParam(location, "state"), "st");
    return test::QueryParam(location, "code");
  }

  test::FakeHarness h;
  TokenClient tokens{h.client, h.fake.accounts_url()};
  const std::string client_id{FakeSpotify::kClientId};
};

TEST_F(TokenClientTest, ExchangesACodeWithTheVerifier) {
  const Pkce pkce = MakePkce();
  const std::string code = AuthorizeCode(pkce);
  ASSERT_FALSE(code.empty());
  const TokenGrant grant = tokens.ExchangeCode(code, pkce.verifier, kRedirect, client_id);
  EXPECT_FALSE(grant.access_token.empty());
  ASSERT_TRUE(grant.refresh_token.has_value());
  EXPECT_GT(grant.expires_in_s, 0);
  EXPECT_EQ(grant.scope, "user-read-recently-played");
  EXPECT_EQ(h.fake.TokenGrants("authorization_code"), 1);
  // The refresh token works.
  EXPECT_FALSE(tokens.Refresh(*grant.refresh_token, client_id).access_token.empty());
}

TEST_F(TokenClientTest, WrongVerifierIsRejectedAsInput) {
  const std::string code = AuthorizeCode(MakePkce());
  std::string message;
  EXPECT_EQ(
      ThrownCode([&] { tokens.ExchangeCode(code, MakePkce().verifier, kRedirect, client_id); },
                 &message),
      ErrorCode::kInput);
  EXPECT_NE(message.find("auth spotify"), std::string::npos);
  EXPECT_EQ(message.find(code), std::string::npos);
  EXPECT_EQ(h.fake.TokenGrants("authorization_code"), 0);
}

TEST_F(TokenClientTest, RefreshWithoutRotationKeepsTheToken) {
  const std::string refresh = h.fake.IssueRefreshToken();
  const TokenGrant first = tokens.Refresh(refresh, client_id);
  EXPECT_FALSE(first.access_token.empty());
  EXPECT_FALSE(first.refresh_token.has_value());
  EXPECT_NO_THROW(tokens.Refresh(refresh, client_id));
  EXPECT_EQ(h.fake.TokenGrants("refresh_token"), 2);
}

TEST_F(TokenClientTest, RefreshWithRotationReturnsTheNewToken) {
  h.fake.SetRotateRefreshTokens(true);
  const std::string refresh = h.fake.IssueRefreshToken();
  const TokenGrant grant = tokens.Refresh(refresh, client_id);
  ASSERT_TRUE(grant.refresh_token.has_value());
  EXPECT_NE(*grant.refresh_token, refresh);
  EXPECT_NO_THROW(tokens.Refresh(*grant.refresh_token, client_id));
  EXPECT_EQ(ThrownCode([&] { tokens.Refresh(refresh, client_id); }), ErrorCode::kInput);
}

TEST_F(TokenClientTest, InvalidGrantAsksToSignInAgainWithoutTheToken) {
  const std::string refresh = h.fake.IssueRefreshToken();
  h.fake.RevokeRefreshTokens();
  std::string message;
  EXPECT_EQ(ThrownCode([&] { tokens.Refresh(refresh, client_id); }, &message), ErrorCode::kInput);
  EXPECT_NE(message.find("run `unwrapped auth spotify` again"), std::string::npos) << message;
  EXPECT_NE(message.find("six months"), std::string::npos);
  EXPECT_EQ(message.find(refresh), std::string::npos);
}

TEST_F(TokenClientTest, QueuedInvalidGrantFaultIsTheSame) {
  const std::string refresh = h.fake.IssueRefreshToken();
  h.fake.QueueFault(fakes::Fault(fakes::FaultKind::kInvalidGrant));
  EXPECT_EQ(ThrownCode([&] { tokens.Refresh(refresh, client_id); }), ErrorCode::kInput);
  EXPECT_NO_THROW(tokens.Refresh(refresh, client_id));  // the fault was one-shot
}

TEST_F(TokenClientTest, UnknownClientNamesTheSetting) {
  const std::string refresh = h.fake.IssueRefreshToken();
  std::string message;
  EXPECT_EQ(ThrownCode([&] { tokens.Refresh(refresh, "no-such-client"); }, &message),
            ErrorCode::kUsage);
  EXPECT_NE(message.find("spotify.client_id"), std::string::npos) << message;
  EXPECT_NE(message.find("UNWRAPPED_SPOTIFY_CLIENT_ID"), std::string::npos);
  EXPECT_NE(message.find("no-such-client"), std::string::npos);
  EXPECT_EQ(message.find(refresh), std::string::npos);
}

TEST_F(TokenClientTest, ClientSecretGoesAsBasicAuth) {
  h.fake.AddClient("secret-app", "the-client-secret-value");
  const std::string refresh = h.fake.IssueRefreshToken("secret-app");
  EXPECT_NO_THROW(tokens.Refresh(refresh, "secret-app", "the-client-secret-value"));
  std::string message;
  EXPECT_EQ(
      ThrownCode([&] { tokens.Refresh(refresh, "secret-app", "a-wrong-secret-value"); }, &message),
      ErrorCode::kUsage);
  EXPECT_NE(message.find("client_secret"), std::string::npos) << message;
  EXPECT_EQ(message.find("a-wrong-secret-value"), std::string::npos);
  EXPECT_EQ(message.find("the-client-secret-value"), std::string::npos);
}

TEST_F(TokenClientTest, ServerErrorsAreRetriedByTheClient) {
  const std::string refresh = h.fake.IssueRefreshToken();
  h.fake.QueueFault(fakes::Fault(fakes::FaultKind::k503, "/api/token"));
  EXPECT_NO_THROW(tokens.Refresh(refresh, client_id));
  EXPECT_EQ(h.fake.RequestCount("/api/token"), 2);
}

}  // namespace
}  // namespace uw::spotify_api
