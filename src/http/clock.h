// Time as the HTTP client sees it, so retry and rate-limit waits can be tested without waiting.
// SystemClock() is the real one; FakeClock advances only when someone sleeps on it.
#pragma once

#include <cstdint>
#include <mutex>
#include <vector>

namespace uw::http {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowMs() = 0;  // epoch milliseconds (UTC)
  virtual void SleepMs(int64_t duration_ms) = 0;
};

// The wall clock and a real sleep. Thread safe.
Clock& SystemClock();

// A clock for tests: starts at `start_ms`, SleepMs advances it and records the duration.
// Thread safe.
class FakeClock : public Clock {
 public:
  explicit FakeClock(int64_t start_ms = 1'700'000'000'000) : now_ms_(start_ms) {}

  int64_t NowMs() override {
    std::lock_guard lock(mutex_);
    return now_ms_;
  }
  void SleepMs(int64_t duration_ms) override {
    std::lock_guard lock(mutex_);
    sleeps_ms_.push_back(duration_ms);
    if (duration_ms > 0) now_ms_ += duration_ms;
  }
  // Moves time forward without recording a sleep (time passing elsewhere).
  void AdvanceMs(int64_t duration_ms) {
    std::lock_guard lock(mutex_);
    now_ms_ += duration_ms;
  }
  std::vector<int64_t> sleeps_ms() const {
    std::lock_guard lock(mutex_);
    return sleeps_ms_;
  }
  int64_t total_slept_ms() const {
    std::lock_guard lock(mutex_);
    int64_t total = 0;
    for (int64_t s : sleeps_ms_) total += s;
    return total;
  }

 private:
  mutable std::mutex mutex_;
  int64_t now_ms_;
  std::vector<int64_t> sleeps_ms_;
};

}  // namespace uw::http
