#include "http/retry_policy.h"

#include <gtest/gtest.h>

#include "core/settings.h"

namespace uw::http {
namespace {

TEST(RetryPolicyTest, FromSettings) {
  core::Settings settings;
  settings.spotify_max_attempts = 7;
  settings.spotify_retry_base_ms = 250;
  settings.spotify_max_wait_seconds = 42;
  settings.spotify_max_requests = 900;
  settings.spotify_timeout_seconds = 5;
  RetryPolicy policy = RetryPolicyFromSettings(settings);
  EXPECT_EQ(policy.max_attempts, 7);
  EXPECT_EQ(policy.base_delay_ms, 250);
  EXPECT_EQ(policy.max_wait_ms, 42000);
  EXPECT_EQ(policy.max_requests, 900);
  TransportOptions options = TransportOptionsFromSettings(settings);
  EXPECT_EQ(options.timeout_ms, 5000);
  EXPECT_LE(options.connect_timeout_ms, 5000);
  EXPECT_EQ(options.user_agent.rfind("unwrapped/", 0), 0u);
}

TEST(RetryPolicyTest, NonsenseSettingsAreClamped) {
  core::Settings settings;
  settings.spotify_max_attempts = 0;
  settings.spotify_retry_base_ms = -5;
  settings.spotify_max_requests = -1;
  RetryPolicy policy = RetryPolicyFromSettings(settings);
  EXPECT_EQ(policy.max_attempts, 1);
  EXPECT_EQ(policy.base_delay_ms, 0);
  EXPECT_EQ(policy.max_requests, 0);
}

}  // namespace
}  // namespace uw::http
