#include "report/html_text.h"

#include <fmt/format.h>

#include <cmath>

#include "core/civil_time.h"

namespace uw::report {

std::string FormatCount(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string FormatDuration(int64_t ms) {
  const int64_t minutes = (ms + 30000) / 60000;
  if (ms > 0 && minutes == 0) return "<1 min";
  if (minutes < 60) return fmt::format("{} min", minutes);
  if (minutes < 600) {
    return minutes % 60 ? fmt::format("{} h {} min", minutes / 60, minutes % 60)
                        : fmt::format("{} h", minutes / 60);
  }
  return FormatCount((minutes + 30) / 60) + " h";
}

std::string FormatDurationTick(double ms, double scale_max_ms) {
  if (scale_max_ms < 2 * 3600000.0) return FormatCount(std::llround(ms / 60000.0)) + " min";
  return FormatCount(std::llround(ms / 3600000.0)) + " h";
}

std::string FormatPercent(double share, bool compact) {
  const double pct = share * 100.0;
  if (compact && pct >= 10.0) return fmt::format("{:.0f}%", pct);
  return fmt::format("{:.1f}%", pct);
}

std::string FormatDay(int32_t day) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const core::CivilDate d = core::CivilFromDays(day);
  return fmt::format("{} {} {}", d.day, kMonths[d.month - 1], d.year);
}

std::string Truncate(std::string_view text, size_t max_chars) {
  size_t chars = 0, i = 0;
  while (i < text.size() && chars < max_chars) {
    const size_t n = core::Utf8SequenceLength(text, i);
    i += n ? n : 1;
    ++chars;
  }
  if (i >= text.size()) return std::string(text);
  // Leave room for the ellipsis: drop the last character kept.
  size_t cut = i;
  do {
    --cut;
  } while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80);
  return std::string(text.substr(0, cut)) + "…";
}

}  // namespace uw::report
