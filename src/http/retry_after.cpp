#include "http/retry_after.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string>

#include "core/civil_time.h"

namespace uw::http {
namespace {

constexpr int64_t kMaxWaitSeconds = 100LL * 366 * 24 * 3600;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Exactly `width` digits at `pos`, or -1.
int Digits(std::string_view s, size_t pos, size_t width) {
  if (pos + width > s.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

int MonthNumber(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == name) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::optional<int64_t> ParseDeltaSeconds(std::string_view s) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  int64_t seconds = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), seconds);
  if (ec == std::errc::result_out_of_range || seconds > kMaxWaitSeconds) seconds = kMaxWaitSeconds;
  return seconds * 1000;
}

// IMF-fixdate, the one form senders must generate: "Sun, 06 Nov 1994 08:49:37 GMT".
std::optional<int64_t> ParseHttpDateMs(std::string_view s) {
  if (s.size() != 29 || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' ||
      s[19] != ':' || s[22] != ':' || s.substr(25) != " GMT") {
    return std::nullopt;
  }
  int day = Digits(s, 5, 2), month = MonthNumber(s.substr(8, 3)), year = Digits(s, 12, 4);
  int hour = Digits(s, 17, 2), minute = Digits(s, 20, 2), second = Digits(s, 23, 2);
  if (day < 1 || day > 31 || month == 0 || year < 0 || hour < 0 || hour > 23 || minute < 0 ||
      minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  int64_t days = core::DaysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute) * 60000 + int64_t{second} * 1000;
}

}  // namespace

std::optional<int64_t> ParseRetryAfterMs(std::string_view value, int64_t now_ms) {
  value = Trim(value);
  if (auto delta = ParseDeltaSeconds(value)) return delta;
  if (auto at = ParseHttpDateMs(value)) {
    int64_t wait = *at - now_ms;
    return wait < 0 ? 0 : std::min(wait, kMaxWaitSeconds * 1000);
  }
  return std::nullopt;
}

bool IsQuotaExceeded(std::string_view body) {
  // Cheap test first: most 429 bodies are small, and non-quota ones need no parse.
  if (body.find("QUOTA_EXCEEDED") == std::string_view::npos) return false;
  simdjson::dom::parser parser;
  simdjson::padded_string padded(body);
  simdjson::dom::element root;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS) return false;
  std::string_view reason;
  if (root["error"]["reason"].get(reason) != simdjson::SUCCESS) return false;
  return reason == "QUOTA_EXCEEDED";
}

}  // namespace uw::http
