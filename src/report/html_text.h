// Text for the report page: HTML escaping and the number formats every section uses (thousands
// separators, "h"/"min", percentages). Pure functions, thread safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/text.h"

namespace uw::report {

// core::EscapeHtml, by the short name every section uses.
inline std::string Escape(std::string_view text) { return core::EscapeHtml(text); }

// 1234567 -> "1,234,567".
std::string FormatCount(int64_t value);
// Listening time from milliseconds: "42 min", "3 h 25 min", "1,234 h" (rounded to minutes / hours).
std::string FormatDuration(int64_t ms);
// An axis tick for a duration scale: minutes below two hours at the top of the scale, else hours.
std::string FormatDurationTick(double ms, double scale_max_ms);
// 0.1234 -> "12.3%" (0 decimals from 10% up when `compact`).
std::string FormatPercent(double share, bool compact = false);
// Days since 1970-01-01 -> "12 Mar 2024".
std::string FormatDay(int32_t day);
// At most `max_chars` characters (code points) of `text`, with "…" when shortened.
std::string Truncate(std::string_view text, size_t max_chars);

}  // namespace uw::report
