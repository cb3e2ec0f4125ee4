#include "sources/spotify_api/access_tokens.h"

#include <gtest/gtest.h>

#include <functional>
#include <utility>
#include <vector>

#include "core/sha256.h"
#include "sources/spotify_api/credentials_lock.h"
#include "sources/spotify_api/test_support.h"
#include "testing/testing.h"

namespace uw::spotify_api {
namespace {

using fakes::FakeSpotify;
using fakes::FaultKind;
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

// Statuses of the answers to token requests, in order.
std::vector<int> TokenStatuses(const FakeSpotify& fake) {
  std::vector<int> statuses;
  for (const auto& r : fake.Requests())
    if (r.path == "/api/token") statuses.push_back(r.status);
  return statuses;
}

// Two runs over one credentials file, as cron's `ingest` and a manual `enrich`: each loaded
// the same token, and Spotify rotates on every refresh and revokes the token it replaced.
TEST_F(AccessTokensTest, ASecondRunFollowsTheRotationOfTheFirst) {
  h.fake.SetRotateRefreshTokens(true);
  const Credentials signed_in = SignedIn(h.fake.IssueRefreshToken());
  AccessTokens ingest(token_client, h.clock, TokenConfigFromSettings(settings));
  AccessTokens enrich(token_client, h.clock, TokenConfigFromSettings(settings));
  ingest.Get();  // rotates; the token enrich loaded is revoked now
  const std::string after_ingest = LoadCredentials(file)->refresh_token;
  // enrich uses the file's successor instead of failing with invalid_grant ...
  EXPECT_NO_THROW(enrich.Get());
  const std::string after_enrich = LoadCredentials(file)->refresh_token;
  EXPECT_NE(after_enrich, after_ingest);
  // ... and ingest, whose token enrich's refresh replaced, follows in turn.
  ingest.Invalidate();
  EXPECT_NO_THROW(ingest.Get());
  // Every refresh sent a live token (none was answered invalid_grant) ...
  EXPECT_EQ(TokenStatuses(h.fake), (std::vector<int>{200, 200, 200}));
  // ... and the file holds the last rotated token (the only one not revoked), still dated
  // from the sign-in.
  const auto last = LoadCredentials(file);
  EXPECT_NE(last->refresh_token, after_enrich);
  EXPECT_EQ(last->authorized_at_ms, signed_in.authorized_at_ms);
  AccessTokens next_run(token_client, h.clock, TokenConfigFromSettings(settings));
  EXPECT_NO_THROW(next_run.Get());
  EXPECT_EQ(h.fake.TokenGrants("refresh_token"), 4);
}

TEST_F(AccessTokensTest, ASecondHeadlessRunFollowsTheRotationOfTheFirst) {
  h.fake.SetRotateRefreshTokens(true);
  settings.spotify_refresh_token = h.fake.IssueRefreshToken();
  AccessTokens first(token_client, h.clock, TokenConfigFromSettings(settings));
  const TokenConfig second_config = TokenConfigFromSettings(settings);
  ASSERT_EQ(second_config.choice.origin, TokenOrigin::kSettings);  // no file yet
  AccessTokens second(token_client, h.clock, second_config);
  first.Get();
  EXPECT_NO_THROW(second.Get());
  first.Invalidate();
  EXPECT_NO_THROW(first.Get());
  EXPECT_EQ(TokenStatuses(h.fake), (std::vector<int>{200, 200, 200}));
  EXPECT_EQ(LoadCredentials(file)->replaces_token_sha256,
            core::Sha256Hex(settings.spotify_refresh_token));
}

// Passes requests on to `inner`, calling `before_token_request` before the first one to the
// token endpoint: another writer acting while a refresh is under way.
class HookedTransport : public http::Transport {
 public:
  HookedTransport(http::Transport& inner, std::function<void()> before_token_request)
      : inner_(inner), hook_(std::move(before_token_request)) {}
  http::Response Send(const http::Request& request) override {
    if (hook_ && request.url.find("/api/token") != std::string::npos) std::exchange(hook_, {})();
    return inner_.Send(request);
  }

 private:
  http::Transport& inner_;
  std::function<void()> hook_;
};

TEST_F(AccessTokensTest, InvalidGrantIsRetriedOnceWithATokenWrittenMeanwhile) {
  const Credentials signed_in = SignedIn(h.fake.IssueRefreshToken());
  std::string written;
  HookedTransport transport(*h.transport, [&] {
    // A writer that takes no lock replaces the token, and Spotify refuses the old one.
    Credentials next = signed_in;
    next.refresh_token = written = h.fake.IssueRefreshToken();
    SaveCredentials(file, next);
    h.fake.QueueFault(fakes::Fault(FaultKind::kInvalidGrant));
  });
  http::Client client(transport, h.clock, http::RetryPolicy{.max_attempts = 2, .base_delay_ms = 1});
  TokenClient hooked_tokens(client, h.fake.accounts_url());
  AccessTokens tokens(hooked_tokens, h.clock, TokenConfigFromSettings(settings));
  EXPECT_NO_THROW(tokens.Get());
  EXPECT_EQ(TokenStatuses(h.fake), (std::vector<int>{400, 200}));
  EXPECT_EQ(LoadCredentials(file)->refresh_token, written);
}

TEST_F(AccessTokensTest, InvalidGrantWithTheFileUnchangedIsNotRetried) {
  SignedIn(h.fake.IssueRefreshToken());
  h.fake.QueueFault(fakes::Fault(FaultKind::kInvalidGrant));
  AccessTokens tokens(token_client, h.clock, TokenConfigFromSettings(settings));
  EXPECT_EQ(ThrownCode([&] { tokens.Get(); }), ErrorCode::kInput);
  EXPECT_EQ(TokenStatuses(h.fake), (std::vector<int>{400}));
}

TEST_F(AccessTokensTest, ALockHeldTooLongIsAConflictNamingTheLockFile) {
  SignedIn(h.fake.IssueRefreshToken());
  TokenConfig config = TokenConfigFromSettings(settings);
  config.lock_wait_ms = 0;
  AccessTokens tokens(token_client, h.clock, config);
  const CredentialsLock other_run(file, 0);
  std::string message;
  EXPECT_EQ(ThrownCode([&] { tokens.Get(); }, &message), ErrorCode::kConflict);
  EXPECT_NE(message.find(file + ".lock"), std::string::npos);
  EXPECT_EQ(h.fake.RequestCount("/api/token"), 0);  // nothing sent without the lock
}

TEST_F(AccessTokensTest, AnUnwritableFolderStillRefreshesWithoutTheLock) {
  testing::WriteFile(dir / "plain-file", "x");
  settings.spotify_credentials_file = (dir / "plain-file" / "creds.json").string();
  settings.spotify_refresh_token = h.fake.IssueRefreshToken();
  AccessTokens tokens(token_client, h.clock, TokenConfigFromSettings(settings));
  EXPECT_NO_THROW(tokens.Get());
}

}  // namespace
}  // namespace uw::spotify_api
