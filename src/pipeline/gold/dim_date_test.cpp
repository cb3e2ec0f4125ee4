// dim_date against a calendar checked by hand: ISO weeks and weekdays across a year boundary.
#include <gtest/gtest.h>

#include "pipeline/gold/aggregates.h"
#include "pipeline/gold/test_plays.h"
#include "pipeline/tables/table_checks.h"

namespace uw::gold {
namespace {

using testing::Day;
using testing::MakeGoldPlays;
using testing::PlaySpec;
using testing::Rows;

struct Expected {
  const char* date;
  int year, month, day, dow;
  bool weekend;
  int week, quarter;
  const char *season, *month_name, *day_name;
};

void ExpectDate(const tables::LakeTable& t, size_t row, const Expected& e) {
  const parquet::Batch& rows = Rows(t);
  SCOPED_TRACE(e.date);
  EXPECT_EQ(rows.column("date").GetInt32(row), Day(e.date));
  EXPECT_EQ(rows.column("year").GetInt32(row), e.year);
  EXPECT_EQ(rows.column("month").GetInt32(row), e.month);
  EXPECT_EQ(rows.column("day").GetInt32(row), e.day);
  EXPECT_EQ(rows.column("dow").GetInt32(row), e.dow);
  EXPECT_EQ(rows.column("is_weekend").GetBool(row), e.weekend);
  EXPECT_EQ(rows.column("week_of_year").GetInt32(row), e.week);
  EXPECT_EQ(rows.column("quarter").GetInt32(row), e.quarter);
  EXPECT_EQ(rows.column("season").GetString(row), e.season);
  EXPECT_EQ(rows.column("month_name").GetString(row), e.month_name);
  EXPECT_EQ(rows.column("day_name").GetString(row), e.day_name);
}

TEST(DimDate, EveryDateFromTheFirstToTheLastPlayAcrossNewYear) {
  // The first play is incognito and still opens the calendar; the last one is local (UTC+2).
  std::vector<PlaySpec> specs = {{.ended = "2020-12-30T12:00:00Z", .track = "t", .incognito = true},
                                 {.ended = "2021-01-03T23:00:00Z", .track = "t", .offset_s = 7200}};
  const auto t = DimDateTable(MakeGoldPlays(specs));
  EXPECT_TRUE(tables::CheckTable(t).empty());
  ASSERT_EQ(Rows(t).num_rows(), 6u);
  // ISO 2020 has 53 weeks: its last week runs to Sunday 2021-01-03.
  ExpectDate(t, 0,
             {"2020-12-30", 2020, 12, 30, 3, false, 53, 4, "winter", "December", "Wednesday"});
  ExpectDate(t, 1, {"2020-12-31", 2020, 12, 31, 4, false, 53, 4, "winter", "December", "Thursday"});
  ExpectDate(t, 2, {"2021-01-01", 2021, 1, 1, 5, false, 53, 1, "winter", "January", "Friday"});
  ExpectDate(t, 3, {"2021-01-02", 2021, 1, 2, 6, true, 53, 1, "winter", "January", "Saturday"});
  ExpectDate(t, 4, {"2021-01-03", 2021, 1, 3, 7, true, 53, 1, "winter", "January", "Sunday"});
  ExpectDate(t, 5, {"2021-01-04", 2021, 1, 4, 1, false, 1, 1, "winter", "January", "Monday"});
}

TEST(DimDate, WeeksQuartersAndSeasonsInTheYear) {
  const auto one_day = [](const char* ended) {
    return DimDateTable(MakeGoldPlays({{.ended = ended, .track = "t"}}));
  };
  // 2019-12-30 is already in ISO week 1 of 2020.
  ExpectDate(one_day("2019-12-30T12:00:00Z"), 0,
             {"2019-12-30", 2019, 12, 30, 1, false, 1, 4, "winter", "December", "Monday"});
  ExpectDate(one_day("2024-06-15T12:00:00Z"), 0,
             {"2024-06-15", 2024, 6, 15, 6, true, 24, 2, "summer", "June", "Saturday"});
  ExpectDate(one_day("2023-03-01T12:00:00Z"), 0,
             {"2023-03-01", 2023, 3, 1, 3, false, 9, 1, "spring", "March", "Wednesday"});
  ExpectDate(one_day("2023-11-30T12:00:00Z"), 0,
             {"2023-11-30", 2023, 11, 30, 4, false, 48, 4, "autumn", "November", "Thursday"});
  ExpectDate(one_day("1969-12-31T12:00:00Z"), 0,
             {"1969-12-31", 1969, 12, 31, 3, false, 1, 4, "winter", "December", "Wednesday"});
}

TEST(DimDate, EmptyWithoutPlays) {
  const auto t = DimDateTable(MakeGoldPlays({}));
  EXPECT_EQ(Rows(t).num_rows(), 0u);
  EXPECT_EQ(t.key, std::vector<std::string>{"date"});
}

}  // namespace
}  // namespace uw::gold
