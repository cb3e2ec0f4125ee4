// Ordering plays by time without moving them while sorting: a stable LSD radix sort computes the
// permutation over (ended_at, position), then records move once, in place. Resolution sorts a
// million plays several times; this keeps each sort to a few linear passes over 16-byte items
// and never touches fresh memory (page faults on a new 250 MB vector cost more than the sort).
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

#include "pipeline/silver/play_record.h"

namespace uw::silver {

// The permutation that sorts `times` ascending, equal times keeping their order.
std::vector<uint32_t> StableOrder(const std::vector<int64_t>& times);

// Rearranges plays to (plays[order[0]], plays[order[1]], …); `order` is a permutation.
void PermuteInPlace(std::vector<PlayRecord>& plays, std::vector<uint32_t> order);

// Stable sort by ended_at_ms; does nothing when already sorted, and when only a tail is out of
// order (rows appended to sorted plays) sorts the tail and merges it in.
void SortByEnd(std::vector<PlayRecord>& plays);

// Visits the elements of the time-sorted `runs` (anything with ended_at_ms) as one time-sorted
// sequence, equal times in run order, and empties each run once visited.
template <typename Run, typename Visit>
void MergeRuns(const std::vector<Run*>& runs, Visit&& visit) {
  struct Head {
    int64_t ended_at_ms;
    uint32_t run;
    bool operator>(const Head& o) const {
      return ended_at_ms != o.ended_at_ms ? ended_at_ms > o.ended_at_ms : run > o.run;
    }
  };
  std::vector<Head> heap;  // min-heap of each run's next element
  std::vector<size_t> next(runs.size(), 0);
  for (uint32_t r = 0; r < runs.size(); ++r) {
    if (!runs[r]->empty()) heap.push_back({runs[r]->front().ended_at_ms, r});
  }
  std::make_heap(heap.begin(), heap.end(), std::greater<>());
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), std::greater<>());
    const uint32_t r = heap.back().run;
    heap.pop_back();
    const Run& run = *runs[r];
    // Runs overlap little: take elements while this run stays ahead of every other.
    size_t i = next[r];
    do {
      visit(run[i++]);
    } while (i < run.size() && (heap.empty() || !(Head{run[i].ended_at_ms, r} > heap.front())));
    next[r] = i;
    if (i < run.size()) {
      heap.push_back({run[i].ended_at_ms, r});
      std::push_heap(heap.begin(), heap.end(), std::greater<>());
    } else {
      Run().swap(*runs[r]);  // keeps the peak memory low
    }
  }
}

}  // namespace uw::silver
