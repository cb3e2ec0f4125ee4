#include "http/retry_policy.h"

#include <algorithm>

#include "core/settings.h"

namespace uw::http {

RetryPolicy RetryPolicyFromSettings(const core::Settings& settings) {
  RetryPolicy policy;
  policy.max_attempts =
      static_cast<int>(std::clamp<int64_t>(settings.spotify_max_attempts, 1, 100));
  policy.base_delay_ms = std::max<int64_t>(settings.spotify_retry_base_ms, 0);
  policy.max_delay_ms = std::max(policy.max_delay_ms, policy.base_delay_ms);
  policy.max_wait_ms = std::max<int64_t>(settings.spotify_max_wait_seconds, 0) * 1000;
  policy.max_requests = std::max<int64_t>(settings.spotify_max_requests, 0);
  return policy;
}

TransportOptions TransportOptionsFromSettings(const core::Settings& settings) {
  TransportOptions options;
  options.timeout_ms = std::max<int64_t>(settings.spotify_timeout_seconds, 1) * 1000;
  options.connect_timeout_ms = std::min<int64_t>(options.connect_timeout_ms, options.timeout_ms);
  return options;
}

}  // namespace uw::http
