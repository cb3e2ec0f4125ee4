#include "core/poll.h"

#include <algorithm>
#include <thread>

namespace uw::core {

bool PollUntil(const std::function<bool()>& attempt, std::chrono::steady_clock::duration wait,
               std::chrono::steady_clock::duration interval,
               const std::function<void()>& on_first_wait) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point deadline = Clock::now() + wait;
  for (bool waited = false; !attempt(); waited = true) {
    const Clock::time_point now = Clock::now();
    if (now >= deadline) return false;
    if (!waited && on_first_wait) on_first_wait();
    std::this_thread::sleep_for(std::min<Clock::duration>(interval, deadline - now));
  }
  return true;
}

}  // namespace uw::core
