#include "parquet/statistics.h"

#include <cstring>

namespace uw::parquet {
namespace {

template <typename T>
std::string PlainBytes(T value) {
  std::string out(sizeof(T), '\0');
  std::memcpy(out.data(), &value, sizeof(T));
  return out;
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the longest prefix of at most `limit` bytes that ends on a code point boundary.
size_t BoundaryAtOrBefore(std::string_view s, size_t limit) {
  size_t n = std::min(limit, s.size());
  while (n > 0 && n < s.size() && IsContinuation(static_cast<unsigned char>(s[n]))) --n;
  return n;
}

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the code point starting at s[start, end); returns false for malformed bytes.
bool DecodeCodePoint(std::string_view s, size_t start, size_t end, uint32_t& cp) {
  const auto lead = static_cast<unsigned char>(s[start]);
  const size_t len = end - start;
  const size_t want = lead < 0x80         ? 1
                      : (lead >> 5) == 6  ? 2
                      : (lead >> 4) == 14 ? 3
                      : (lead >> 3) == 30 ? 4
                                          : 0;
  if (want == 0 || want != len) return false;
  cp = want == 1 ? lead : lead & (0x7F >> want);
  for (size_t i = start + 1; i < end; ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return true;
}

}  // namespace

std::string TruncateMinString(std::string_view value, size_t limit) {
  if (value.size() <= limit) return std::string(value);
  return std::string(value.substr(0, BoundaryAtOrBefore(value, limit)));
}

std::optional<std::string> TruncateMaxString(std::string_view value, size_t limit) {
  if (value.size() <= limit) return std::string(value);
  size_t end = BoundaryAtOrBefore(value, limit);
  // Increment the last code point that can be incremented, dropping the ones after it: the
  // result is greater than every string with the original prefix.
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && IsContinuation(static_cast<unsigned char>(value[start]))) --start;
    uint32_t cp = 0;
    if (!DecodeCodePoint(value, start, end, cp)) {
      // Not UTF-8 (a binary column): fall back to incrementing the last byte below 0xFF.
      const auto b = static_cast<unsigned char>(value[end - 1]);
      if (b < 0xFF) return std::string(value.substr(0, end - 1)) + static_cast<char>(b + 1);
      end -= 1;
      continue;
    }
    if (cp < 0x10FFFF) {
      const uint32_t next = cp + 1 == 0xD800 ? 0xE000 : cp + 1;  // skip the surrogate range
      std::string out(value.substr(0, start));
      AppendUtf8(next, out);
      return out;
    }
    end = start;
  }
  return std::nullopt;
}

template <typename T>
Statistics StatisticsCollector<T>::ToThrift() const {
  Statistics s;
  s.null_count = null_count_;
  if constexpr (std::is_same_v<T, double>) s.nan_count = nan_count_;
  if (!has_min_max_) return s;
  if constexpr (std::is_same_v<T, std::string_view>) {
    std::optional<std::string> max = TruncateMaxString(max_, kMaxStatBytes);
    if (!max) return s;  // no short upper bound: write neither (they only work as a pair)
    s.min_value = TruncateMinString(min_, kMaxStatBytes);
    s.max_value = std::move(max);
    s.is_min_value_exact = s.min_value->size() == min_.size();
    s.is_max_value_exact = *s.max_value == max_;
  } else {
    T min = min_, max = max_;
    if constexpr (std::is_same_v<T, double>) {
      if (min == 0) min = -0.0;  // parquet.thrift ColumnOrder: min zero as -0, max zero as +0
      if (max == 0) max = +0.0;
    }
    s.min_value = PlainBytes(min);
    s.max_value = PlainBytes(max);
    s.min = s.min_value;
    s.max = s.max_value;
    s.is_min_value_exact = true;
    s.is_max_value_exact = true;
  }
  return s;
}

template class StatisticsCollector<uint8_t>;
template class StatisticsCollector<int32_t>;
template class StatisticsCollector<int64_t>;
template class StatisticsCollector<double>;
template class StatisticsCollector<std::string_view>;

}  // namespace uw::parquet
