// Local wall-clock time of plays (DESIGN §3 "Time", docs/lake.md "Local time"): each play's
// ended_at in the listener's IANA zone, or, with GoldOptions.zone_from_country, in the zone of its
// conn_country when that country has a single zone (country_zones.h). Shared by the music plays
// (gold_plays.cpp) and fact_podcast_plays.cpp. Pure functions; thread safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parquet/batch.h"
#include "pipeline/gold/gold_plays.h"
#include "pipeline/gold/label_codes.h"

namespace uw::gold {

// Per row of a fact table: the zone and the local calendar of its ended_at.
struct LocalTimes {
  std::vector<std::string> zone_names;  // [0] is the listener's zone; zone_index points here
  std::vector<uint16_t> zone_index;
  std::vector<int32_t> offset_s;    // local = UTC + offset
  std::vector<int32_t> local_date;  // days since 1970-01-01
  std::vector<int8_t> local_hour;   // 0..23
  std::vector<int8_t> local_dow;    // 1 = Monday .. 7 = Sunday
};

// Local times of every row of `ended_at` (timestamp, µs). `conn_country` (string, nullable) is
// read only when options.zone_from_country; pass nullptr when the table has no such column.
// One tz lookup per zone and offset change, so rows in time order cost a few arithmetic
// operations each. Throws Error(kUsage) naming the zone when options.listener_zone is unknown.
LocalTimes ComputeLocalTimes(const parquet::ColumnVector& ended_at_us,
                             const parquet::ColumnVector* conn_country, const GoldOptions& options);

// The calendar of a local instant (seconds since 1970-01-01 read as a naive wall clock).
struct LocalClock {
  int32_t date = 0;  // days since 1970-01-01
  int hour = 0;
  int dow = 1;  // 1 = Monday .. 7 = Sunday
};
LocalClock ClockOf(int64_t local_seconds);

// "night" (0-5), "morning" (6-11), "afternoon" (12-17), "evening" (18-23).
std::string_view PartOfDay(int hour);
// Meteorological, northern hemisphere: winter Dec-Feb, spring Mar-May, summer Jun-Aug, autumn.
std::string_view Season(int month);

// The local-time columns of fact_plays and fact_podcast_plays (docs/lake.md), in file order:
// local_ts, local_utc_offset_s, local_tz, local_date, local_year, local_month, local_day,
// local_hour, local_dow, is_weekend, part_of_day, season.
std::vector<parquet::Field> LocalTimeFields();
// Appends the local-time columns of consecutive rows starting at column `c`, from each row's
// ended_at (µs), UTC offset and zone (an index into the labels `zones`, made of
// LocalTimes::zone_names); returns the next column. The zone, part of day and season are codes.
size_t AppendLocalTimes(parquet::Batch& rows, size_t c, std::span<const int64_t> ended_at_us,
                        std::span<const int32_t> offset_s, std::span<const uint16_t> zone_index,
                        const LabelCodes& zones);

}  // namespace uw::gold
