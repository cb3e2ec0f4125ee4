#include "warehouse/calendar.h"

#include <gtest/gtest.h>

#include "core/civil_time.h"

namespace uw::warehouse {
namespace {

TEST(Calendar, DimTimeHasEveryMinuteWithGoldsPartsOfDay) {
  const parquet::Batch rows = DimTimeRows();
  ASSERT_EQ(rows.num_rows(), 1440u);
  EXPECT_EQ(rows.column("time").GetString(0), "00:00");
  EXPECT_EQ(rows.column("time").GetString(1439), "23:59");
  EXPECT_EQ(rows.column("part_of_day").GetString(5 * 60 + 59), "night");
  EXPECT_EQ(rows.column("part_of_day").GetString(6 * 60), "morning");
  EXPECT_EQ(rows.column("part_of_day").GetString(12 * 60), "afternoon");
  EXPECT_EQ(rows.column("part_of_day").GetString(18 * 60), "evening");
}

TEST(Calendar, DimDateIsoWeeksAndKeys) {
  const int64_t first = core::DaysFromCivil(2020, 12, 31), last = core::DaysFromCivil(2021, 1, 4);
  const parquet::Batch rows = DimDateRows(first, last);
  ASSERT_EQ(rows.num_rows(), 5u);
  EXPECT_EQ(rows.column("date_id").GetInt32(0), 20201231);
  EXPECT_EQ(EpochDayOfDateId(20201231), first);
  // 2020-12-31 (Thu) and 2021-01-03 (Sun) are ISO week 53 of 2020; 2021-01-04 (Mon) week 1.
  EXPECT_EQ(rows.column("week_of_year").GetInt32(0), 53);
  EXPECT_EQ(rows.column("week_of_year").GetInt32(3), 53);
  EXPECT_EQ(rows.column("week_of_year").GetInt32(4), 1);
  EXPECT_EQ(rows.column("dow").GetInt32(3), 7);
  EXPECT_TRUE(rows.column("is_weekend").GetBool(3));
  EXPECT_EQ(rows.column("day_name").GetString(4), "Monday");
  EXPECT_EQ(rows.column("season").GetString(0), "winter");
  EXPECT_EQ(rows.column("quarter").GetInt32(0), 4);
}

}  // namespace
}  // namespace uw::warehouse
