#include "warehouse/calendar.h"

#include <fmt/format.h>

#include <array>

#include "core/civil_time.h"

namespace uw::warehouse {
namespace {

using parquet::ColumnType;

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kDayNames = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};

// 1 = Monday .. 7 = Sunday; 1970-01-01 was a Thursday.
int32_t DayOfWeek(int64_t days) { return static_cast<int32_t>(((days % 7) + 7 + 3) % 7) + 1; }

// ISO 8601 week: the week belongs to the year of its Thursday.
int32_t IsoWeek(int64_t days) {
  const int64_t thursday = days - DayOfWeek(days) + 4;
  const core::CivilDate date = core::CivilFromDays(thursday);
  return static_cast<int32_t>((thursday - core::DaysFromCivil(date.year, 1, 1)) / 7) + 1;
}

const char* Season(int month) {
  if (month == 12 || month <= 2) return "winter";
  if (month <= 5) return "spring";
  if (month <= 8) return "summer";
  return "autumn";
}

const char* PartOfDay(int hour) {
  if (hour < 6) return "night";
  if (hour < 12) return "morning";
  if (hour < 18) return "afternoon";
  return "evening";
}

}  // namespace

int32_t DateId(int64_t epoch_day) {
  const core::CivilDate d = core::CivilFromDays(epoch_day);
  return d.year * 10000 + d.month * 100 + d.day;
}

int64_t EpochDayOfDateId(int32_t date_id) {
  return core::DaysFromCivil(date_id / 10000, date_id / 100 % 100, date_id % 100);
}

parquet::Batch DimDateRows(int64_t first_day, int64_t last_day) {
  parquet::Batch rows(parquet::Schema({
      {"date_id", ColumnType::kInt32, false},
      {"date", ColumnType::kDate, false},
      {"year", ColumnType::kInt32, false},
      {"quarter", ColumnType::kInt32, false},
      {"month", ColumnType::kInt32, false},
      {"month_name", ColumnType::kString, false},
      {"day", ColumnType::kInt32, false},
      {"dow", ColumnType::kInt32, false},
      {"day_name", ColumnType::kString, false},
      {"week_of_year", ColumnType::kInt32, false},
      {"is_weekend", ColumnType::kBoolean, false},
      {"season", ColumnType::kString, false},
  }));
  for (int64_t day = first_day; day <= last_day; ++day) {
    const core::CivilDate date = core::CivilFromDays(day);
    const int32_t dow = DayOfWeek(day);
    size_t c = 0;
    rows.column(c++).AppendInt32(DateId(day));
    rows.column(c++).AppendInt32(static_cast<int32_t>(day));
    rows.column(c++).AppendInt32(date.year);
    rows.column(c++).AppendInt32((date.month - 1) / 3 + 1);
    rows.column(c++).AppendInt32(date.month);
    rows.column(c++).AppendString(kMonthNames[date.month - 1]);
    rows.column(c++).AppendInt32(date.day);
    rows.column(c++).AppendInt32(dow);
    rows.column(c++).AppendString(kDayNames[dow - 1]);
    rows.column(c++).AppendInt32(IsoWeek(day));
    rows.column(c++).AppendBool(dow >= 6);
    rows.column(c++).AppendString(Season(date.month));
  }
  return rows;
}

parquet::Batch DimTimeRows() {
  parquet::Batch rows(parquet::Schema({
      {"time_id", ColumnType::kInt32, false},
      {"time", ColumnType::kString, false},
      {"hour", ColumnType::kInt32, false},
      {"minute", ColumnType::kInt32, false},
      {"part_of_day", ColumnType::kString, false},
  }));
  for (int minute_of_day = 0; minute_of_day < 1440; ++minute_of_day) {
    const int hour = minute_of_day / 60, minute = minute_of_day % 60;
    rows.column(0).AppendInt32(minute_of_day);
    rows.column(1).AppendString(fmt::format("{:02d}:{:02d}", hour, minute));
    rows.column(2).AppendInt32(hour);
    rows.column(3).AppendInt32(minute);
    rows.column(4).AppendString(PartOfDay(hour));
  }
  return rows;
}

}  // namespace uw::warehouse
