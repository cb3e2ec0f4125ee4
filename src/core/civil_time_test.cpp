#include "core/civil_time.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace uw::core {
namespace {

TEST(CivilTime, KnownDates) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  const CivilDate d = CivilFromDays(19723);  // 2024-01-01
  EXPECT_EQ(d.year, 2024);
  EXPECT_EQ(d.month, 1);
  EXPECT_EQ(d.day, 1);
}

RC_GTEST_PROP(CivilTime, DaysRoundTrip, ()) {
  const int64_t days = *rc::gen::inRange<int64_t>(-100000, 200000);
  const CivilDate d = CivilFromDays(days);
  RC_ASSERT(DaysFromCivil(d.year, d.month, d.day) == days);
}

RC_GTEST_PROP(CivilTime, IsoRoundTrip, ()) {
  const int64_t ms = *rc::gen::inRange<int64_t>(0, 4102444800000);  // 1970..2100
  RC_ASSERT(ParseIsoUtcMillis(FormatIsoMillis(ms)) == ms);
  RC_ASSERT(ParseIsoUtcMillis(FormatIsoSeconds(ms / 1000)) == ms / 1000 * 1000);
}

TEST(CivilTime, ParsesSpotifyForms) {
  EXPECT_EQ(ParseIsoUtcMillis("2021-11-15T13:41:44Z"), int64_t{1636983704000});
  EXPECT_EQ(ParseIsoUtcMillis("2023-09-22T15:43:33.750Z"), int64_t{1695397413750});
  EXPECT_EQ(ParseIsoUtcMillis("2023-09-22T15:43:33.7Z"), int64_t{1695397413700});
  EXPECT_EQ(ParseAccountEndTime("2023-10-02 23:43"), int64_t{1696290180});
}

TEST(CivilTime, RejectsMalformed) {
  for (const char* bad : {"", "2021-11-15", "2021-11-15T13:41:44", "2021-13-15T13:41:44Z",
                          "2021-02-30T13:41:44Z", "2021-11-15 13:41:44Z", "2021-11-15T13:41:44Zx",
                          "2021-11-15T25:41:44Z", "2021-11-15T13:41:44.Z", "abcd-11-15T13:41:44Z"}) {
    EXPECT_FALSE(ParseIsoUtcMillis(bad).has_value()) << bad;
  }
  for (const char* bad : {"2023-10-02", "2023-10-02 23:43:00", "2023-10-02T23:43", "2023-02-29 10:00"}) {
    EXPECT_FALSE(ParseAccountEndTime(bad).has_value()) << bad;
  }
}

TEST(CivilTime, Formats) {
  EXPECT_EQ(FormatIsoMinute(1636983704), "2021-11-15T13:41Z");
  EXPECT_EQ(FormatAccountMinute(1636983704), "2021-11-15 13:41");
  EXPECT_EQ(FormatDate(19723), "2024-01-01");
  EXPECT_EQ(FormatIsoSeconds(-1), "1969-12-31T23:59:59Z");
}

}  // namespace
}  // namespace uw::core
