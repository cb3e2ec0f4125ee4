#include "sources/spotify_api/access_tokens.h"

#include <gtest/gtest.h>

#include "core/sha256.h"
#include "sources/spotify_api/test_support.h"
#include "testing/testing.h"

namespace uw::spotify_api {
namespace {

using fakes::FakeSpotify;
using test::ThrownCode;

constexpr int64_t kMinute = 60'000;

class AccessTokensTest : public ::testing::Test {
 protected:
  // Saves a sign-in as `auth spotify` would.
  Credentials SignedIn(const std::string& refresh_token) {
    Credentials c;
    c.client_id = std::string(FakeSpotify::kClientId);
    c.refresh_token = refresh_token;
    c.scope = "user-read-recently-played";
    c.authorized_at_ms = 1'700'000'000'000;
    c.refreshed_at_ms = c.authorized_at_ms;
    SaveCredentials(file, c);
    return c;
  }

  testing::TempDir dir;
  std::string file = (dir / "creds.json").string();
  test::FakeHarness h;
  core::Settings settings = h.Settings(file);
  TokenClient token_client{h.client, h.fake.accounts_url()};
};

TEST_F(AccessTokensTest, NotSignedInIsAUsageError) {
  std::string message;
  EXPECT_EQ(ThrownCode([&] { TokenConfigFromSettings(settings); }, &message), ErrorCode::kUsage);
  EXPECT_NE(message.find("unwrapped auth spotify"), std::string::npos);
  EXPECT_NE(message.find("UNWRAPPED_SPOTIFY_REFRESH_TOKEN"), std::string::npos);
}

TEST_F(AccessTokensTest, MissingClientIdIsAUsageError) {
  settings.spotify_client_id.clear();
  settings.spotify_refresh_token = "configured-refresh-token";
  EXPECT_EQ(ThrownCode([&] { TokenConfigFromSettings(settings); }), ErrorCode::kUsage);
}

TEST_F(AccessTokensTest, RefreshesOnFirstUseAndAgainFiveMinutesBeforeExpiry) {
  SignedIn(h.fake.IssueRefreshToken());
  AccessTokens tokens(token_client, h.clock, TokenConfigFromSettings(settings));
  EXPECT_EQ(h.fake.TokenGrants("refresh_token"), 0);  // nothing sent before it is needed
  const std::string first = tokens.Get();
  EXPECT_EQ(tokens.Get(), first);
  h.clock.AdvanceMs(54 * kMinute);  // the fake grants 3600 s: 6 minutes left
  EXPECT_EQ(tokens.Get(), first);
  EXPECT_EQ(tokens.refreshes(), 1);
  h.clock.AdvanceMs(2 * kMinute);  // 4 minutes left: inside the margin
  const std::string second = tokens.Get();
  EXPECT_NE(second, first);
  EXPECT_EQ(tokens.refreshes(), 2);
  EXPECT_EQ(h.fake.TokenGrants("refresh_token"), 2);
}

TEST_F(AccessTokensTest, InvalidateForcesOneRefresh) {
  SignedIn(h.fake.IssueRefreshToken());
  AccessTokens tokens(token_client, h.clock, TokenConfigFromSettings(settings));
  tokens.Get();
  tokens.Invalidate();
  tokens.Get();
  tokens.Get();
  EXPECT_EQ(tokens.refreshes(), 2);
}

TEST_F(AccessTokensTest, RotatedTokenIsSavedAtOnceKeepingTheSignInDate) {
  h.fake.SetRotateRefreshTokens(true);
  const Credentials before = SignedIn(h.fake.IssueRefreshToken());
  AccessTokens tokens(token_client, h.clock, TokenConfigFromSettings(settings));
  tokens.Get();
  const auto after = LoadCredentials(file);
  ASSERT_TRUE(after.has_value());
  EXPECT_NE(after->refresh_token, before.refresh_token);
  EXPECT_EQ(after->authorized_at_ms, before.authorized_at_ms);
  EXPECT_EQ(after->refreshed_at_ms, h.clock.NowMs());
  EXPECT_EQ(after->client_id, before.client_id);
  EXPECT_EQ(after->replaces_token_sha256, "");
  EXPECT_EQ(*FileMode(file), 0600u);
  // This run goes on with the new token (the old one is revoked by the rotation) ...
  tokens.Invalidate();
  EXPECT_NO_THROW(tokens.Get());
  // ... and so does the next run, from the file.
  AccessTokens next_run(token_client, h.clock, TokenConfigFromSettings(settings));
  EXPECT_NO_THROW(next_run.Get());
}

TEST_F(AccessTokensTest, HeadlessRotationIsFollowedByLaterRuns) {
  h.fake.SetRotateRefreshTokens(true);
  settings.spotify_refresh_token = h.fake.IssueRefreshToken();
  {
    AccessTokens run(token_client, h.clock, TokenConfigFromSettings(settings));
    run.Get();
  }
  const auto saved = LoadCredentials(file);
  ASSERT_TRUE(saved.has_value());
  EXPECT_EQ(saved->replaces_token_sha256, core::Sha256Hex(settings.spotify_refresh_token));
  EXPECT_EQ(saved->authorized_at_ms, 0);  // unknown for a configured token
  // Two more runs with the same (now revoked) configured token: each uses the file's successor
  // and rotates it again; the link to the configured token is kept.
  for (int run_index = 0; run_index < 2; ++run_index) {
    const TokenConfig config = TokenConfigFromSettings(settings);
    EXPECT_EQ(config.choice.origin, TokenOrigin::kRotatedSettings);
    AccessTokens run(token_client, h.clock, config);
    EXPECT_NO_THROW(run.Get());
  }
  EXPECT_EQ(LoadCredentials(file)->replaces_token_sha256,
            core::Sha256Hex(settings.spotify_refresh_token));
  EXPECT_EQ(h.fake.TokenGrants("refresh_token"), 3);
}

TEST_F(AccessTokensTest, ConfiguredTokenWinsWithoutRotation) {
  SignedIn(h.fake.IssueRefreshToken());
  settings.spotify_refresh_token = h.fake.IssueRefreshToken();
  const TokenConfig config = TokenConfigFromSettings(settings);
  EXPECT_EQ(config.choice.origin, TokenOrigin::kSettings);
  EXPECT_TRUE(config.choice.file_disagrees);
  AccessTokens tokens(token_client, h.clock, config);
  EXPECT_NO_THROW(tokens.Get());
}

TEST_F(AccessTokensTest, RevokedSignInSaysRunAuthAgain) {
  SignedIn(h.fake.IssueRefreshToken());
  h.fake.RevokeRefreshTokens();
  AccessTokens tokens(token_client, h.clock, TokenConfigFromSettings(settings));
  std::string message;
  EXPECT_EQ(ThrownCode([&] { tokens.Get(); }, &message), ErrorCode::kInput);
  EXPECT_NE(message.find("run `unwrapped auth spotify` again"), std::string::npos);
}

TEST_F(AccessTokensTest, SixMonthLifetimeEndsTheSignIn) {
  h.fake.SetRefreshTokenLifetimeMs(180LL * 24 * 3600 * 1000);
  SignedIn(h.fake.IssueRefreshToken());
  AccessTokens tokens(token_client, h.clock, TokenConfigFromSettings(settings));
  EXPECT_NO_THROW(tokens.Get());
  h.fake.AdvanceMs(181LL * 24 * 3600 * 1000);
  tokens.Invalidate();
  EXPECT_EQ(ThrownCode([&] { tokens.Get(); }), ErrorCode::kInput);
}

}  // namespace
}  // namespace uw::spotify_api
