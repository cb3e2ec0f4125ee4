// A bounded wait for something another process holds (a lock file, a database advisory lock):
// try, and while it fails sleep a little and try again, until a deadline. Polling keeps the
// bound without signals, timers or per-session timeouts that would also bound other work.
#pragma once

#include <chrono>
#include <functional>

namespace uw::core {

// Calls `attempt` until it returns true (then true) or `wait` has passed since the first call
// (then false; `attempt` ran at least once). Sleeps `interval` between tries, never past the
// deadline. `on_first_wait`, when given, runs once before the first sleep: to say why it waits.
bool PollUntil(const std::function<bool()>& attempt, std::chrono::steady_clock::duration wait,
               std::chrono::steady_clock::duration interval,
               const std::function<void()>& on_first_wait = nullptr);

}  // namespace uw::core
