// Column-chunk statistics as parquet.thrift's Statistics, following tech.md §1.8 and the
// ColumnOrder notes in parquet.thrift:
// - null_count always; min_value/max_value always together (parquet-java ignores one alone);
// - integers, dates, timestamps: signed order; strings: unsigned byte-wise (memcmp) order;
//   booleans: false < true; doubles: NaN excluded (counted in nan_count), a zero minimum is
//   written as -0.0 and a zero maximum as +0.0;
// - the deprecated signed min/max are also written for every type except strings (as
//   parquet-java does), never for strings, whose old signed order differs;
// - strings longer than kMaxStatBytes are truncated at a UTF-8 boundary: the min to a prefix,
//   the max to a prefix whose last code point is incremented (so it stays an upper bound and
//   valid UTF-8), with is_*_value_exact = false.
// Not thread safe.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parquet/metadata.h"

namespace uw::parquet {

inline constexpr size_t kMaxStatBytes = 64;

// Shortest-prefix bounds for long strings; exposed for tests.
std::string TruncateMinString(std::string_view value, size_t limit);
// nullopt when no upper bound of at most `limit` bytes exists (all code points maximal).
std::optional<std::string> TruncateMaxString(std::string_view value, size_t limit);

// T is uint8_t (booleans, 0/1), int32_t, int64_t, double or std::string_view.
template <typename T>
class StatisticsCollector {
 public:
  void AddNulls(int64_t count) { null_count_ += count; }
  void Add(T value) {
    if constexpr (std::is_same_v<T, double>) {
      if (std::isnan(value)) {
        ++nan_count_;
        return;
      }
    }
    if (!has_min_max_) {
      min_ = Stored(value);
      max_ = Stored(value);
      has_min_max_ = true;
    } else if (value < View(min_)) {
      min_ = Stored(value);
    } else if (View(max_) < value) {
      max_ = Stored(value);
    }
  }
  int64_t null_count() const { return null_count_; }
  bool has_min_max() const { return has_min_max_; }

  Statistics ToThrift() const;
  void Reset() { *this = StatisticsCollector(); }

 private:
  using Storage = std::conditional_t<std::is_same_v<T, std::string_view>, std::string, T>;
  static Storage Stored(T v) { return Storage(v); }
  static T View(const Storage& s) { return T(s); }

  bool has_min_max_ = false;
  Storage min_{}, max_{};
  int64_t null_count_ = 0;
  int64_t nan_count_ = 0;
};

extern template class StatisticsCollector<uint8_t>;
extern template class StatisticsCollector<int32_t>;
extern template class StatisticsCollector<int64_t>;
extern template class StatisticsCollector<double>;
extern template class StatisticsCollector<std::string_view>;

}  // namespace uw::parquet
