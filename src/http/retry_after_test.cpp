#include "http/retry_after.h"

#include <gtest/gtest.h>

#include "http/stop_run.h"

namespace uw::http {
namespace {

constexpr int64_t kNowMs = 1'445'412'480'000;  // Wed, 21 Oct 2015 07:28:00 GMT

TEST(RetryAfterTest, DeltaSeconds) {
  EXPECT_EQ(ParseRetryAfterMs("120", kNowMs), 120000);
  EXPECT_EQ(ParseRetryAfterMs(" 7 ", kNowMs), 7000);
  EXPECT_EQ(ParseRetryAfterMs("0", kNowMs), 0);
}

TEST(RetryAfterTest, HttpDate) {
  EXPECT_EQ(ParseRetryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", kNowMs), 0);
  EXPECT_EQ(ParseRetryAfterMs("Wed, 21 Oct 2015 07:29:30 GMT", kNowMs), 90000);
  EXPECT_EQ(ParseRetryAfterMs("Thu, 22 Oct 2015 07:28:00 GMT", kNowMs), 86400000);
  EXPECT_EQ(ParseRetryAfterMs("Tue, 20 Oct 2015 07:28:00 GMT", kNowMs), 0);  // past: go now
}

TEST(RetryAfterTest, GarbageIsNotAWait) {
  for (std::string_view bad : {"", "soon", "-5", "1.5", "12abc", "Wed, 21 Oct 2015 25:28:00 GMT",
                               "Wed, 21 Foo 2015 07:28:00 GMT", "21 Oct 2015 07:28:00 GMT"}) {
    EXPECT_FALSE(ParseRetryAfterMs(bad, kNowMs).has_value()) << bad;
  }
}

TEST(RetryAfterTest, HugeValuesAreCappedNotOverflowed) {
  auto wait = ParseRetryAfterMs("99999999999999999999999", kNowMs);
  ASSERT_TRUE(wait.has_value());
  EXPECT_GT(*wait, int64_t{365} * 24 * 3600 * 1000);
}

TEST(RetryAfterTest, QuotaExceededOnlyInTheReasonField) {
  EXPECT_TRUE(IsQuotaExceeded(
      R"({"error":{"status":429,"message":"Too many requests","reason":"QUOTA_EXCEEDED"}})"));
  EXPECT_FALSE(IsQuotaExceeded(R"({"error":{"status":429,"message":"Too many requests"}})"));
  EXPECT_FALSE(IsQuotaExceeded(R"({"error":{"message":"QUOTA_EXCEEDED"}})"));
  EXPECT_FALSE(IsQuotaExceeded("QUOTA_EXCEEDED"));
  EXPECT_FALSE(IsQuotaExceeded(""));
}

TEST(StopRunTest, MessageNamesTheResumeTimeInUtc) {
  StopRun stop(StopRun::Reason::kRateLimited, kNowMs + 1, "rate limited");
  EXPECT_STREQ(stop.what(), "rate limited; resume after 2015-10-21T07:28:01Z");  // rounded up
  StopRun no_time(StopRun::Reason::kBudgetSpent, std::nullopt, "budget spent");
  EXPECT_STREQ(no_time.what(), "budget spent");
  EXPECT_STREQ(ReasonName(StopRun::Reason::kQuotaExceeded), "quota_exceeded");
}

}  // namespace
}  // namespace uw::http
