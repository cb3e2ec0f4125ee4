// BuildGold's flow on a small generated lake: a clear error without silver, every table
// published and passing its checks, "up to date" when nothing changed, --force writing nothing
// new, and an option change rewriting only the tables it shapes.
#include "pipeline/gold/build_gold.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "generator/generator.h"
#include "pipeline/bronze/import_exports.h"
#include "pipeline/silver/build_silver.h"
#include "pipeline/tables/read_table.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::gold {
namespace {

const tables::PublishedTable& Table(const GoldBuildReport& r, std::string_view name) {
  for (const tables::PublishedTable& t : r.tables) {
    if (t.name == name) return t;
  }
  throw std::runtime_error("no table " + std::string(name));
}

class BuildGoldTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    generator::GeneratorOptions g;
    g.events = 4000;
    g.seed = 5;
    g.out = dir_->path() / "gen";
    generator::Generate(g);
  }
  static void TearDownTestSuite() { delete dir_; }

  // A fresh lake holding bronze (and silver when asked).
  static void Fill(storage::MemoryStore& lake, bool silver) {
    bronze::ImportExports(lake, {dir_->path() / "gen" / "export"}, bronze::ImportOptions{});
    if (silver) silver::BuildSilver(lake, {});
  }

  static testing::TempDir* dir_;
};
testing::TempDir* BuildGoldTest::dir_ = nullptr;

TEST_F(BuildGoldTest, WithoutSilverSaysBuildSilverFirst) {
  storage::MemoryStore lake("gold-no-silver");
  Fill(lake, false);
  try {
    BuildGold(lake, {});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
    EXPECT_NE(std::string(e.what()).find("build silver first"), std::string::npos) << e.what();
  }
}

TEST_F(BuildGoldTest, PublishesEveryTableThenIsUpToDateAndForceWritesNothing) {
  storage::MemoryStore lake("gold-flow");
  Fill(lake, true);
  const GoldBuildReport first = BuildGold(lake, {});
  EXPECT_FALSE(first.up_to_date);
  EXPECT_EQ(first.reason, "first build");
  EXPECT_EQ(first.tables.size(), 14u);
  for (const char* name : {"fact_plays", "fact_podcast_plays", "dim_tracks", "dim_artists"}) {
    EXPECT_TRUE(Table(first, name).committed) << name;
    EXPECT_EQ(Table(first, name).rows,
              tables::ReadTable(lake, std::string("gold/") + name + "/").num_rows())
        << name;
  }
  EXPECT_EQ(Table(first, "fact_plays").rows, first.plays);
  EXPECT_GT(Table(first, "fact_plays").partitions_written, 10u);
  EXPECT_EQ(Table(first, "dim_tracks").rows, tables::ReadTable(lake, "silver/tracks/").num_rows());

  const GoldBuildReport again = BuildGold(lake, {});
  EXPECT_TRUE(again.up_to_date) << again.reason;
  EXPECT_TRUE(again.tables.empty());

  GoldBuildOptions force;
  force.force = true;
  const GoldBuildReport forced = BuildGold(lake, force);
  EXPECT_FALSE(forced.up_to_date);
  for (const tables::PublishedTable& t : forced.tables) {
    EXPECT_FALSE(t.committed) << t.name;
    EXPECT_EQ(t.partitions_written, 0u) << t.name;
  }
}

TEST_F(BuildGoldTest, ASessionGapChangeRewritesOnlyWhatSessionsShape) {
  storage::MemoryStore lake("gold-gap");
  Fill(lake, true);
  BuildGold(lake, {});
  GoldBuildOptions options;
  options.gold.session_gap_ms = 5 * 60 * 1000;
  const GoldBuildReport changed = BuildGold(lake, options);
  EXPECT_EQ(changed.reason, "options changed");
  EXPECT_TRUE(Table(changed, "fact_plays").committed);
  EXPECT_FALSE(Table(changed, "fact_podcast_plays").committed);
  EXPECT_FALSE(Table(changed, "dim_tracks").committed);
  EXPECT_FALSE(Table(changed, "dim_artists").committed);
}

}  // namespace
}  // namespace uw::gold
