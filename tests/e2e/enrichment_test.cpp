// End-to-end: Spotify catalogue responses in bronze reach the report. The real binary imports a
// small export, finds responses under bronze/spotify_api/<kind>/ (written here as the enricher
// lands them: one raw body per file, named by base64url id), builds silver (the summary counts
// the responses and names the bad ones), then only the dimensions when more responses arrive,
// then gold and the report, whose coverage section shows the enrichment share.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "pipeline/silver/spotify_fixture.h"
#include "testing/lake_runs.h"
#include "testing/testing.h"

namespace uw {
namespace {

namespace fs = std::filesystem;
using testing::RunUnwrapped;
namespace fixture = silver::fixture;

const std::map<std::string, std::string> kEnv = {{"UNWRAPPED_TIMEZONE", "UTC"}};

testing::RunResult Unwrapped(const fs::path& lake, std::vector<std::string> args) {
  return RunUnwrapped(testing::LakeArgs(lake, std::move(args)), kEnv);
}

void LandFiles(const fs::path& lake, const std::map<std::string, std::string>& files) {
  for (const auto& [key, body] : files) testing::WriteFile(lake / key, body);
}

TEST(EnrichmentE2E, ResponsesFillSilverAndTheReportShowsTheShare) {
  testing::TempDir dir;
  const fs::path lake = dir / "lake";
  const fs::path history = dir / "export" / "Streaming_History_Audio_2024_0.json";
  testing::WriteFile(history, fixture::Export());
  ASSERT_EQ(Unwrapped(lake, {"import", history.string()}).exit_code, 0);
  // The first responses, one of them bad: the build names it and uses the rest.
  std::map<std::string, std::string> first = fixture::Responses();
  const std::string album_key = lake::BronzeSpotifyObject("albums", fixture::kHotFuss);
  first.erase(album_key);
  LandFiles(lake, first);
  LandFiles(lake, fixture::BadResponses());
  const auto silver = Unwrapped(lake, {"build", "--layer", "silver"});
  ASSERT_EQ(silver.exit_code, 0) << silver.err << silver.out;
  EXPECT_NE(silver.out.find("spotify catalogue: 7 responses read"), std::string::npos)
      << silver.out;
  for (const auto& [key, body] : fixture::BadResponses())
    EXPECT_NE(silver.out.find(key), std::string::npos) << silver.out;

  // The album response arrives: only the dimensions are rebuilt.
  LandFiles(lake, {{album_key, fixture::Responses().at(album_key)}});
  const auto dims = Unwrapped(lake, {"--json", "build", "--layer", "silver"});
  ASSERT_EQ(dims.exit_code, 0) << dims.err << dims.out;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_FALSE(parser.parse(dims.out).get(root)) << dims.out;
  bool incremental = false;
  uint64_t albums_used = 0;
  simdjson::dom::array rejected, tables;
  ASSERT_FALSE(root["incremental"].get(incremental)) << dims.out;
  EXPECT_TRUE(incremental) << dims.out;
  ASSERT_FALSE(root["catalogue"]["used"]["albums"].get(albums_used)) << dims.out;
  EXPECT_EQ(albums_used, 1u);
  ASSERT_FALSE(root["catalogue"]["rejected"].get(rejected)) << dims.out;
  EXPECT_EQ(rejected.size(), 2u);
  ASSERT_FALSE(root["tables"].get(tables)) << dims.out;
  std::set<std::string> staged;
  for (auto table : tables) {
    std::string_view name;
    if (!table["name"].get(name)) staged.emplace(name);
  }
  EXPECT_TRUE(staged.count("albums"));
  EXPECT_FALSE(staged.count("listening_events"));
  EXPECT_FALSE(staged.count("podcast_events"));

  ASSERT_EQ(Unwrapped(lake, {"build"}).exit_code, 0);
  const fs::path html = dir / "report.html";
  const auto report = Unwrapped(lake, {"report", "--out", html.string()});
  ASSERT_EQ(report.exit_code, 0) << report.err << report.out;
  const std::string page = testing::ReadFile(html);
  const size_t at = page.find("<section id=\"coverage\"");
  ASSERT_NE(at, std::string::npos);
  const std::string coverage = page.substr(at, page.find("</section>", at) - at);
  // 2 of the 3 tracks (3 of the 4 plays of 3 min each), 2 of the 3 albums, the one episode.
  EXPECT_NE(coverage.find("Spotify metadata describes <strong>66.7%</strong> of the tracks played "
                          "(2 of 3 tracks), <strong>75.0%</strong> of the listening time; "
                          "<strong>66.7%</strong> of the albums have a release date."),
            std::string::npos)
      << coverage;
  EXPECT_NE(coverage.find("<strong>100.0%</strong> of the podcast episodes and "
                          "<strong>100.0%</strong> of the shows have Spotify metadata."),
            std::string::npos)
      << coverage;
  EXPECT_NE(coverage.find("1 of 1 episodes"), std::string::npos);  // in the fold-out table
}

}  // namespace
}  // namespace uw
