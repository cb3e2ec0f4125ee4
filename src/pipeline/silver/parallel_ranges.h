// ParallelRanges: runs work(begin, end) over [0, n) cut into one range per hardware thread, for
// the per-play passes of resolution (keys of a million plays, event ids); ParallelParts also
// gives each range its index. Small inputs run on the calling thread. The first exception is
// rethrown after every range has finished. RunConcurrently overlaps two independent steps.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace uw::silver {

inline constexpr size_t kMinPlaysPerThread = 50000;

// How many ranges [0, n) is cut into: one per hardware thread, each of at least `min_per_range`
// items (one range for small inputs).
inline size_t RangeCount(size_t n, size_t min_per_range = kMinPlaysPerThread) {
  return std::clamp<size_t>(n / min_per_range, 1,
                            std::max(1u, std::thread::hardware_concurrency()));
}

// Runs work(part, begin, end) for each of the RangeCount(n, min_per_range) ranges, part being
// the range's index (for per-range results), the first on the calling thread.
template <typename Work>
void ParallelParts(size_t n, size_t min_per_range, Work&& work) {
  const size_t threads = RangeCount(n, min_per_range);
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto run = [&](size_t t) {
    try {
      work(t, n * t / threads, n * (t + 1) / threads);
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(run, t);
  run(0);
  for (auto& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
}

template <typename Work>
void ParallelRanges(size_t n, Work&& work) {
  ParallelParts(n, kMinPlaysPerThread,
                [&](size_t, size_t begin, size_t end) { work(begin, end); });
}

// Runs `on_caller` on the calling thread while `on_helper` runs on a new one (a mostly serial
// step beside a parallel one keeps every core busy). Returns once both have finished; then
// rethrows the helper's exception, else the caller's: a caller that waits for what the helper
// makes fails when the helper does, and the helper's error is the cause.
template <typename OnCaller, typename OnHelper>
void RunConcurrently(OnCaller&& on_caller, OnHelper&& on_helper) {
  std::exception_ptr helper_failure, caller_failure;
  std::thread helper([&] {
    try {
      on_helper();
    } catch (...) {
      helper_failure = std::current_exception();
    }
  });
  try {
    on_caller();
  } catch (...) {
    caller_failure = std::current_exception();
  }
  helper.join();
  if (helper_failure) std::rethrow_exception(helper_failure);
  if (caller_failure) std::rethrow_exception(caller_failure);
}

}  // namespace uw::silver
