#include "core/civil_time.h"

#include <fmt/format.h>

namespace uw::core {

int64_t DaysFromCivil(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

int64_t ToEpochSeconds(const CivilDateTime& t) {
  return DaysFromCivil(t.date.year, t.date.month, t.date.day) * kSecondsPerDay + t.hour * 3600 +
         t.minute * 60 + t.second;
}

CivilDateTime FromEpochSeconds(int64_t seconds) {
  const int64_t days = FloorDiv(seconds, kSecondsPerDay);
  int64_t rest = seconds - days * kSecondsPerDay;
  CivilDateTime t;
  t.date = CivilFromDays(days);
  t.hour = static_cast<int>(rest / 3600);
  rest %= 3600;
  t.minute = static_cast<int>(rest / 60);
  t.second = static_cast<int>(rest % 60);
  return t;
}

CivilDateTime FromEpochMillis(int64_t millis) {
  CivilDateTime t = FromEpochSeconds(FloorDiv(millis, 1000));
  t.millisecond = static_cast<int>(millis - FloorDiv(millis, 1000) * 1000);
  return t;
}

namespace {

// Reads exactly `width` ASCII digits at s[pos]; nullopt otherwise.
std::optional<int> Digits(std::string_view s, size_t pos, size_t width) {
  if (pos + width > s.size()) return std::nullopt;
  int v = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool ValidDate(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

// Parses "YYYY-MM-DD?HH:MM" where ? is `sep`; fills t, returns false on mismatch.
bool ParseDateHourMinute(std::string_view s, char sep, CivilDateTime& t) {
  auto y = Digits(s, 0, 4), mo = Digits(s, 5, 2), d = Digits(s, 8, 2);
  auto h = Digits(s, 11, 2), mi = Digits(s, 14, 2);
  if (!y || !mo || !d || !h || !mi || s.size() < 16) return false;
  if (s[4] != '-' || s[7] != '-' || s[10] != sep || s[13] != ':') return false;
  if (!ValidDate(*y, *mo, *d) || *h > 23 || *mi > 59) return false;
  t.date = {*y, *mo, *d};
  t.hour = *h;
  t.minute = *mi;
  return true;
}

}  // namespace

std::optional<int64_t> ParseIsoUtcMillis(std::string_view s) {
  CivilDateTime t;
  if (!ParseDateHourMinute(s, 'T', t) || s.size() < 20 || s[16] != ':') return std::nullopt;
  auto sec = Digits(s, 17, 2);
  if (!sec || *sec > 60) return std::nullopt;  // 60: a leap second, folded into the next minute
  t.second = *sec;
  size_t pos = 19;
  int millis = 0;
  if (s[pos] == '.') {
    size_t digits = 0;
    ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (digits < 3) millis = millis * 10 + (s[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (size_t i = digits; i < 3; ++i) millis *= 10;
  }
  if (pos + 1 != s.size() || s[pos] != 'Z') return std::nullopt;
  return ToEpochSeconds(t) * 1000 + millis;
}

std::optional<int64_t> ParseAccountEndTime(std::string_view s) {
  CivilDateTime t;
  if (s.size() != 16 || !ParseDateHourMinute(s, ' ', t)) return std::nullopt;
  return ToEpochSeconds(t);
}

std::string FormatIsoSeconds(int64_t epoch_seconds) {
  const CivilDateTime t = FromEpochSeconds(epoch_seconds);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z", t.date.year, t.date.month,
                     t.date.day, t.hour, t.minute, t.second);
}

std::string FormatIsoMillis(int64_t epoch_millis) {
  const CivilDateTime t = FromEpochMillis(epoch_millis);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}.{:03d}Z", t.date.year,
                     t.date.month, t.date.day, t.hour, t.minute, t.second, t.millisecond);
}

std::string FormatIsoMinute(int64_t epoch_seconds) {
  const CivilDateTime t = FromEpochSeconds(epoch_seconds);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}Z", t.date.year, t.date.month, t.date.day,
                     t.hour, t.minute);
}

std::string FormatAccountMinute(int64_t epoch_seconds) {
  const CivilDateTime t = FromEpochSeconds(epoch_seconds);
  return fmt::format("{:04d}-{:02d}-{:02d} {:02d}:{:02d}", t.date.year, t.date.month, t.date.day,
                     t.hour, t.minute);
}

std::string FormatDate(int64_t epoch_days) {
  const CivilDate d = CivilFromDays(epoch_days);
  return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day);
}

}  // namespace uw::core
