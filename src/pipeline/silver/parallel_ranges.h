// ParallelRanges: runs work(begin, end) over [0, n) cut into one range per hardware thread, for
// the per-play passes of resolution (keys of a million plays, event ids). Small inputs run on
// the calling thread. The first exception is rethrown after every range has finished.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace uw::silver {

inline constexpr size_t kMinPlaysPerThread = 50000;

template <typename Work>
void ParallelRanges(size_t n, Work&& work) {
  const size_t threads = std::clamp<size_t>(n / kMinPlaysPerThread, 1,
                                            std::max(1u, std::thread::hardware_concurrency()));
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto run = [&](size_t t) {
    try {
      work(n * t / threads, n * (t + 1) / threads);
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

}  // namespace uw::silver
