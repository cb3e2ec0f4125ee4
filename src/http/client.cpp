#include "http/client.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>

#include "core/secrets.h"

namespace uw::http {

// What one attempt produced: a response, or the reason no response came.
struct Client::Outcome {
  std::optional<Response> response;
  std::string network_error;  // set when `response` is empty
};

namespace {

constexpr int64_t kRateLimitJitterMs = 250;

bool IsServerError(int status) { return status >= 500 && status <= 599; }

uint64_t SeedFrom(uint64_t seed) {
  if (seed != 0) return seed;
  std::random_device device;
  return (uint64_t{device()} << 32) ^ device();
}

std::optional<int64_t> RetryAfterMs(const Response& response, int64_t now_ms) {
  std::optional<std::string> value = response.header("Retry-After");
  if (!value) return std::nullopt;
  return ParseRetryAfterMs(*value, now_ms);
}

int64_t CeilSeconds(int64_t ms) { return (ms + 999) / 1000; }

}  // namespace

Client::Client(Transport& transport, Clock& clock, RetryPolicy policy)
    : transport_(transport), clock_(clock), policy_(policy), rng_(SeedFrom(policy.jitter_seed)) {
  policy_.max_attempts = std::max(policy_.max_attempts, 1);
}

void Client::CheckBudget() const {
  if (policy_.max_requests > 0 && requests_sent_ >= policy_.max_requests) {
    throw StopRun(
        StopRun::Reason::kBudgetSpent, std::nullopt,
        fmt::format("the request budget of this run ({} requests) is spent", policy_.max_requests));
  }
}

// Waits before a retry; a retry the budget cannot pay for stops the run before the wait.
void Client::Pause(int64_t duration_ms) {
  CheckBudget();
  clock_.SleepMs(duration_ms);
}

Client::Outcome Client::Attempt(const Request& request, int attempt) {
  ++requests_sent_;
  int64_t start_ms = clock_.NowMs();
  Outcome outcome;
  try {
    outcome.response = transport_.Send(request);
  } catch (const NetworkError& e) {
    outcome.network_error = e.what();
  }
  // Only the URL (secrets removed) and the status: headers and bodies may hold tokens.
  spdlog::debug("http {} {} -> {} in {} ms (attempt {})", request.method, RedactUrl(request.url),
                outcome.response ? std::to_string(outcome.response->status)
                                 : core::Redact(outcome.network_error),
                clock_.NowMs() - start_ms, attempt);
  return outcome;
}

// Full jitter (uniform in [0, min(cap, base * 2^retry)]) spreads clients that failed together.
int64_t Client::BackoffMs(int retry) {
  int64_t step = policy_.base_delay_ms;
  for (int i = 0; i < retry && step < policy_.max_delay_ms; ++i) step *= 2;
  return JitterMs(std::min(step, policy_.max_delay_ms));
}

int64_t Client::JitterMs(int64_t upper_ms) {
  if (upper_ms <= 0) return 0;
  return std::uniform_int_distribution<int64_t>(0, upper_ms)(rng_);
}

// Quota exhaustion, and a 429 or a 503 that names a time (the server telling us when to come
// back): the wait before the next try, or nullopt for a 503 without Retry-After (a plain 5xx).
std::optional<int64_t> Client::RateLimitDelayMs(const Request& request, const Response& response,
                                                int attempt) {
  const std::string host = HostOf(request.url);
  const int64_t now_ms = clock_.NowMs();
  const std::optional<int64_t> asked_ms = RetryAfterMs(response, now_ms);
  if (response.status == 429 && IsQuotaExceeded(response.body)) {
    throw StopRun(
        StopRun::Reason::kQuotaExceeded,
        asked_ms ? std::optional<int64_t>(now_ms + *asked_ms) : std::nullopt,
        fmt::format("{} says the app's request quota is exhausted (QUOTA_EXCEEDED)", host));
  }
  if (response.status == 503 && !asked_ms) return std::nullopt;

  const int64_t wait_ms = asked_ms ? *asked_ms : BackoffMs(attempt - 1);
  if (wait_ms > policy_.max_wait_ms) {
    throw StopRun(StopRun::Reason::kRateLimited, now_ms + wait_ms,
                  fmt::format("rate limited by {}: Retry-After {} s exceeds the {} s this run "
                              "may wait",
                              host, CeilSeconds(wait_ms), CeilSeconds(policy_.max_wait_ms)));
  }
  if (attempt >= policy_.max_attempts) {
    if (response.status == 503) {
      throw RequestFailed(
          503, attempt, fmt::format("{} {} answered 503 {} times", request.method, host, attempt));
    }
    // Asking again at once would only prolong the throttling (spotipy#913).
    throw StopRun(StopRun::Reason::kRateLimited, now_ms + wait_ms,
                  fmt::format("rate limited by {}: {} answers 429 in a row", host, attempt));
  }
  return wait_ms + JitterMs(kRateLimitJitterMs);
}

// The wait before the next try, nullopt when `outcome` is the answer to return; throws when
// the tries are used up.
std::optional<int64_t> Client::RetryDelayMs(const Request& request, const Outcome& outcome,
                                            int attempt) {
  const bool last = attempt >= policy_.max_attempts;
  if (!outcome.response) {
    if (last) {
      throw RequestFailed(
          0, attempt,
          fmt::format("{} {} failed after {} attempts: {}", request.method, HostOf(request.url),
                      attempt, core::Redact(outcome.network_error)));
    }
    return BackoffMs(attempt - 1);
  }
  const Response& response = *outcome.response;
  if (response.status == 429 || response.status == 503) {
    if (auto delay = RateLimitDelayMs(request, response, attempt)) return delay;
  }
  if (!IsServerError(response.status)) return std::nullopt;
  if (last) {
    throw RequestFailed(response.status, attempt,
                        fmt::format("{} {} answered {} after {} attempts", request.method,
                                    HostOf(request.url), response.status, attempt));
  }
  return BackoffMs(attempt - 1);
}

Response Client::Send(const Request& request) {
  for (int attempt = 1;; ++attempt) {
    CheckBudget();
    if (attempt > 1) ++retries_;
    Outcome outcome = Attempt(request, attempt);
    std::optional<int64_t> delay_ms = RetryDelayMs(request, outcome, attempt);
    if (!delay_ms) return std::move(*outcome.response);
    Pause(*delay_ms);
  }
}

}  // namespace uw::http
