// End to end against the generator's ground truth (docs/generator.md): generate an export,
// import it into a lake with the real bronze import, resolve, and compare every play EXACTLY to
// truth/music_plays.jsonl and podcast_plays.jsonl.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <tuple>

#include "generator/generator.h"
#include "pipeline/bronze/import_exports.h"
#include "pipeline/silver/resolve_plays.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::silver {
namespace {

// What the truth pins for one play: end (at its precision), URI, ms_played (-1 = null),
// sources bits, resolved URI, ended_at_ambiguous.
using Row = std::tuple<int64_t, std::string, int64_t, int, std::string, bool>;

std::string Text(simdjson::dom::element e, std::string_view key) {
  std::string_view s;
  return e[key].get(s) ? std::string() : std::string(s);
}

std::vector<Row> ReadTruth(const std::filesystem::path& file, bool music) {
  std::ifstream in(file);
  std::vector<Row> rows;
  simdjson::dom::parser parser;
  for (std::string line; std::getline(in, line);) {
    simdjson::dom::element e = parser.parse(line);
    int64_t ended_ms = int64_t(e["ended_at_s"]) * 1000;
    if (Text(e, "ended_at_precision") == "ms") ended_ms = int64_t(e["api_played_at_ms"]);
    int64_t ms = -1;
    if (!e["ms_played"].is_null()) ms = int64_t(e["ms_played"]);
    int sources = 0;
    for (auto s : simdjson::dom::array(e["sources"])) {
      const std::string_view name = s;
      sources |= name == "account" ? kSeenByAccount : name == "api" ? kSeenByApi : kSeenByExtended;
    }
    const std::string uri = music ? Text(e, "track_uri")
                            : Text(e, "content_type") == "audiobook"
                                ? Text(e, "audiobook_chapter_uri")
                                : Text(e, "episode_uri");
    const std::string resolved = Text(e, music ? "resolved_track_uri" : "resolved_episode_uri");
    rows.emplace_back(ended_ms, uri, ms, sources, resolved, bool(e["ended_at_ambiguous"]));
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::vector<Row> Mine(const std::vector<PlayRecord>& plays) {
  std::vector<Row> rows;
  for (const PlayRecord& p : plays) {
    const int64_t ms = p.ms_played_estimated ? -1 : p.ms_played.value_or(-1);
    rows.emplace_back(p.ended_at_ms, p.Uri(), ms, p.sources, p.resolved_uri, p.ended_at_ambiguous);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::string Show(const Row& r) {
  std::ostringstream o;
  o << std::get<0>(r) << " " << std::get<1>(r) << " ms=" << std::get<2>(r)
    << " src=" << std::get<3>(r) << " res=" << std::get<4>(r) << " amb=" << std::get<5>(r);
  return o.str();
}

// Lists the first differences of two sorted multisets.
void ExpectSameRows(const std::vector<Row>& mine, const std::vector<Row>& truth) {
  EXPECT_EQ(mine.size(), truth.size());
  std::vector<Row> extra, missing;
  std::set_difference(mine.begin(), mine.end(), truth.begin(), truth.end(),
                      std::back_inserter(extra));
  std::set_difference(truth.begin(), truth.end(), mine.begin(), mine.end(),
                      std::back_inserter(missing));
  EXPECT_TRUE(extra.empty() && missing.empty())
      << extra.size() << " extra, " << missing.size() << " missing";
  for (size_t i = 0; i < std::min<size_t>(extra.size(), 8); ++i)
    ADD_FAILURE() << "extra   " << Show(extra[i]);
  for (size_t i = 0; i < std::min<size_t>(missing.size(), 8); ++i)
    ADD_FAILURE() << "missing " << Show(missing[i]);
}

void CheckAgainstTruth(int64_t events, uint64_t seed, const std::string& zone) {
  testing::TempDir dir;
  generator::GeneratorOptions g;
  g.events = events;
  g.seed = seed;
  g.out = dir.path() / "gen";
  g.account_zone = zone;
  generator::Generate(g);
  // Memory stores are shared per name within the process: one lake per generated export.
  storage::MemoryStore lake("silver-truth-" + std::to_string(seed) + "-" + zone + "-" +
                            std::to_string(events));
  bronze::ImportExports(lake, {g.out / "export"}, bronze::ImportOptions{});
  ResolveOptions options;
  options.listener_zone = "Europe/Berlin";
  BronzePlays bronze = ReadBronzePlays(lake);
  const auto start = std::chrono::steady_clock::now();
  const ResolvedPlays resolved = ResolvePlays(std::move(bronze), options);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  // Informational only (speed lives in bench/); never asserted.
  std::cout << "resolve " << events << " events: " << took.count() << " s\n";
  EXPECT_EQ(resolved.summary.zone.zone, zone);
  const auto truth_music = ReadTruth(g.out / "truth/music_plays.jsonl", true);
  ASSERT_FALSE(truth_music.empty());
  ExpectSameRows(Mine(resolved.music), truth_music);
  ExpectSameRows(Mine(resolved.podcast), ReadTruth(g.out / "truth/podcast_plays.jsonl", false));
}

TEST(TruthCompare, Seed1Utc) { CheckAgainstTruth(3000, 1, "UTC"); }
TEST(TruthCompare, Seed2Berlin) { CheckAgainstTruth(3000, 2, "Europe/Berlin"); }
TEST(TruthCompare, Seed3NewYork) { CheckAgainstTruth(3000, 3, "America/New_York"); }
TEST(TruthCompare, Seeds4To6BothZones) {
  for (uint64_t seed = 4; seed <= 6; ++seed) {
    CheckAgainstTruth(5000, seed, "UTC");
    CheckAgainstTruth(5000, seed, "Europe/Berlin");
  }
}
TEST(TruthCompare, HundredThousandBerlin) { CheckAgainstTruth(100000, 1, "Europe/Berlin"); }
TEST(TruthCompare, HundredThousandUtcSeed2) { CheckAgainstTruth(100000, 2, "UTC"); }

}  // namespace
}  // namespace uw::silver
