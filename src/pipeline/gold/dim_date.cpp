// gold.dim_date: the local calendar, one row per date from the first play's local date to the
// last one's (every play, counted or not, so every fact_plays.local_date joins), keyed by date.
#include <algorithm>
#include <array>

#include "core/civil_time.h"
#include "pipeline/gold/aggregates.h"

namespace uw::gold {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kDayNames = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};

// 1 = Monday .. 7 = Sunday; 1970-01-01 was a Thursday.
int32_t DayOfWeek(int64_t days) { return static_cast<int32_t>((days % 7 + 7 + 3) % 7) + 1; }

// ISO 8601 week: the week belongs to the year of its Thursday, and week 1 holds the year's
// first Thursday (so 2020-12-31 is week 53 and 2021-01-03 is still week 53 of 2020).
int32_t IsoWeek(int64_t days) {
  const int64_t thursday = days - DayOfWeek(days) + 4;
  const core::CivilDate date = core::CivilFromDays(thursday);
  const int64_t day_of_year = thursday - core::DaysFromCivil(date.year, 1, 1);
  return static_cast<int32_t>(day_of_year / 7) + 1;
}

const char* Season(int month) {
  if (month == 12 || month <= 2) return "winter";
  if (month <= 5) return "spring";
  if (month <= 8) return "summer";
  return "autumn";
}

}  // namespace

tables::LakeTable DimDateTable(const GoldPlays& plays) {
  using parquet::ColumnType;
  parquet::Schema schema({
      {"date", ColumnType::kDate, false},
      {"year", ColumnType::kInt32, false},
      {"month", ColumnType::kInt32, false},
      {"day", ColumnType::kInt32, false},
      {"dow", ColumnType::kInt32, false},  // 1 = Monday .. 7 = Sunday
      {"is_weekend", ColumnType::kBoolean, false},
      {"week_of_year", ColumnType::kInt32, false},  // ISO 8601
      {"quarter", ColumnType::kInt32, false},
      {"season", ColumnType::kString, false},  // winter Dec-Feb, spring, summer, autumn Sep-Nov
      {"month_name", ColumnType::kString, false},
      {"day_name", ColumnType::kString, false},
  });
  parquet::Batch rows(schema);
  if (!plays.local_date.empty()) {
    const auto [first, last] =
        std::minmax_element(plays.local_date.begin(), plays.local_date.end());
    rows.Reserve(*last - *first + 1);
    for (int32_t day = *first; day <= *last; ++day) {
      const core::CivilDate date = core::CivilFromDays(day);
      const int32_t dow = DayOfWeek(day);
      size_t c = 0;
      rows.column(c++).AppendInt32(day);
      rows.column(c++).AppendInt32(date.year);
      rows.column(c++).AppendInt32(date.month);
      rows.column(c++).AppendInt32(date.day);
      rows.column(c++).AppendInt32(dow);
      rows.column(c++).AppendBool(dow >= 6);
      rows.column(c++).AppendInt32(IsoWeek(day));
      rows.column(c++).AppendInt32((date.month - 1) / 3 + 1);
      rows.column(c++).AppendString(Season(date.month));
      rows.column(c++).AppendString(kMonthNames[date.month - 1]);
      rows.column(c++).AppendString(kDayNames[dow - 1]);
    }
  }
  return {"dim_date", schema, {}, {"date"}, tables::SinglePartition(std::move(rows))};
}

}  // namespace uw::gold
