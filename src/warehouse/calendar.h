// The warehouse's calendar dimensions as rows ready for BulkInsert or staging: core.dim_date for a
// range of local dates (the same rules as gold dim_date: ISO weeks, 1 = Monday, seasons by local
// month) and the fixed minute-grain core.dim_time. Pure functions, thread safe.
#pragma once

#include <cstdint>

#include "parquet/batch.h"

namespace uw::warehouse {

// date_id (YYYYMMDD) of an epoch day, and back.
int32_t DateId(int64_t epoch_day);
int64_t EpochDayOfDateId(int32_t date_id);

// One row per day in [first_day, last_day] (epoch days): date_id, date, year, quarter, month,
// month_name, day, dow, day_name, week_of_year, is_weekend, season.
parquet::Batch DimDateRows(int64_t first_day, int64_t last_day);

// 1440 rows, one per minute of the day: time_id (hour * 60 + minute), time ("HH:MM"), hour,
// minute, part_of_day (night 0-5, morning 6-11, afternoon 12-17, evening 18-23, as gold).
parquet::Batch DimTimeRows();

}  // namespace uw::warehouse
