#include "core/secrets.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>
#include <thread>
#include <vector>

#include "core/logging.h"
#include "testing/testing.h"

namespace uw::core {
namespace {

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(SecretsTest, RedactReplacesEveryOccurrence) {
  RegisterSecret("BQDa1-access-token-xyz");
  std::string out =
      Redact("Authorization: Bearer BQDa1-access-token-xyz, again BQDa1-access-token-xyz");
  EXPECT_EQ(out, "Authorization: Bearer <redacted>, again <redacted>");
}

TEST(SecretsTest, ShortValuesAreIgnored) {
  RegisterSecret("");
  RegisterSecret("abcde");
  EXPECT_EQ(Redact("abcdefgh"), "abcdefgh");
}

TEST(SecretsTest, ASecretInsideALongerOneIsRedactedWhole) {
  RegisterSecret("inner-42x");
  RegisterSecret("outer-inner-42x-tail");
  EXPECT_EQ(Redact("[outer-inner-42x-tail] [inner-42x]"), "[<redacted>] [<redacted>]");
}

TEST(SecretsTest, UnregisteredTextIsUnchanged) {
  EXPECT_EQ(Redact("nothing secret here"), "nothing secret here");
  EXPECT_EQ(Redact(""), "");
}

TEST(SecretsTest, RegisteringWhileRedactingIsSafe) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < 200; ++i) {
        RegisterSecret("thread-secret-" + std::to_string(t) + "-" + std::to_string(i));
        std::string line = "x thread-secret-" + std::to_string(t) + "-" + std::to_string(i) + " y";
        EXPECT_EQ(Redact(line), "x <redacted> y");
      }
    });
  }
  for (auto& thread : threads) thread.join();
}

// Every sink of the default logger sees the redacted line: the console, the log file, and a
// sink added afterwards the way AddLogFile adds one.
TEST(SecretsTest, NoSinkEverSeesARegisteredToken) {
  const std::string token = "AQD-refresh-token-5b9f1c";
  RegisterSecret(token);
  testing::TempDir dir;
  auto previous = spdlog::default_logger();

  ::testing::internal::CaptureStderr();
  InitLogging(2);
  AddLogFile(dir.path());
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  spdlog::default_logger()->sinks().push_back(sink);

  spdlog::warn("refreshing with {} failed", token);
  spdlog::debug("token={}", token);
  spdlog::default_logger()->flush();
  std::string console = ::testing::internal::GetCapturedStderr();
  std::string file = testing::ReadFile(dir / "unwrapped.log");

  for (const std::string* text : {&console, &file}) {
    EXPECT_FALSE(Contains(*text, token)) << *text;
    EXPECT_TRUE(Contains(*text, "refreshing with <redacted> failed")) << *text;
  }
  std::string extra = captured.str();
  EXPECT_FALSE(Contains(extra, token)) << extra;
  EXPECT_TRUE(Contains(extra, "refreshing with <redacted> failed")) << extra;
  EXPECT_TRUE(Contains(extra, "token=<redacted>")) << extra;
  EXPECT_TRUE(Contains(file, "token=<redacted>")) << file;

  // A clone of the logger keeps redacting.
  std::ostringstream cloned_out;
  auto clone = spdlog::default_logger()->clone("clone");
  spdlog::set_default_logger(previous);
  clone->sinks().assign({std::make_shared<spdlog::sinks::ostream_sink_mt>(cloned_out)});
  clone->warn("{}", token);
  EXPECT_FALSE(Contains(cloned_out.str(), token)) << cloned_out.str();
}

}  // namespace
}  // namespace uw::core
