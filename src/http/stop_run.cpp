#include "http/stop_run.h"

#include "core/civil_time.h"

namespace uw::http {
namespace {

std::string WithResume(const std::string& message, std::optional<int64_t> resume_at_ms) {
  if (!resume_at_ms) return message;
  return message + "; resume after " + FormatUtc(*resume_at_ms);
}

}  // namespace

StopRun::StopRun(Reason reason, std::optional<int64_t> resume_at_ms, const std::string& message)
    : uw::Error(ErrorCode::kIo, WithResume(message, resume_at_ms)),
      reason_(reason),
      resume_at_ms_(resume_at_ms) {}

const char* ReasonName(StopRun::Reason reason) {
  switch (reason) {
    case StopRun::Reason::kRateLimited:
      return "rate_limited";
    case StopRun::Reason::kQuotaExceeded:
      return "quota_exceeded";
    case StopRun::Reason::kBudgetSpent:
      return "budget_spent";
  }
  return "unknown";
}

std::string FormatUtc(int64_t epoch_ms) {
  // Round up: "resume after" must never name a moment before the service allows it.
  int64_t seconds = core::FloorDiv(epoch_ms + 999, 1000);
  return core::FormatIsoSeconds(seconds);
}

}  // namespace uw::http
