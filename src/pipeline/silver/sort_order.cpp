#include "pipeline/silver/sort_order.h"

#include <algorithm>
#include <utility>

#include "core/error.h"

namespace uw::silver {
namespace {

constexpr int kDigitBits = 11;  // 2048 buckets: the counts stay in L1
constexpr size_t kBuckets = size_t{1} << kDigitBits;

struct Item {
  uint64_t key;  // time - minimum, so the order of unsigned keys is the order of times
  uint32_t index;
};

}  // namespace

std::vector<uint32_t> StableOrder(const std::vector<int64_t>& times) {
  if (times.size() >= UINT32_MAX) Fail(ErrorCode::kInternal, "too many plays to sort");
  const size_t n = times.size();
  std::vector<uint32_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
  if (std::is_sorted(times.begin(), times.end())) return order;
  const auto [lo, hi] = std::minmax_element(times.begin(), times.end());
  const uint64_t min = static_cast<uint64_t>(*lo);
  const uint64_t range = static_cast<uint64_t>(*hi) - min;
  std::vector<Item> items(n), spare(n);
  for (size_t i = 0; i < n; ++i) {
    items[i] = {static_cast<uint64_t>(times[i]) - min, static_cast<uint32_t>(i)};
  }
  // LSD radix: each pass is stable, so equal times keep their input order.
  for (int shift = 0; shift < 64 && (range >> shift) != 0; shift += kDigitBits) {
    size_t counts[kBuckets] = {};
    for (const Item& item : items) ++counts[(item.key >> shift) & (kBuckets - 1)];
    size_t sum = 0;
    for (size_t& c : counts) sum += std::exchange(c, sum);
    for (const Item& item : items) spare[counts[(item.key >> shift) & (kBuckets - 1)]++] = item;
    items.swap(spare);
  }
  for (size_t i = 0; i < n; ++i) order[i] = items[i].index;
  return order;
}

void PermuteInPlace(std::vector<PlayRecord>& plays, std::vector<uint32_t> order) {
  constexpr uint32_t kPlaced = UINT32_MAX;
  // Follows each cycle of the permutation, so every record is copied once.
  for (size_t start = 0; start < order.size(); ++start) {
    if (order[start] == kPlaced) continue;
    if (order[start] == start) {
      order[start] = kPlaced;
      continue;
    }
    const PlayRecord first = plays[start];
    for (size_t at = start;;) {
      const uint32_t from = std::exchange(order[at], kPlaced);
      if (from == start) {
        plays[at] = first;
        break;
      }
      // Cycles jump around a large vector: fetch the next record while copying this one.
      const uint32_t next = order[from];
      if (next != kPlaced) {
        const char* record = reinterpret_cast<const char*>(&plays[next]);
        for (size_t line = 0; line < sizeof(PlayRecord); line += 64) {
          __builtin_prefetch(record + line);
        }
        __builtin_prefetch(&order[next]);
      }
      plays[at] = plays[from];
      at = from;
    }
  }
}

namespace {

bool Earlier(const PlayRecord& a, const PlayRecord& b) { return a.ended_at_ms < b.ended_at_ms; }

// Stable merge of sorted plays[0, middle) and sorted plays[middle, end), from the back, so only
// the tail needs a copy and every record moves at most once.
void MergeTail(std::vector<PlayRecord>& plays, size_t middle) {
  const std::vector<PlayRecord> tail(plays.begin() + static_cast<ptrdiff_t>(middle), plays.end());
  size_t head = middle, rest = tail.size(), out = plays.size();
  while (rest > 0) {
    // On equal times the tail's record goes last: it came later.
    if (head > 0 && Earlier(tail[rest - 1], plays[head - 1])) {
      plays[--out] = plays[--head];
    } else {
      plays[--out] = tail[--rest];
    }
  }
}

}  // namespace

void SortByEnd(std::vector<PlayRecord>& plays) {
  const auto unsorted = std::is_sorted_until(plays.begin(), plays.end(), Earlier);
  if (unsorted == plays.end()) return;
  const auto sorted_prefix = static_cast<size_t>(unsorted - plays.begin());
  if (sorted_prefix >= plays.size() / 2) {  // a sorted list with rows appended
    std::vector<PlayRecord> tail(unsorted, plays.end());
    SortByEnd(tail);
    std::copy(tail.begin(), tail.end(), unsorted);
    return MergeTail(plays, sorted_prefix);
  }
  std::vector<int64_t> times;
  times.reserve(plays.size());
  for (const PlayRecord& p : plays) times.push_back(p.ended_at_ms);
  PermuteInPlace(plays, StableOrder(times));
}

}  // namespace uw::silver
