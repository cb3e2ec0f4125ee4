// End-to-end: `auth spotify` against the loopback fake of Spotify, with a script playing the
// browser (it follows the consent page's redirect to the binary's callback server); then
// `status` and `auth spotify --check` with the saved sign-in, headless settings, and a revoked
// token.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>

#include "fakes/fake_spotify.h"
#include "testing/testing.h"

namespace uw {
namespace {

using fakes::FakeSpotify;
using testing::RunUnwrapped;

constexpr int64_t kDayMs = 86'400'000;

// The value of "key":"..." in a small JSON text (no escapes in the values the fake issues).
std::string JsonText(const std::string& json, const std::string& key) {
  const std::string marker = "\"" + key + "\":\"";
  const auto at = json.find(marker);
  if (at == std::string::npos) return "";
  const auto start = at + marker.size();
  return json.substr(start, json.find('"', start) - start);
}

// A loopback port that was free a moment ago (the OS picks it).
int FreePort() {
  const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof(addr);
  int port = 0;
  if (::bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0 &&
      ::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &size) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(sock);
  return port;
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class AuthE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::access("/usr/bin/python3", X_OK) != 0)
      GTEST_SKIP() << "needs /usr/bin/python3 to play the browser";
    testing::WriteFile(browser,
                       "#!/usr/bin/python3\n"
                       "import sys, urllib.request\n"
                       "try:\n"
                       "    urllib.request.urlopen(sys.argv[1], timeout=60).read()\n"
                       "except Exception as e:\n"
                       "    print('browser:', type(e).__name__, file=sys.stderr)\n");
    ::chmod(browser.c_str(), 0700);
  }

  std::map<std::string, std::string> Env() const {
    return {{"UNWRAPPED_SPOTIFY_ACCOUNTS_URL", fake.accounts_url()},
            {"UNWRAPPED_SPOTIFY_API_URL", fake.api_url()},
            {"UNWRAPPED_SPOTIFY_CLIENT_ID", std::string(FakeSpotify::kClientId)},
            {"UNWRAPPED_SPOTIFY_CREDENTIALS_FILE", credentials.string()},
            {"UNWRAPPED_SPOTIFY_BROWSER", browser.string()},
            {"UNWRAPPED_SPOTIFY_MAX_ATTEMPTS", "2"},
            {"UNWRAPPED_SPOTIFY_RETRY_BASE_MS", "1"},
            {"UNWRAPPED_LAKE", (dir / "lake").string()}};
  }

  // A credentials file as `auth spotify` writes it, signed in `age_ms` ago.
  void WriteSignIn(int64_t age_ms, mode_t mode) {
    const int64_t at = NowMs() - age_ms;
    std::filesystem::create_directories(credentials.parent_path());
    testing::WriteFile(
        credentials, "{\"format\":1,\"client_id\":\"" + std::string(FakeSpotify::kClientId) +
                         "\",\"refresh_token\":\"" + fake.IssueRefreshToken() +
                         "\",\"scope\":\"user-read-recently-played\",\"authorized_at_ms\":" +
                         std::to_string(at) + ",\"refreshed_at_ms\":" + std::to_string(at) + "}\n");
    ::chmod(credentials.c_str(), mode);
  }

  static mode_t ModeOf(const std::filesystem::path& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 0777) : 0;
  }

  FakeSpotify fake;
  testing::TempDir dir;
  std::filesystem::path credentials = dir / "config" / "unwrapped" / "spotify-credentials.json";
  std::filesystem::path browser = dir / "browser.py";
};

TEST_F(AuthE2e, SignInThenStatusThenRevokedTokenAsksToSignInAgain) {
  const auto auth = RunUnwrapped({"auth", "spotify", "--port", "0"}, Env());
  ASSERT_EQ(auth.exit_code, 0) << auth.out << auth.err;
  EXPECT_NE(auth.out.find("/authorize?"), std::string::npos) << auth.out;
  EXPECT_NE(auth.out.find(credentials.string()), std::string::npos) << auth.out;
  EXPECT_EQ(fake.TokenGrants("authorization_code"), 1);
  ASSERT_TRUE(std::filesystem::exists(credentials));
  EXPECT_EQ(ModeOf(credentials), 0600u);
  EXPECT_EQ(ModeOf(credentials.parent_path()), 0700u);
  const std::string refresh_token = JsonText(testing::ReadFile(credentials), "refresh_token");
  ASSERT_FALSE(refresh_token.empty());
  EXPECT_EQ(auth.out.find(refresh_token), std::string::npos);
  EXPECT_EQ(auth.err.find(refresh_token), std::string::npos);

  const auto status = RunUnwrapped({"status"}, Env());
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("Spotify sign-in"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("signed in on"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find(std::string(FakeSpotify::kClientId)), std::string::npos);
  EXPECT_NE(status.out.find("179 days left"), std::string::npos) << status.out;
  const auto json = RunUnwrapped({"--json", "status"}, Env());
  EXPECT_NE(json.out.find(R"("spotify_sign_in":{"signed_in":true,"source":"credentials_file")"),
            std::string::npos)
      << json.out;

  // The saved token is the one the fake issued: refreshing with it works.
  const auto check = RunUnwrapped({"auth", "spotify", "--check"}, Env());
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(fake.TokenGrants("refresh_token"), 1);

  fake.RevokeRefreshTokens();
  const auto revoked = RunUnwrapped({"auth", "spotify", "--check"}, Env());
  EXPECT_EQ(revoked.exit_code, 1);
  EXPECT_NE(revoked.err.find("run `unwrapped auth spotify` again"), std::string::npos)
      << revoked.err;
  EXPECT_EQ(revoked.err.find(refresh_token), std::string::npos);
}

TEST_F(AuthE2e, FixedPortAndJsonOutput) {
  // A port the test picks (free a moment ago); the redirect URI carries it.
  const int port = FreePort();
  ASSERT_GT(port, 0);
  const auto auth =
      RunUnwrapped({"--json", "auth", "spotify", "--port", std::to_string(port)}, Env());
  ASSERT_EQ(auth.exit_code, 0) << auth.err;
  EXPECT_NE(auth.err.find("127.0.0.1%3A" + std::to_string(port) + "%2Fcallback"), std::string::npos)
      << auth.err;
  EXPECT_EQ(JsonText(auth.out, "credentials_file"), credentials.string()) << auth.out;
  EXPECT_EQ(auth.out.find("/authorize?"), std::string::npos);  // instructions stay on stderr
}

TEST_F(AuthE2e, DeclinedSignInSavesNothing) {
  fake.SetUserDeclines(true);
  const auto auth = RunUnwrapped({"auth", "spotify", "--port", "0"}, Env());
  EXPECT_EQ(auth.exit_code, 1);
  EXPECT_NE(auth.err.find("declined"), std::string::npos) << auth.err;
  EXPECT_FALSE(std::filesystem::exists(credentials));
}

TEST_F(AuthE2e, MissingClientIdIsAUsageError) {
  auto env = Env();
  env.erase("UNWRAPPED_SPOTIFY_CLIENT_ID");
  const auto auth = RunUnwrapped({"auth", "spotify", "--port", "0"}, env);
  EXPECT_EQ(auth.exit_code, 2);
  EXPECT_NE(auth.err.find("UNWRAPPED_SPOTIFY_CLIENT_ID"), std::string::npos) << auth.err;
  EXPECT_NE(auth.err.find("spotify.client_id"), std::string::npos);
}

TEST_F(AuthE2e, HeadlessTokenFromTheEnvironment) {
  fake.SetRotateRefreshTokens(true);
  auto env = Env();
  env["UNWRAPPED_SPOTIFY_REFRESH_TOKEN"] = fake.IssueRefreshToken();
  const auto first = RunUnwrapped({"auth", "spotify", "--check"}, env);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  // The rotated token went to the credentials file, private, and the next run follows it even
  // though the environment still names the old (now revoked) token.
  ASSERT_TRUE(std::filesystem::exists(credentials));
  EXPECT_EQ(ModeOf(credentials), 0600u);
  const auto second = RunUnwrapped({"auth", "spotify", "--check"}, env);
  EXPECT_EQ(second.exit_code, 0) << second.err;
  const auto status = RunUnwrapped({"status"}, env);
  EXPECT_NE(status.out.find("headless"), std::string::npos) << status.out;
  EXPECT_EQ(status.out.find(env["UNWRAPPED_SPOTIFY_REFRESH_TOKEN"]), std::string::npos);
}

TEST_F(AuthE2e, NotSignedInCheckIsAUsageError) {
  const auto check = RunUnwrapped({"auth", "spotify", "--check"}, Env());
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_NE(check.err.find("unwrapped auth spotify"), std::string::npos) << check.err;
  const auto status = RunUnwrapped({"status"}, Env());
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_NE(status.out.find("not signed in"), std::string::npos) << status.out;
}

TEST_F(AuthE2e, StatusWarnsAsTheSixMonthsRunOut) {
  WriteSignIn(170 * kDayMs, 0600);
  const auto soon = RunUnwrapped({"status"}, Env());
  EXPECT_NE(soon.out.find("WARNING: the Spotify sign-in expires on"), std::string::npos)
      << soon.out;
  WriteSignIn(200 * kDayMs, 0600);
  const auto past = RunUnwrapped({"status"}, Env());
  EXPECT_NE(past.out.find("ERROR: the Spotify sign-in expired on"), std::string::npos) << past.out;
  WriteSignIn(10 * kDayMs, 0644);
  const auto open = RunUnwrapped({"status"}, Env());
  EXPECT_NE(open.out.find("chmod 600 " + credentials.string()), std::string::npos) << open.out;
  EXPECT_EQ(open.out.find("WARNING: the Spotify sign-in expires"), std::string::npos);
}

}  // namespace
}  // namespace uw
