// Calendar arithmetic on UTC instants without time zones: epoch days <-> civil dates, and the
// ISO-8601 forms the Spotify sources use. Pure functions, thread safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace uw::core {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

struct CivilDateTime {
  CivilDate date;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int millisecond = 0;
};

inline constexpr int64_t kSecondsPerDay = 86400;

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(int64_t days);
// Floor division, correct for negative numerators.
inline int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int64_t ToEpochSeconds(const CivilDateTime& t);
CivilDateTime FromEpochSeconds(int64_t seconds);
CivilDateTime FromEpochMillis(int64_t millis);

// Parsers return nullopt on any deviation from the exact form; no exceptions.
// "2021-11-15T13:41:44Z" (extended ts; also accepts a fraction ".123" before Z, truncated to ms)
std::optional<int64_t> ParseIsoUtcMillis(std::string_view s);
// "2023-10-02 23:43" (account endTime; a naive local or UTC wall clock; returns epoch seconds as
// if UTC, the caller applies the zone)
std::optional<int64_t> ParseAccountEndTime(std::string_view s);

std::string FormatIsoSeconds(int64_t epoch_seconds);      // 2021-11-15T13:41:44Z
std::string FormatIsoMillis(int64_t epoch_millis);        // 2021-11-15T13:41:44.123Z
std::string FormatIsoMinute(int64_t epoch_seconds);       // 2021-11-15T13:41Z
std::string FormatAccountMinute(int64_t epoch_seconds);   // 2021-11-15 13:41
std::string FormatDate(int64_t epoch_days);               // 2021-11-15

}  // namespace uw::core
