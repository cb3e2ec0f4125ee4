#include "sources/spotify_api/credentials.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <csignal>
#include <sstream>

#include "core/error.h"
#include "testing/testing.h"

namespace uw::spotify_api {
namespace {

namespace fs = std::filesystem;

Credentials Sample(const std::string& token) {
  Credentials c;
  c.client_id = "client-abc";
  c.refresh_token = token;
  c.scope = "user-read-recently-played";
  c.authorized_at_ms = 1'780'000'000'000;
  c.refreshed_at_ms = 1'780'000'500'000;
  return c;
}

// Routes spdlog's default logger into a string for the lifetime of the object.
class LogCapture {
 public:
  LogCapture() : previous_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink));
  }
  ~LogCapture() { spdlog::set_default_logger(previous_); }
  std::string text() const { return out_.str(); }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::logger> previous_;
};

// Sets the umask for the lifetime of the object, so tests see the modes the code asks for.
class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : previous_(::umask(mask)) {}
  ~ScopedUmask() { ::umask(previous_); }

 private:
  mode_t previous_;
};

size_t CountEntries(const fs::path& dir) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(Credentials, MissingFileMeansNotSignedIn) {
  testing::TempDir dir;
  EXPECT_FALSE(LoadCredentials(dir / "none.json").has_value());
  EXPECT_FALSE(FileMode(dir / "none.json").has_value());
}

TEST(Credentials, SaveThenLoadRoundTrips) {
  testing::TempDir dir;
  Credentials c = Sample("rt-\"quoted\"\\token");
  c.replaces_token_sha256 = "abc123";
  SaveCredentials(dir / "creds.json", c);
  const auto back = LoadCredentials(dir / "creds.json");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->client_id, c.client_id);
  EXPECT_EQ(back->refresh_token, c.refresh_token);
  EXPECT_EQ(back->scope, c.scope);
  EXPECT_EQ(back->authorized_at_ms, c.authorized_at_ms);
  EXPECT_EQ(back->refreshed_at_ms, c.refreshed_at_ms);
  EXPECT_EQ(back->replaces_token_sha256, "abc123");
}

TEST(Credentials, FileIs0600AndNewFoldersAre0700EvenWithPermissiveUmask) {
  testing::TempDir dir;
  ScopedUmask umask(0);
  const fs::path file = dir / "a" / "b" / "creds.json";
  SaveCredentials(file, Sample("rt-1"));
  EXPECT_EQ(*FileMode(file), 0600u);
  EXPECT_EQ(*FileMode(dir / "a"), 0700u);
  EXPECT_EQ(*FileMode(dir / "a" / "b"), 0700u);
}

TEST(Credentials, ReplaceKeepsNarrowModeAndLeavesNoTemporaryFiles) {
  testing::TempDir dir;
  const fs::path file = dir / "creds.json";
  SaveCredentials(file, Sample("rt-1"));
  SaveCredentials(file, Sample("rt-2"));
  EXPECT_EQ(LoadCredentials(file)->refresh_token, "rt-2");
  EXPECT_EQ(*FileMode(file), 0600u);
  EXPECT_EQ(CountEntries(dir.path()), 1u);
}

TEST(Credentials, FailedWriteKeepsOldContent) {
  testing::TempDir dir;
  const fs::path file = dir / "creds.json";
  SaveCredentials(file, Sample("rt-old"));
  // A file-size limit makes write() fail with EFBIG part-way (this works as root too, unlike a
  // read-only folder); SIGXFSZ is ignored so the process survives to see the error.
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit old_limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  rlimit small = old_limit;
  small.rlim_cur = 16;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  bool threw_io = false;
  try {
    SaveCredentials(file, Sample("rt-new"));
  } catch (const Error& e) {
    threw_io = e.code() == ErrorCode::kIo;
    EXPECT_EQ(std::string(e.what()).find("rt-new"), std::string::npos);
  }
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_TRUE(threw_io);
  EXPECT_EQ(LoadCredentials(file)->refresh_token, "rt-old");
  EXPECT_EQ(CountEntries(dir.path()), 1u);
}

TEST(Credentials, GroupReadableFileWarnsWithChmodFix) {
  testing::TempDir dir;
  const fs::path file = dir / "creds.json";
  SaveCredentials(file, Sample("rt-secret-value"));
  ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
  LogCapture capture;
  const auto loaded = LoadCredentials(file);
  ASSERT_TRUE(loaded.has_value());
  const std::string log = capture.text();
  EXPECT_NE(log.find(file.string()), std::string::npos) << log;
  EXPECT_NE(log.find("chmod 600"), std::string::npos) << log;
  EXPECT_EQ(log.find("rt-secret-value"), std::string::npos);
}

TEST(Credentials, PrivateFileDoesNotWarn) {
  testing::TempDir dir;
  const fs::path file = dir / "creds.json";
  SaveCredentials(file, Sample("rt-1"));
  LogCapture capture;
  ASSERT_TRUE(LoadCredentials(file).has_value());
  EXPECT_EQ(capture.text(), "");
}

TEST(Credentials, DamagedFileIsCorruptWithoutQuotingIt) {
  testing::TempDir dir;
  const fs::path file = dir / "creds.json";
  testing::WriteFile(file, "{\"format\":1,\"refresh_token\":\"rt-leak\"");
  try {
    LoadCredentials(file);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kCorrupt);
    EXPECT_NE(std::string(e.what()).find("auth spotify"), std::string::npos);
    EXPECT_EQ(std::string(e.what()).find("rt-leak"), std::string::npos);
  }
  testing::WriteFile(file, "{\"format\":1,\"client_id\":\"x\"}");
  EXPECT_THROW(LoadCredentials(file), Error);
}

TEST(Credentials, TooOpenLooksAtGroupAndOthers) {
  EXPECT_FALSE(TooOpen(0600));
  EXPECT_FALSE(TooOpen(0400));
  EXPECT_TRUE(TooOpen(0640));
  EXPECT_TRUE(TooOpen(0604));
  EXPECT_TRUE(TooOpen(0610));
}

}  // namespace
}  // namespace uw::spotify_api
