// End-to-end: global flags, settings precedence through the real binary, exit codes.
#include <gtest/gtest.h>

#include "testing/testing.h"

namespace uw {
namespace {

using testing::RunUnwrapped;

TEST(Cli, VersionAndHelp) {
  const auto version = RunUnwrapped({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("unwrapped 0."), std::string::npos) << version.out;
  const auto help = RunUnwrapped({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"import", "generate", "demo", "status", "config"}) {
    EXPECT_NE(help.out.find(command), std::string::npos) << command << " missing from --help";
  }
}

TEST(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(RunUnwrapped({}).exit_code, 2);
  EXPECT_EQ(RunUnwrapped({"no-such-command"}).exit_code, 2);
  EXPECT_EQ(RunUnwrapped({"config", "show", "--no-such-flag"}).exit_code, 2);
  const auto bad_env = RunUnwrapped({"config", "show"}, {{"UNWRAPPED_MODE", "staging"}});
  EXPECT_EQ(bad_env.exit_code, 2);
  EXPECT_NE(bad_env.err.find("UNWRAPPED_MODE"), std::string::npos) << bad_env.err;
}

TEST(Cli, ConfigShowPrecedenceAndRedaction) {
  testing::TempDir dir;
  testing::WriteFile(dir / "c.toml", "lake = \"/from/file\"\ntimezone = \"Asia/Tokyo\"\n");
  const auto r = RunUnwrapped({"--config", (dir / "c.toml").string(), "--lake", "/from/flag", "--json",
                               "config", "show"},
                              {{"UNWRAPPED_TIMEZONE", "Europe/Berlin"},
                               {"UNWRAPPED_SPOTIFY_REFRESH_TOKEN", "AQD-secret-token"}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(R"("lake":{"value":"/from/flag","source":"flag"})"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"("timezone":{"value":"Europe/Berlin","source":"environment"})"),
            std::string::npos);
  EXPECT_EQ(r.out.find("AQD-secret-token"), std::string::npos) << "secret leaked: " << r.out;
  EXPECT_NE(r.out.find("<redacted>"), std::string::npos);
}

}  // namespace
}  // namespace uw
