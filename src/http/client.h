// The HTTP client every Spotify call goes through: it sends via a Transport and applies the
// retry and rate-limit policy (formats.md §3.6, tech.md §5 "Rate limits").
//  - Any response other than 429 and 5xx is returned as is: 2xx, 3xx and 4xx (400, 401, 403,
//    404) are the caller's to interpret.
//  - 5xx and network errors are retried with exponential backoff and full jitter up to
//    max_attempts tries in all, then RequestFailed. A 503 with Retry-After is treated like a 429.
//  - 429 with error.reason "QUOTA_EXCEEDED" throws StopRun(kQuotaExceeded) at once. Any other 429
//    waits Retry-After (seconds or HTTP-date; else the backoff schedule) plus up to 250 ms of
//    jitter; a wait above max_wait_ms throws StopRun(kRateLimited) without sleeping, and so do
//    max_attempts 429s in a row.
//  - Every attempt counts against max_requests; once spent, StopRun(kBudgetSpent) before sending
//    (or before waiting for a retry that could not be sent).
//  - One debug log line per attempt (method, URL with secret query values redacted, status or
//    network reason, elapsed ms). Headers and bodies are never logged.
// Not thread safe: one Client per thread (as with its Transport).
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "http/clock.h"
#include "http/request.h"
#include "http/retry_after.h"
#include "http/retry_policy.h"
#include "http/stop_run.h"
#include "http/transport.h"
#include "http/url.h"

namespace uw::http {

class Client {
 public:
  // `transport` and `clock` must outlive the Client.
  Client(Transport& transport, Clock& clock, RetryPolicy policy);

  // Sends `request` under the policy above. Throws StopRun, RequestFailed; never NetworkError.
  Response Send(const Request& request);

  int64_t requests_sent() const { return requests_sent_; }  // attempts, retries included
  int64_t retries() const { return retries_; }  // attempts after the first, all requests
  const RetryPolicy& policy() const { return policy_; }

 private:
  struct Outcome;
  Outcome Attempt(const Request& request, int attempt);
  void CheckBudget() const;
  void Pause(int64_t duration_ms);
  std::optional<int64_t> RetryDelayMs(const Request& request, const Outcome& outcome, int attempt);
  std::optional<int64_t> RateLimitDelayMs(const Request& request, const Response& response,
                                          int attempt);
  int64_t BackoffMs(int retry);
  int64_t JitterMs(int64_t upper_ms);

  Transport& transport_;
  Clock& clock_;
  RetryPolicy policy_;
  std::mt19937_64 rng_;
  int64_t requests_sent_ = 0;
  int64_t retries_ = 0;
};

}  // namespace uw::http
