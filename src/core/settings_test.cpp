#include "core/settings.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "testing/testing.h"

namespace uw::core {
namespace {

using uw::testing::TempDir;
using uw::testing::WriteFile;

TEST(Settings, DefaultsWithoutAnything) {
  const Settings s = LoadSettings({}, "", {});
  EXPECT_EQ(s.lake, "./lake");
  EXPECT_EQ(s.sources.at("lake"), SettingSource::kDefault);
  EXPECT_TRUE(s.config_file.empty());
}

TEST(Settings, PrecedenceFlagsOverEnvOverFileOverDefaults) {
  TempDir dir;
  WriteFile(dir / "c.toml",
            "lake = \"/from/file\"\ntimezone = \"Europe/Berlin\"\nmode = \"dev\"\n"
            "[spotify]\nclient_id = \"file-id\"\n");
  const Environment env{{"UNWRAPPED_LAKE", "/from/env"}, {"UNWRAPPED_SPOTIFY_CLIENT_ID", "env-id"}};
  const Settings s = LoadSettings({{"lake", "/from/flag"}}, (dir / "c.toml").string(), env);
  EXPECT_EQ(s.lake, "/from/flag");
  EXPECT_EQ(s.sources.at("lake"), SettingSource::kFlag);
  EXPECT_EQ(s.spotify_client_id, "env-id");
  EXPECT_EQ(s.sources.at("spotify.client_id"), SettingSource::kEnvironment);
  EXPECT_EQ(s.timezone, "Europe/Berlin");
  EXPECT_EQ(s.sources.at("timezone"), SettingSource::kFile);
  EXPECT_EQ(s.mode, "dev");
}

TEST(Settings, ConfigPathFromEnvironment) {
  TempDir dir;
  WriteFile(dir / "c.toml", "lake = \"/x\"\n");
  const Settings s = LoadSettings({}, "", {{"UNWRAPPED_CONFIG", (dir / "c.toml").string()}});
  EXPECT_EQ(s.lake, "/x");
}

TEST(Settings, SecretsAreRedacted) {
  const Settings s = LoadSettings({}, "", {{"UNWRAPPED_SPOTIFY_REFRESH_TOKEN", "AQD-very-secret"}});
  bool seen = false;
  for (const auto& line : DescribeSettings(s)) {
    EXPECT_EQ(line.value.find("AQD-very-secret"), std::string::npos) << line.key;
    if (line.key == "spotify.refresh_token") {
      EXPECT_EQ(line.value, "<redacted>");
      seen = true;
    }
  }
  EXPECT_TRUE(seen);
}

TEST(Settings, ErrorsNameTheCulprit) {
  TempDir dir;
  WriteFile(dir / "bad.toml", "lake = \"/x\"\nno_such_key = 1\n");
  try {
    LoadSettings({}, (dir / "bad.toml").string(), {});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_NE(std::string(e.what()).find("no_such_key"), std::string::npos);
  }
  WriteFile(dir / "broken.toml", "lake = \n");
  EXPECT_THROW(LoadSettings({}, (dir / "broken.toml").string(), {}), Error);
  try {
    LoadSettings({}, "", {{"UNWRAPPED_MODE", "staging"}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("UNWRAPPED_MODE"), std::string::npos);
  }
  EXPECT_THROW(LoadSettings({}, "", {{"UNWRAPPED_IMPORT_MAX_RATIO", "lots"}}), Error);
  EXPECT_THROW(LoadSettings({}, (dir / "missing.toml").string(), {}), Error);
}

TEST(Settings, GoldKeys) {
  const Settings defaults = LoadSettings({}, "", {});
  EXPECT_EQ(defaults.report_session_gap_minutes, 30);
  EXPECT_FALSE(defaults.timezone_from_country);
  TempDir dir;
  WriteFile(dir / "c.toml", "timezone_from_country = true\n[report]\nsession_gap_minutes = 10\n");
  const Settings file = LoadSettings({}, (dir / "c.toml").string(), {});
  EXPECT_EQ(file.report_session_gap_minutes, 10);
  EXPECT_TRUE(file.timezone_from_country);
  const Settings env = LoadSettings({}, (dir / "c.toml").string(),
                                    {{"UNWRAPPED_REPORT_SESSION_GAP_MINUTES", "45"},
                                     {"UNWRAPPED_TIMEZONE_FROM_COUNTRY", "false"}});
  EXPECT_EQ(env.report_session_gap_minutes, 45);
  EXPECT_FALSE(env.timezone_from_country);
  EXPECT_EQ(env.sources.at("report.session_gap_minutes"), SettingSource::kEnvironment);
  EXPECT_THROW(LoadSettings({}, "", {{"UNWRAPPED_REPORT_SESSION_GAP_MINUTES", "0"}}), Error);
}

}  // namespace
}  // namespace uw::core
