// Local-time helpers: the calendar of a wall clock, part of day and season boundaries, the
// formatted local columns, and the country -> zone table.
#include "pipeline/gold/local_time.h"

#include <gtest/gtest.h>

#include "core/time_zone.h"
#include "pipeline/gold/country_zones.h"

namespace uw::gold {
namespace {

TEST(LocalTime, ClockOfWallClocks) {
  // 1970-01-01 00:00 was a Thursday; 1969-12-31 23:59:59 a Wednesday.
  EXPECT_EQ(ClockOf(0).dow, 4);
  EXPECT_EQ(ClockOf(-1).dow, 3);
  EXPECT_EQ(ClockOf(-1).date, -1);
  EXPECT_EQ(ClockOf(-1).hour, 23);
  // 2024-02-29 13:05:00 (a Thursday): day 19782.
  const LocalClock leap = ClockOf(19782LL * 86400 + 13 * 3600 + 5 * 60);
  EXPECT_EQ(leap.date, 19782);
  EXPECT_EQ(leap.hour, 13);
  EXPECT_EQ(leap.dow, 4);
}

TEST(LocalTime, PartsOfDayAndSeasons) {
  EXPECT_EQ(PartOfDay(0), "night");
  EXPECT_EQ(PartOfDay(5), "night");
  EXPECT_EQ(PartOfDay(6), "morning");
  EXPECT_EQ(PartOfDay(11), "morning");
  EXPECT_EQ(PartOfDay(12), "afternoon");
  EXPECT_EQ(PartOfDay(17), "afternoon");
  EXPECT_EQ(PartOfDay(18), "evening");
  EXPECT_EQ(PartOfDay(23), "evening");
  EXPECT_EQ(Season(12), "winter");
  EXPECT_EQ(Season(1), "winter");
  EXPECT_EQ(Season(2), "winter");
  EXPECT_EQ(Season(3), "spring");
  EXPECT_EQ(Season(5), "spring");
  EXPECT_EQ(Season(6), "summer");
  EXPECT_EQ(Season(8), "summer");
  EXPECT_EQ(Season(9), "autumn");
  EXPECT_EQ(Season(11), "autumn");
}

TEST(LocalTime, AppendsTheLocalColumns) {
  parquet::Batch rows{parquet::Schema(LocalTimeFields())};
  // 2024-10-27T00:30:00.750Z in Berlin (+2): Sunday 02:30:00 local, autumn, night; then noon
  // UTC of 2024-06-03, a Monday, in UTC.
  const int64_t utc_us = (20023LL * 86400 + 30 * 60) * 1'000'000 + 750'000;
  const int64_t june_us = 19877LL * 86400 * 1'000'000 + 12LL * 3600 * 1'000'000;
  const std::vector<int64_t> ended{utc_us, june_us};
  const std::vector<int32_t> offsets{7200, 0};
  const std::vector<uint16_t> zones{1, 0};
  EXPECT_EQ(AppendLocalTimes(rows, 0, ended, offsets, zones, LabelCodes({"UTC", "Europe/Berlin"})),
            12u);
  rows.Validate();
  ASSERT_EQ(rows.num_rows(), 2u);
  EXPECT_EQ(rows.column("local_ts").GetString(1), "2024-06-03T12:00:00");
  EXPECT_EQ(rows.column("local_tz").GetString(1), "UTC");
  EXPECT_EQ(rows.column("local_dow").GetInt32(1), 1);
  EXPECT_FALSE(rows.column("is_weekend").GetBool(1));
  EXPECT_EQ(rows.column("part_of_day").GetString(1), "afternoon");
  EXPECT_EQ(rows.column("season").GetString(1), "summer");
  EXPECT_EQ(rows.column("local_ts").GetString(0), "2024-10-27T02:30:00");
  EXPECT_EQ(rows.column("local_utc_offset_s").GetInt32(0), 7200);
  EXPECT_EQ(rows.column("local_tz").GetString(0), "Europe/Berlin");
  EXPECT_EQ(rows.column("local_date").GetInt32(0), 20023);
  EXPECT_EQ(rows.column("local_year").GetInt32(0), 2024);
  EXPECT_EQ(rows.column("local_month").GetInt32(0), 10);
  EXPECT_EQ(rows.column("local_day").GetInt32(0), 27);
  EXPECT_EQ(rows.column("local_hour").GetInt32(0), 2);
  EXPECT_EQ(rows.column("local_dow").GetInt32(0), 7);
  EXPECT_TRUE(rows.column("is_weekend").GetBool(0));
  EXPECT_EQ(rows.column("part_of_day").GetString(0), "night");
  EXPECT_EQ(rows.column("season").GetString(0), "autumn");
}

TEST(CountryZones, SingleZoneCountriesOnlyAndEveryZoneIsKnown) {
  EXPECT_EQ(CountryZone("DE"), "Europe/Berlin");
  EXPECT_EQ(CountryZone("jp"), "Asia/Tokyo");
  for (const char* several : {"US", "CA", "BR", "MX", "AU", "RU", "ID", "ES", "PT", "NZ", "CL"}) {
    EXPECT_EQ(CountryZone(several), "") << several;
  }
  EXPECT_EQ(CountryZone(""), "");
  EXPECT_EQ(CountryZone("DEU"), "");
  for (const std::string_view code : ZonedCountries()) {
    EXPECT_NO_THROW(core::TimeZone::Named(CountryZone(code))) << code;
  }
}

}  // namespace
}  // namespace uw::gold
