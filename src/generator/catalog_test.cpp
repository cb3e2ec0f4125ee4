#include "generator/catalog.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/text.h"
#include "generator/scenario.h"

namespace uw::generator {
namespace {

std::string Lower(const std::string& s) {
  std::string out;
  for (const char c : s)
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

class CatalogTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    catalog_ = new Catalog(Catalog::Build(Rng(1).Fork("catalog"), 50000));
  }
  static void TearDownTestSuite() { delete catalog_; }
  static const Catalog& catalog() { return *catalog_; }
  static Catalog* catalog_;
};
Catalog* CatalogTest::catalog_ = nullptr;

TEST_F(CatalogTest, ScalesWithEvents) {
  EXPECT_EQ(catalog().artists.size(), 1341u);  // 6 * sqrt(50000)
  EXPECT_GT(catalog().tracks.size(), catalog().artists.size() * 3);
  EXPECT_EQ(Catalog::Build(Rng(1), 100).artists.size(), 300u);
}

TEST_F(CatalogTest, IdsAreBase62AndUnique) {
  std::set<std::string> ids;
  for (const Track& t : catalog().tracks) {
    ASSERT_EQ(t.id.size(), 22u);
    for (const char c : t.id) ASSERT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << t.id;
    EXPECT_TRUE(ids.insert(t.id).second) << t.id;
  }
}

TEST_F(CatalogTest, ArtistNamesAreUniqueEvenIgnoringCase) {
  std::set<std::string> names;
  for (const Artist& a : catalog().artists)
    EXPECT_TRUE(names.insert(Lower(a.name)).second) << a.name;
}

// Only re-releases share a name within an artist, and they have their own URI.
TEST_F(CatalogTest, SameNameWithinAnArtistOnlyForReReleases) {
  std::map<std::pair<uint32_t, std::string>, std::vector<uint32_t>> by_name;
  for (uint32_t t = 0; t < catalog().tracks.size(); ++t) {
    by_name[{catalog().tracks[t].artist, Lower(catalog().tracks[t].name)}].push_back(t);
  }
  int rereleases = 0;
  for (const auto& [key, tracks] : by_name) {
    if (tracks.size() < 2) continue;
    ++rereleases;
    for (const uint32_t t : tracks) {
      EXPECT_EQ(catalog().tracks[t].name,
                catalog().tracks[tracks[0]].name);  // exactly equal, not case variants
      if (t != tracks[0]) {
        EXPECT_NE(catalog().tracks[t].album, catalog().tracks[tracks[0]].album);
        EXPECT_NE(catalog().tracks[t].id, catalog().tracks[tracks[0]].id);
      }
    }
  }
  EXPECT_GT(rereleases, 10);
}

TEST_F(CatalogTest, NamesCoverNonAsciiScriptsAndEmoji) {
  bool cjk = false, emoji = false, accented = false, quote = false;
  for (const Track& t : catalog().tracks) {
    EXPECT_TRUE(core::IsValidUtf8(t.name));
    cjk |= t.name.find("東京") != std::string::npos || t.name.find("사랑해") != std::string::npos;
    emoji |= t.name.find("\xF0\x9F") != std::string::npos;
    accented |= t.name.find("é") != std::string::npos || t.name.find("ü") != std::string::npos;
    quote |= t.name.find('"') != std::string::npos;
  }
  EXPECT_TRUE(cjk && emoji && accented && quote);
  EXPECT_FALSE(catalog().short_tracks.empty());
  for (const uint32_t t : catalog().short_tracks) EXPECT_LT(catalog().tracks[t].duration_ms, 76000);
}

TEST_F(CatalogTest, PickTrackOnlyReturnsReleasedTracks) {
  Rng rng(3);
  const int64_t when = scenario::At(2016, 1, 1);
  for (uint32_t a = 0; a < 200; ++a) {
    for (int k = 0; k < 5; ++k) {
      const uint32_t t = catalog().PickTrack(rng, a, when);
      EXPECT_EQ(catalog().tracks[t].artist, a);
      EXPECT_LE(catalog().albums[catalog().tracks[t].album].release_s, when);
    }
  }
}

TEST_F(CatalogTest, EpisodesArePureFunctionsOfShowAndNumber) {
  const uint32_t item = Catalog::PackItem(3, 120);
  EXPECT_EQ(Catalog::ItemOwner(item), 3u);
  EXPECT_EQ(Catalog::ItemNumber(item), 120u);
  EXPECT_EQ(catalog().EpisodeName(item), catalog().EpisodeName(item));
  EXPECT_NE(catalog().EpisodeName(item).find("120"), std::string::npos);
  EXPECT_NE(catalog().EpisodeId(item), catalog().EpisodeId(Catalog::PackItem(3, 121)));
  EXPECT_GE(catalog().EpisodeDurationMs(item), 600000);
  const Show& show = catalog().shows[3];
  EXPECT_EQ(catalog().LatestEpisode(3, show.first_episode_s - 1), 0u);
  EXPECT_EQ(catalog().LatestEpisode(3, show.first_episode_s), 1u);
}

TEST(CatalogDeterminismTest, SameSeedSameCatalog) {
  const Catalog a = Catalog::Build(Rng(5), 2000), b = Catalog::Build(Rng(5), 2000),
                c = Catalog::Build(Rng(6), 2000);
  ASSERT_EQ(a.tracks.size(), b.tracks.size());
  for (size_t i = 0; i < a.tracks.size(); ++i) EXPECT_EQ(a.tracks[i].id, b.tracks[i].id);
  EXPECT_NE(a.artists[0].name + a.tracks[0].id, c.artists[0].name + c.tracks[0].id);
}

}  // namespace
}  // namespace uw::generator
