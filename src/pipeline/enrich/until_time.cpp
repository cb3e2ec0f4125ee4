#include "pipeline/enrich/until_time.h"

#include <string>

#include "core/civil_time.h"

namespace uw::enrich {
namespace {

int64_t UnitMs(char unit) {
  switch (unit) {
    case 's': return 1000;
    case 'm': return 60'000;
    case 'h': return 3'600'000;
    case 'd': return 86'400'000;
    default: return 0;
  }
}

// "1h30m": one or more <digits><unit>.
std::optional<int64_t> ParseDurationMs(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int64_t total = 0;
  size_t i = 0;
  while (i < text.size()) {
    int64_t value = 0;
    const size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 9) {
      value = value * 10 + (text[i++] - '0');
    }
    if (i == start || i == text.size() || UnitMs(text[i]) == 0) return std::nullopt;
    total += value * UnitMs(text[i++]);
  }
  return total;
}

// "…T13:41" or "…T13:41:44" (with an optional fraction) followed by "Z" or "±HH:MM".
std::optional<int64_t> ParseZonedTime(std::string_view text) {
  int64_t offset_ms = 0;
  std::string utc(text);
  if (!utc.empty() && utc.back() != 'Z') {
    if (utc.size() < 6) return std::nullopt;
    const std::string_view zone = std::string_view(utc).substr(utc.size() - 6);
    if ((zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
    for (const size_t k : {1, 2, 4, 5}) {
      if (zone[k] < '0' || zone[k] > '9') return std::nullopt;
    }
    const int64_t minutes = ((zone[1] - '0') * 10 + (zone[2] - '0')) * 60 + (zone[4] - '0') * 10 + (zone[5] - '0');
    offset_ms = (zone[0] == '+' ? 1 : -1) * minutes * 60'000;
    utc = utc.substr(0, utc.size() - 6) + "Z";
  }
  if (utc.size() == 17) utc.insert(16, ":00");  // no seconds
  const std::optional<int64_t> ms = core::ParseIsoUtcMillis(utc);
  if (!ms) return std::nullopt;
  return *ms - offset_ms;
}

}  // namespace

std::optional<int64_t> ParseUntil(std::string_view text, int64_t now_ms) {
  if (const auto duration = ParseDurationMs(text)) return now_ms + *duration;
  return ParseZonedTime(text);
}

}  // namespace uw::enrich
