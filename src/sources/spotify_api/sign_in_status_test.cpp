#include "sources/spotify_api/sign_in_status.h"

#include <gtest/gtest.h>

#include "core/sha256.h"

namespace uw::spotify_api {
namespace {

constexpr int64_t kDay = 86'400'000;
constexpr int64_t kSignedIn = 1'767'225'600'000;  // 2026-01-01T00:00:00Z

SignInInputs FileSignIn(int64_t now_ms) {
  SignInInputs in;
  in.credentials_file = "/home/u/.config/unwrapped/spotify-credentials.json";
  Credentials c;
  c.client_id = "client-1";
  c.refresh_token = "rt-file";
  c.authorized_at_ms = kSignedIn;
  in.file = c;
  in.file_mode = 0600;
  in.now_ms = now_ms;
  return in;
}

bool HasNote(const SignInStatus& s, Severity severity, const std::string& part) {
  for (const auto& note : s.notes) {
    if (note.severity == severity && note.text.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(SignInStatus, NotSignedInWithoutFileOrToken) {
  SignInInputs in;
  in.now_ms = kSignedIn;
  const auto s = EvaluateSignIn(in);
  EXPECT_FALSE(s.signed_in);
  EXPECT_EQ(s.origin, TokenOrigin::kNone);
  EXPECT_FALSE(s.permissions_ok.has_value());
  EXPECT_TRUE(s.notes.empty());
}

TEST(SignInStatus, FreshSignInIsQuiet) {
  const auto s = EvaluateSignIn(FileSignIn(kSignedIn + 10 * kDay));
  EXPECT_TRUE(s.signed_in);
  EXPECT_EQ(s.origin, TokenOrigin::kCredentialsFile);
  EXPECT_EQ(s.client_id, "client-1");
  EXPECT_EQ(*s.authorized_at_ms, kSignedIn);
  // 2026-01-01 + 180 days = 2026-06-30.
  EXPECT_EQ(*s.expires_at_ms, 1'782'777'600'000);
  EXPECT_EQ(*s.days_left, 170);
  EXPECT_TRUE(*s.permissions_ok);
  EXPECT_TRUE(s.notes.empty());
}

TEST(SignInStatus, WarnsInTheLastTwoWeeks) {
  const auto before = EvaluateSignIn(FileSignIn(kSignedIn + 166 * kDay - 1));
  EXPECT_TRUE(before.notes.empty()) << before.notes.front().text;
  const auto s = EvaluateSignIn(FileSignIn(kSignedIn + 166 * kDay + 1));
  EXPECT_EQ(*s.days_left, 13);
  ASSERT_EQ(s.notes.size(), 1u);
  EXPECT_TRUE(HasNote(s, Severity::kWarning, "2026-06-30"));
  EXPECT_TRUE(HasNote(s, Severity::kWarning, "auth spotify"));
}

TEST(SignInStatus, ErrorOnceExpired) {
  const auto s = EvaluateSignIn(FileSignIn(kSignedIn + 180 * kDay));
  EXPECT_TRUE(HasNote(s, Severity::kError, "expired on 2026-06-30"));
  const auto later = EvaluateSignIn(FileSignIn(kSignedIn + 200 * kDay + 5));
  EXPECT_EQ(*later.days_left, -21);
  EXPECT_TRUE(HasNote(later, Severity::kError, "run `unwrapped auth spotify` again"));
}

TEST(SignInStatus, OpenPermissionsWarnWithFix) {
  auto in = FileSignIn(kSignedIn);
  in.file_mode = 0644;
  const auto s = EvaluateSignIn(in);
  EXPECT_FALSE(*s.permissions_ok);
  EXPECT_TRUE(HasNote(s, Severity::kWarning, "chmod 600 " + in.credentials_file));
}

TEST(SignInStatus, HeadlessTokenHasNoKnownExpiry) {
  SignInInputs in;
  in.configured_refresh_token = "rt-env";
  in.configured_client_id = "client-env";
  in.now_ms = kSignedIn;
  const auto s = EvaluateSignIn(in);
  EXPECT_TRUE(s.signed_in);
  EXPECT_EQ(s.origin, TokenOrigin::kSettings);
  EXPECT_EQ(s.client_id, "client-env");
  EXPECT_FALSE(s.expires_at_ms.has_value());
  EXPECT_TRUE(s.notes.empty());
}

TEST(SignInStatus, SaysWhenConfiguredTokenAndFileDisagree) {
  auto in = FileSignIn(kSignedIn);
  in.configured_refresh_token = "rt-env";
  const auto s = EvaluateSignIn(in);
  EXPECT_EQ(s.origin, TokenOrigin::kSettings);
  EXPECT_TRUE(HasNote(s, Severity::kWarning, "differs"));
  for (const auto& note : s.notes) {
    EXPECT_EQ(note.text.find("rt-env"), std::string::npos);
    EXPECT_EQ(note.text.find("rt-file"), std::string::npos);
  }
}

TEST(SignInStatus, RotatedConfiguredTokenIsNotADisagreement) {
  auto in = FileSignIn(kSignedIn);
  in.configured_refresh_token = "rt-env";
  in.file->replaces_token_sha256 = core::Sha256Hex("rt-env");
  const auto s = EvaluateSignIn(in);
  EXPECT_EQ(s.origin, TokenOrigin::kRotatedSettings);
  EXPECT_TRUE(s.notes.empty());
}

TEST(SignInStatus, ClientIdMismatchWarns) {
  auto in = FileSignIn(kSignedIn);
  in.configured_client_id = "client-other";
  const auto s = EvaluateSignIn(in);
  EXPECT_EQ(s.client_id, "client-other");
  EXPECT_TRUE(HasNote(s, Severity::kWarning, "client-1"));
}

TEST(SignInStatus, MissingClientIdIsAnError) {
  auto in = FileSignIn(kSignedIn);
  in.file->client_id.clear();
  EXPECT_TRUE(HasNote(EvaluateSignIn(in), Severity::kError, "UNWRAPPED_SPOTIFY_CLIENT_ID"));
}

}  // namespace
}  // namespace uw::spotify_api
