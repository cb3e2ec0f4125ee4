// The two ways a request ends badly, told apart on purpose:
//  - StopRun: the service asked us to stop (rate limit too long to wait, quota exhausted) or the
//    run's request budget is spent. The run ends cleanly now, records resume_at when known, and
//    the items not yet fetched stay pending; it is not a failure of any one item.
//  - RequestFailed: one request failed after all retries (5xx or network). Callers record a
//    failure with the attempt count. Neither is ever a "not found".
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"

namespace uw::http {

class StopRun : public uw::Error {
 public:
  enum class Reason { kRateLimited, kQuotaExceeded, kBudgetSpent };

  // `message` says what happened; when resume_at_ms is known, "; resume after <ISO-8601 UTC>"
  // is appended.
  StopRun(Reason reason, std::optional<int64_t> resume_at_ms, const std::string& message);

  Reason reason() const { return reason_; }
  // Epoch milliseconds after which a new run may try again; nullopt when unknown.
  std::optional<int64_t> resume_at_ms() const { return resume_at_ms_; }

 private:
  Reason reason_;
  std::optional<int64_t> resume_at_ms_;
};

// "rate_limited", "quota_exceeded", "budget_spent": stable words for state files and logs.
const char* ReasonName(StopRun::Reason reason);

// Epoch milliseconds as "2026-11-22T06:40:12Z" (seconds precision, UTC).
std::string FormatUtc(int64_t epoch_ms);

class RequestFailed : public uw::Error {
 public:
  RequestFailed(int last_status, int attempts, const std::string& message)
      : uw::Error(ErrorCode::kIo, message), last_status_(last_status), attempts_(attempts) {}

  int last_status() const { return last_status_; }  // 0 = the last attempt was a network error
  int attempts() const { return attempts_; }

 private:
  int last_status_;
  int attempts_;
};

}  // namespace uw::http
