// Property tests of the time orderings against std::stable_sort: random times with many ties,
// sorted plays with rows appended, and merges of sorted runs.
#include "pipeline/silver/sort_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace uw::silver {
namespace {

// Plays with the given times; record_index remembers the original position.
std::vector<PlayRecord> Plays(const std::vector<int64_t>& times) {
  std::vector<PlayRecord> plays(times.size());
  for (size_t i = 0; i < times.size(); ++i) {
    plays[i].ended_at_ms = times[i];
    plays[i].record_index = i;
  }
  return plays;
}

std::vector<uint64_t> Positions(const std::vector<PlayRecord>& plays) {
  std::vector<uint64_t> out;
  for (const PlayRecord& p : plays) out.push_back(p.record_index);
  return out;
}

std::vector<uint64_t> Expected(std::vector<PlayRecord> plays) {
  std::stable_sort(plays.begin(), plays.end(),
                   [](const auto& a, const auto& b) { return a.ended_at_ms < b.ended_at_ms; });
  return Positions(plays);
}

std::vector<int64_t> RandomTimes(std::mt19937_64& rng, size_t n, int64_t spread) {
  std::vector<int64_t> times(n);
  for (auto& t : times) t = static_cast<int64_t>(rng() % uint64_t(spread)) - spread / 3;
  return times;
}

TEST(SortOrder, StableOrderAndPermuteMatchStableSort) {
  std::mt19937_64 rng(1);
  for (const int64_t spread : {int64_t{5}, int64_t{1000}, int64_t{1} << 50}) {
    const auto times = RandomTimes(rng, 20000, spread);
    std::vector<PlayRecord> plays = Plays(times);
    PermuteInPlace(plays, StableOrder(times));
    EXPECT_EQ(Positions(plays), Expected(Plays(times))) << spread;
  }
}

TEST(SortOrder, SortByEndHandlesAppendedRowsAndShuffles) {
  std::mt19937_64 rng(2);
  auto times = RandomTimes(rng, 10000, 3000);
  std::sort(times.begin(), times.end());
  for (int i = 0; i < 300; ++i) times.push_back(RandomTimes(rng, 1, 3000)[0]);  // appended rows
  std::vector<PlayRecord> plays = Plays(times);
  SortByEnd(plays);
  EXPECT_EQ(Positions(plays), Expected(Plays(times)));
  std::shuffle(times.begin(), times.end(), rng);
  plays = Plays(times);
  SortByEnd(plays);
  EXPECT_EQ(Positions(plays), Expected(Plays(times)));
}

TEST(SortOrder, MergeRunsIsAStableSortOfSortedRuns) {
  std::mt19937_64 rng(3);
  std::vector<std::vector<PlayRecord>> runs(7);
  std::vector<int64_t> all;
  uint64_t index = 0;
  for (auto& run : runs) {
    auto times = RandomTimes(rng, rng() % 2000, 500);
    std::sort(times.begin(), times.end());
    for (const int64_t t : times) {
      run.push_back(PlayRecord{});
      run.back().ended_at_ms = t;
      run.back().record_index = index++;
      all.push_back(t);
    }
  }
  std::vector<std::vector<PlayRecord>*> pointers;
  for (auto& run : runs) pointers.push_back(&run);
  std::vector<PlayRecord> merged;
  MergeRuns(pointers, [&merged](const PlayRecord& p) { merged.push_back(p); });
  EXPECT_EQ(Positions(merged), Expected(Plays(all)));
  for (const auto& run : runs) EXPECT_TRUE(run.empty());
}

}  // namespace
}  // namespace uw::silver
