// End-to-end: `unwrapped build` (every layer by default) on a generated export writes the 14 gold
// tables, DuckDB reads each of them over a plain Hive glob with the summary's row counts, a
// second build is up to date, and a forced rebuild writes nothing new.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>

#include "testing/lake_runs.h"
#include "testing/testing.h"

namespace uw {
namespace {

namespace fs = std::filesystem;
using testing::LakeArgs;
using testing::RunUnwrapped;
using testing::TempDir;

struct GoldTable {
  uint64_t rows = 0, written = 0;
  bool committed = false;
};

// `build` with --json: the gold part of {"silver": …, "gold": …}.
struct BuildOutput {
  bool silver_up_to_date = false, gold_up_to_date = false;
  std::map<std::string, GoldTable> gold;
};

BuildOutput BuildAll(const fs::path& lake, std::vector<std::string> extra = {}) {
  std::vector<std::string> rest = {"--json", "build"};
  rest.insert(rest.end(), extra.begin(), extra.end());
  const auto run = RunUnwrapped(LakeArgs(lake, rest));
  EXPECT_EQ(run.exit_code, 0) << run.err << run.out;
  BuildOutput out;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(run.out).get(root)) {
    ADD_FAILURE() << "not JSON: " << run.out;
    return out;
  }
  out.silver_up_to_date = root["silver"]["up_to_date"].get_bool().value();
  out.gold_up_to_date = root["gold"]["up_to_date"].get_bool().value();
  simdjson::dom::array tables;
  if (root["gold"]["tables"].get(tables)) return out;
  for (auto t : tables) {
    GoldTable g;
    g.rows = t["rows"].get_uint64().value();
    g.written = t["partitions_written"].get_uint64().value();
    g.committed = t["committed"].get_bool().value();
    out.gold[std::string(t["name"].get_string().value())] = g;
  }
  return out;
}

TEST(BuildGold, AllLayersByDefaultReadByDuckDbUpToDateAndForceWritesNothing) {
  TempDir dir;
  const fs::path lake = dir / "lake";
  const auto gen = RunUnwrapped(
      {"generate", "--events", "3000", "--seed", "3", "--out", (dir / "gen").string()});
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  ASSERT_EQ(RunUnwrapped(LakeArgs(lake, {"import", (dir / "gen" / "export").string()})).exit_code,
            0);

  const BuildOutput first = BuildAll(lake);
  EXPECT_FALSE(first.silver_up_to_date);
  ASSERT_EQ(first.gold.size(), 14u);
  for (const char* name :
       {"fact_plays", "fact_podcast_plays", "dim_tracks", "dim_artists", "dim_date", "sessions",
        "agg_daily", "agg_monthly", "agg_yearly", "agg_artist", "agg_track", "agg_album",
        "agg_genre_monthly", "agg_hour_weekday"}) {
    ASSERT_EQ(first.gold.count(name), 1u) << name;
    EXPECT_TRUE(fs::exists(lake / "gold" / name / "_delta_log")) << name;
  }
  EXPECT_GT(first.gold.at("fact_plays").rows, 2000u);
  EXPECT_EQ(first.gold.at("agg_hour_weekday").rows, 168u);

  // Text output: the silver summary, then the gold one.
  const auto text = RunUnwrapped(LakeArgs(lake, {"build"}));
  EXPECT_EQ(text.exit_code, 0) << text.err;
  const size_t silver_at = text.out.find("Silver is up to date");
  const size_t gold_at = text.out.find("Gold is up to date");
  EXPECT_NE(silver_at, std::string::npos) << text.out;
  EXPECT_NE(gold_at, std::string::npos) << text.out;
  EXPECT_LT(silver_at, gold_at);

  const BuildOutput forced = BuildAll(lake, {"--force"});
  EXPECT_FALSE(forced.gold_up_to_date);
  EXPECT_EQ(forced.gold.size(), 14u);
  for (const auto& [name, t] : forced.gold) {
    EXPECT_FALSE(t.committed) << name;
    EXPECT_EQ(t.written, 0u) << name;
  }

  const auto only_gold = RunUnwrapped(LakeArgs(lake, {"build", "--layer", "gold"}));
  EXPECT_EQ(only_gold.exit_code, 0) << only_gold.err;
  EXPECT_EQ(only_gold.out.find("Silver"), std::string::npos) << only_gold.out;

  if (const std::string missing = testing::MissingNodeTools(); !missing.empty()) {
    GTEST_SKIP() << missing;
  }
  const auto run = testing::RunNodeScript("tests/gold_interop/read_gold.mjs", {lake.string()});
  ASSERT_EQ(run.exit_code, 0) << run.out;
  simdjson::dom::parser parser;
  simdjson::dom::element read = parser.parse(run.out).value();
  for (const auto& [name, t] : first.gold) {
    SCOPED_TRACE(name);
    EXPECT_EQ(read[name]["rows"].get_uint64().value(), t.rows);
  }
  for (const char* fact : {"fact_plays", "fact_podcast_plays"}) {
    SCOPED_TRACE(fact);
    simdjson::dom::array types = read[fact]["partition_types"].get_array().value();
    ASSERT_EQ(types.size(), 1u);
    EXPECT_EQ(std::string_view(types.at(0).get_string().value()), "BIGINT");
    if (std::string_view(fact) == "fact_plays") {  // 73 data columns + year and month
      EXPECT_EQ(read[fact]["columns"].get_uint64().value(), 75u);
    }
  }
}

TEST(BuildGold, GoldAloneWithoutSilverSaysBuildSilverFirst) {
  TempDir dir;
  const auto run = RunUnwrapped(LakeArgs(dir / "lake", {"build", "--layer", "gold"}));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("build silver first"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace uw
