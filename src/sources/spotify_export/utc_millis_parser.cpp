#include "sources/spotify_export/utc_millis_parser.h"

#include <cstring>

#include "core/civil_time.h"

namespace uw::spotify_export {
namespace {

constexpr int64_t kMillisPerDay = 86400000;

// Two ASCII digits at s[pos] (the caller checked the size), or -1.
int TwoDigits(std::string_view s, size_t pos) {
  const unsigned a = static_cast<unsigned char>(s[pos]) - '0';
  const unsigned b = static_cast<unsigned char>(s[pos + 1]) - '0';
  return a <= 9 && b <= 9 ? static_cast<int>(a * 10 + b) : -1;
}

// ASCII digits at s[pos, pos + n), which a successful parse has already checked.
int DigitsOf(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

}  // namespace

std::optional<int64_t> UtcMillisParser::FromRememberedDay(std::string_view s) const {
  // The form core::ParseIsoUtcMillis accepts after the date: "HH:MM:SS", an optional fraction
  // of one or more digits (the first three are the milliseconds), then "Z" at the very end.
  if (!has_date_ || s.size() < 20 || std::memcmp(s.data(), date_, kDateBytes) != 0) {
    return std::nullopt;
  }
  const int hour = TwoDigits(s, 11), minute = TwoDigits(s, 14), second = TwoDigits(s, 17);
  if (hour < 0 || hour > 23 || s[13] != ':' || minute < 0 || minute > 59 || s[16] != ':' ||
      second < 0 || second > 60) {
    return std::nullopt;
  }
  size_t pos = 19;
  int millis = 0;
  if (s[pos] == '.') {
    size_t digits = 0;
    for (++pos; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++digits) {
      if (digits < 3) millis = millis * 10 + (s[pos] - '0');
    }
    if (digits == 0) return std::nullopt;
    for (size_t i = digits; i < 3; ++i) millis *= 10;
  }
  if (pos + 1 != s.size() || s[pos] != 'Z') return std::nullopt;
  // Linear in the fields, as core::ToEpochSeconds is (a leap second folds into the next minute).
  return day_ms_ + (int64_t{hour} * 3600 + minute * 60 + second) * 1000 + millis;
}

std::optional<int64_t> UtcMillisParser::Parse(std::string_view s) {
  if (const auto ms = FromRememberedDay(s)) return ms;
  const auto ms = core::ParseIsoUtcMillis(s);
  if (ms) {
    // Accepted, so s starts with a valid "YYYY-MM-DDT": remember that day.
    std::memcpy(date_, s.data(), kDateBytes);
    has_date_ = true;
    day_ms_ = core::DaysFromCivil(DigitsOf(s, 0, 4), DigitsOf(s, 5, 2), DigitsOf(s, 8, 2)) *
              kMillisPerDay;
  }
  return ms;
}

}  // namespace uw::spotify_export
