#include "sources/spotify_api/token_source.h"

#include <gtest/gtest.h>

#include "core/sha256.h"

namespace uw::spotify_api {
namespace {

Credentials File(const std::string& token, const std::string& replaces = "") {
  Credentials c;
  c.client_id = "file-client";
  c.refresh_token = token;
  c.replaces_token_sha256 = replaces;
  return c;
}

TEST(TokenSource, NothingConfiguredNoFile) {
  const auto choice = ChooseRefreshToken("", "", std::nullopt);
  EXPECT_EQ(choice.origin, TokenOrigin::kNone);
  EXPECT_EQ(choice.refresh_token, "");
  EXPECT_EQ(choice.client_id, "");
}

TEST(TokenSource, FileTokenAndClientWhenNothingConfigured) {
  const auto choice = ChooseRefreshToken("", "", File("rt-file"));
  EXPECT_EQ(choice.origin, TokenOrigin::kCredentialsFile);
  EXPECT_EQ(choice.refresh_token, "rt-file");
  EXPECT_EQ(choice.client_id, "file-client");
  EXPECT_EQ(choice.settings_token_sha256, "");
}

TEST(TokenSource, ConfiguredClientIdWins) {
  EXPECT_EQ(ChooseRefreshToken("", "env-client", File("rt")).client_id, "env-client");
}

TEST(TokenSource, ConfiguredTokenWinsOverUnrelatedFile) {
  const auto choice = ChooseRefreshToken("rt-env", "", File("rt-file"));
  EXPECT_EQ(choice.origin, TokenOrigin::kSettings);
  EXPECT_EQ(choice.refresh_token, "rt-env");
  EXPECT_TRUE(choice.file_disagrees);
  EXPECT_EQ(choice.settings_token_sha256, core::Sha256Hex("rt-env"));
}

TEST(TokenSource, SameTokenInBothIsNoDisagreement) {
  EXPECT_FALSE(ChooseRefreshToken("rt", "", File("rt")).file_disagrees);
  EXPECT_FALSE(ChooseRefreshToken("rt", "", std::nullopt).file_disagrees);
}

TEST(TokenSource, FileSuccessorOfConfiguredTokenIsUsed) {
  const auto choice =
      ChooseRefreshToken("rt-env", "", File("rt-rotated", core::Sha256Hex("rt-env")));
  EXPECT_EQ(choice.origin, TokenOrigin::kRotatedSettings);
  EXPECT_EQ(choice.refresh_token, "rt-rotated");
  EXPECT_FALSE(choice.file_disagrees);
  // The mark to keep on the next rotation is the configured token's, so the chain holds.
  EXPECT_EQ(choice.settings_token_sha256, core::Sha256Hex("rt-env"));
}

TEST(TokenSource, ANewConfiguredTokenBreaksTheChain) {
  const auto choice =
      ChooseRefreshToken("rt-env-2", "", File("rt-rotated", core::Sha256Hex("rt-env")));
  EXPECT_EQ(choice.origin, TokenOrigin::kSettings);
  EXPECT_EQ(choice.refresh_token, "rt-env-2");
}

TEST(TokenSource, FileTokenIsSucceededByAnyOtherFileToken) {
  auto choice = ChooseRefreshToken("", "", File("rt-1"));
  EXPECT_FALSE(AdoptFileSuccessor(choice, File("rt-1")));
  EXPECT_FALSE(AdoptFileSuccessor(choice, std::nullopt));
  EXPECT_EQ(choice.refresh_token, "rt-1");
  EXPECT_TRUE(AdoptFileSuccessor(choice, File("rt-2")));
  EXPECT_EQ(choice.refresh_token, "rt-2");
  EXPECT_EQ(choice.origin, TokenOrigin::kCredentialsFile);
  EXPECT_EQ(choice.client_id, "file-client");
}

TEST(TokenSource, ConfiguredTokenIsSucceededOnlyAlongItsChain) {
  auto choice = ChooseRefreshToken("rt-env", "env-client", File("rt-other"));
  ASSERT_EQ(choice.origin, TokenOrigin::kSettings);
  // An unrelated token, or one continuing another configured token's chain, is not a successor.
  EXPECT_FALSE(AdoptFileSuccessor(choice, File("rt-new-sign-in")));
  EXPECT_FALSE(AdoptFileSuccessor(choice, File("rt-x", core::Sha256Hex("rt-env-2"))));
  EXPECT_EQ(choice.refresh_token, "rt-env");
  EXPECT_EQ(choice.origin, TokenOrigin::kSettings);
  EXPECT_TRUE(AdoptFileSuccessor(choice, File("rt-rotated-1", core::Sha256Hex("rt-env"))));
  EXPECT_EQ(choice.origin, TokenOrigin::kRotatedSettings);
  EXPECT_EQ(choice.refresh_token, "rt-rotated-1");
  EXPECT_FALSE(choice.file_disagrees);
  EXPECT_EQ(choice.client_id, "env-client");
  // Already following the chain: a later link is followed, a broken chain is not.
  EXPECT_TRUE(AdoptFileSuccessor(choice, File("rt-rotated-2", core::Sha256Hex("rt-env"))));
  EXPECT_EQ(choice.refresh_token, "rt-rotated-2");
  EXPECT_FALSE(AdoptFileSuccessor(choice, File("rt-new-sign-in")));
  EXPECT_EQ(choice.refresh_token, "rt-rotated-2");
  EXPECT_EQ(choice.settings_token_sha256, core::Sha256Hex("rt-env"));
}

}  // namespace
}  // namespace uw::spotify_api
