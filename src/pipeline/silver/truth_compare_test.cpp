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

#include "pipeline/silver/resolve_plays.h"
#include "pipeline/silver/truth_rows.h"

namespace uw::silver {
namespace {

using truth::ExpectSameRows;
using truth::Mine;
using truth::ReadTruth;

void CheckAgainstTruth(int64_t events, uint64_t seed, const std::string& zone) {
  truth::GeneratedLake generated(
      events, seed, zone,
      "silver-truth-" + std::to_string(seed) + "-" + zone + "-" + std::to_string(events));
  ResolveOptions options;
  options.listener_zone = "Europe/Berlin";
  BronzePlays bronze = ReadBronzePlays(generated.lake());
  const auto start = std::chrono::steady_clock::now();
  const ResolvedPlays resolved = ResolvePlays(std::move(bronze), options);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  // Informational only (speed lives in bench/); never asserted.
  std::cout << "resolve " << events << " events: " << took.count() << " s\n";
  EXPECT_EQ(resolved.summary.zone.zone, zone);
  const auto truth_music = ReadTruth(generated.Truth("music_plays.jsonl"), true);
  ASSERT_FALSE(truth_music.empty());
  ExpectSameRows(Mine(resolved.music), truth_music);
  ExpectSameRows(Mine(resolved.podcast), ReadTruth(generated.Truth("podcast_plays.jsonl"), false));
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
