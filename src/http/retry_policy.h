// How hard Client tries: attempts and backoff on 5xx and network errors, the longest rate-limit
// wait a run sits through, and the request budget of a run. Defaults follow tech.md §5
// "Rate limits" (1 s base, x2, cap 60 s, 5 tries).
#pragma once

#include <cstdint>

#include "http/transport.h"

namespace uw::core {
struct Settings;
}

namespace uw::http {

struct RetryPolicy {
  int max_attempts = 5;          // tries per request in all (first try included), >= 1
  int64_t base_delay_ms = 1000;  // first backoff step; retry n sleeps in [0, base * 2^n]
  int64_t max_delay_ms = 60000;  // cap of one backoff step
  int64_t max_wait_ms = 300000;  // a Retry-After longer than this stops the run instead
  int64_t max_requests = 0;      // attempts allowed per Client; 0 = no budget
  uint64_t jitter_seed = 0;      // 0 = seeded from the system; else deterministic (tests)
};

// From spotify_max_attempts, spotify_retry_base_ms, spotify_max_wait_seconds and
// spotify_max_requests. Values below their minimum are clamped (at least one attempt, no
// negative delays).
RetryPolicy RetryPolicyFromSettings(const core::Settings& settings);

// From spotify_timeout_seconds (whole request); the connect timeout is the smaller of 10 s and
// that.
TransportOptions TransportOptionsFromSettings(const core::Settings& settings);

}  // namespace uw::http
