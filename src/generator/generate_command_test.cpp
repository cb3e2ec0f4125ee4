// `unwrapped generate` through the real binary: output, --json, exit codes.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "testing/testing.h"

namespace uw::generator {
namespace {

using uw::testing::RunUnwrapped;
using uw::testing::TempDir;

TEST(GenerateCommandTest, WritesAnExportAndSaysWhat) {
  TempDir dir;
  const auto r = RunUnwrapped(
      {"generate", "--events", "3000", "--seed", "4", "--out", (dir / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("extended history"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("unique music plays"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::is_regular_file(dir / "out/truth/summary.json"));
  EXPECT_TRUE(std::filesystem::is_directory(dir / "out/export/Spotify Extended Streaming History"));
}

TEST(GenerateCommandTest, JsonOutputDescribesTheRun) {
  TempDir dir;
  const auto r = RunUnwrapped({"--json", "generate", "--events", "2000", "--zip", "--account-zone",
                               "America/New_York", "--out", dir.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  simdjson::dom::parser parser;
  const auto doc = parser.parse(r.out).value();
  EXPECT_EQ(int64_t(doc["events"]), 2000);
  EXPECT_EQ(simdjson::dom::array(doc["zips"]).size(), 2u);
  EXPECT_GT(int64_t(doc["extended"]["records"]), 2000);
  EXPECT_GT(int64_t(doc["hazards"]["account_fall_back_hour_rows"]), 0);  // New York falls back too
}

TEST(GenerateCommandTest, UsageErrorsExitWithTwo) {
  TempDir dir;
  EXPECT_EQ(RunUnwrapped({"generate", "--events", "0", "--out", dir.path().string()}).exit_code, 2);
  EXPECT_EQ(RunUnwrapped({"generate", "--events", "10"}).exit_code, 2);  // --out is required
  const auto zone = RunUnwrapped({"generate", "--events", "10", "--account-zone",
                                  "Atlantis/Capital", "--out", dir.path().string()});
  EXPECT_EQ(zone.exit_code, 2);
  EXPECT_NE(zone.err.find("Atlantis/Capital"), std::string::npos) << zone.err;
  ASSERT_EQ(RunUnwrapped({"generate", "--events", "10", "--out", dir.path().string()}).exit_code,
            0);
  EXPECT_EQ(RunUnwrapped({"generate", "--events", "10", "--out", dir.path().string()}).exit_code,
            2);
  EXPECT_EQ(RunUnwrapped({"generate", "--events", "10", "--force", "--out", dir.path().string()})
                .exit_code,
            0);
}

}  // namespace
}  // namespace uw::generator
