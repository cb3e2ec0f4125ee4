#include "pipeline/enrich/until_time.h"

#include <gtest/gtest.h>

namespace uw::enrich {
namespace {

constexpr int64_t kNow = 1'750'000'000'000;  // 2025-06-15T15:06:40Z

TEST(ParseUntil, Durations) {
  EXPECT_EQ(ParseUntil("30m", kNow), kNow + 30 * 60'000);
  EXPECT_EQ(ParseUntil("2h", kNow), kNow + 2 * 3'600'000);
  EXPECT_EQ(ParseUntil("1h30m", kNow), kNow + 90 * 60'000);
  EXPECT_EQ(ParseUntil("90s", kNow), kNow + 90'000);
  EXPECT_EQ(ParseUntil("1d", kNow), kNow + 86'400'000);
}

TEST(ParseUntil, TimesWithAZone) {
  EXPECT_EQ(ParseUntil("2025-06-15T16:00:00Z", kNow), 1'750'003'200'000);
  EXPECT_EQ(ParseUntil("2025-06-15T16:00Z", kNow), 1'750'003'200'000);
  EXPECT_EQ(ParseUntil("2025-06-15T18:00:00+02:00", kNow), 1'750'003'200'000);
  EXPECT_EQ(ParseUntil("2025-06-15T11:30:00-04:30", kNow), 1'750'003'200'000);
}

TEST(ParseUntil, RejectsTheRest) {
  for (const char* bad : {"", "30", "m", "30x", "2h30", "2025-06-15T16:00:00", "2025-06-15", "soon",
                          "2025-06-15T16:00:00+2:00", "-5m"}) {
    EXPECT_FALSE(ParseUntil(bad, kNow).has_value()) << bad;
  }
}

}  // namespace
}  // namespace uw::enrich
