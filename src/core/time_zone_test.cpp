#include "core/time_zone.h"

#include <gtest/gtest.h>

#include "core/civil_time.h"
#include "core/error.h"

namespace uw::core {
namespace {

int64_t Utc(int y, int mo, int d, int h, int mi) {
  return ToEpochSeconds(CivilDateTime{{y, mo, d}, h, mi, 0, 0});
}

TEST(TimeZone, BerlinOffsets) {
  const TimeZone berlin = TimeZone::Named("Europe/Berlin");
  EXPECT_EQ(berlin.OffsetSeconds(Utc(2024, 1, 15, 12, 0)), 3600);
  EXPECT_EQ(berlin.OffsetSeconds(Utc(2024, 7, 15, 12, 0)), 7200);
}

TEST(TimeZone, FallBackHourIsAmbiguous) {
  // 2023-10-29 02:30 local happened twice in Berlin: 00:30 UTC (CEST) and 01:30 UTC (CET).
  const TimeZone berlin = TimeZone::Named("Europe/Berlin");
  const auto candidates = berlin.FromLocal(Utc(2023, 10, 29, 2, 30));
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0], Utc(2023, 10, 29, 0, 30));
  EXPECT_EQ(candidates[1], Utc(2023, 10, 29, 1, 30));
}

TEST(TimeZone, SpringForwardGapHasNoInstant) {
  const TimeZone berlin = TimeZone::Named("Europe/Berlin");
  EXPECT_TRUE(berlin.FromLocal(Utc(2024, 3, 31, 2, 30)).empty());
  EXPECT_EQ(berlin.FromLocal(Utc(2024, 3, 31, 3, 30)).size(), 1u);
}

TEST(TimeZone, UtcAndUnknown) {
  EXPECT_TRUE(TimeZone::Utc().is_utc());
  EXPECT_EQ(TimeZone::Utc().FromLocal(42), std::vector<int64_t>{42});
  try {
    TimeZone::Named("Mars/Olympus_Mons");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_NE(std::string(e.what()).find("Mars/Olympus_Mons"), std::string::npos);
  }
}

}  // namespace
}  // namespace uw::core
