// Test helpers shared by the parquet tests (header-only; never linked into the library):
// random schemas and batches for rapidcheck properties, and exact batch comparison.
#pragma once

#include <rapidcheck.h>

#include <bit>
#include <cmath>
#include <limits>
#include <string>

#include "parquet/batch.h"
#include "parquet/file_writer.h"

namespace uw::parquet::test {

inline void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Valid UTF-8 mixing ASCII, Latin-1, CJK, emoji and the highest code point.
inline rc::Gen<std::string> GenUtf8(int max_chars) {
  return rc::gen::map(
      rc::gen::container<std::vector<uint32_t>>(rc::gen::oneOf(
          rc::gen::inRange<uint32_t>(0x20, 0x7F), rc::gen::inRange<uint32_t>(0, 0x20),
          rc::gen::inRange<uint32_t>(0xA0, 0x100), rc::gen::inRange<uint32_t>(0x4E00, 0x4F00),
          rc::gen::inRange<uint32_t>(0x1F600, 0x1F650), rc::gen::just<uint32_t>(0x10FFFF))),
      [max_chars](const std::vector<uint32_t>& cps) {
        std::string s;
        for (size_t i = 0; i < cps.size() && static_cast<int>(i) < max_chars; ++i)
          AppendUtf8(cps[i], s);
        return s;
      });
}

inline rc::Gen<std::string> GenString() {
  return rc::gen::weightedOneOf<std::string>({
      {4, rc::gen::element<std::string>("", "a", "b", "Taylor Swift", "Beyoncé", "坂本龍一", "🎵",
                                        "zz")},
      {4, GenUtf8(24)},
      {1, rc::gen::map(rc::gen::inRange<int>(60, 70000),
                       [](int n) { return std::string(static_cast<size_t>(n), 'x') + "é"; })},
      {1, rc::gen::map(rc::gen::inRange<int>(1, 200),
                       [](int n) {
                         std::string s;
                         for (int i = 0; i < n; ++i) AppendUtf8(0x10FFFF, s);
                         return s;
                       })},
  });
}

inline rc::Gen<double> GenDouble() {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  return rc::gen::weightedOneOf<double>({
      {3, rc::gen::element<double>(
              0.0, -0.0, std::nan(""), -std::nan(""), kInf, -kInf, 1.5, -2.25,
              std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
              std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::min())},
      {5, rc::gen::arbitrary<double>()},
      {2, rc::gen::map(rc::gen::arbitrary<uint64_t>(),
                       [](uint64_t bits) { return std::bit_cast<double>(bits); })},
  });
}

template <typename T>
rc::Gen<T> GenInt() {
  return rc::gen::weightedOneOf<T>({
      {2,
       rc::gen::element<T>(std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), 0, -1, 1)},
      {3, rc::gen::inRange<T>(-5, 6)},
      {5, rc::gen::arbitrary<T>()},
  });
}

inline rc::Gen<Schema> GenSchema() {
  return rc::gen::map(
      rc::gen::nonEmpty(rc::gen::container<std::vector<std::pair<int, bool>>>(
          rc::gen::pair(rc::gen::inRange(0, 7), rc::gen::arbitrary<bool>()))),
      [](const std::vector<std::pair<int, bool>>& cols) {
        std::vector<Field> fields;
        for (size_t i = 0; i < cols.size() && i < 10; ++i) {
          fields.push_back(
              {"c" + std::to_string(i), static_cast<ColumnType>(cols[i].first), cols[i].second});
        }
        return Schema(std::move(fields));
      });
}

// Appends one random value (or a null, with probability null_percent) to `column`.
inline void AppendRandom(ColumnVector& column, bool nullable, int null_percent) {
  if (nullable && *rc::gen::inRange(0, 100) < null_percent) return column.AppendNull();
  switch (column.type()) {
    case ColumnType::kBoolean:
      return column.AppendBool(*rc::gen::arbitrary<bool>());
    case ColumnType::kInt32:
    case ColumnType::kDate:
      return column.AppendInt32(*GenInt<int32_t>());
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      return column.AppendInt64(*GenInt<int64_t>());
    case ColumnType::kDouble:
      return column.AppendDouble(*GenDouble());
    case ColumnType::kString:
      return column.AppendString(*GenString());
  }
}

// A batch of `rows` random rows; each column gets its own null rate (0, some, or all).
inline Batch GenBatch(const Schema& schema, size_t rows) {
  Batch batch(schema);
  for (size_t c = 0; c < schema.size(); ++c) {
    const int null_percent = *rc::gen::element(0, 10, 50, 100);
    for (size_t r = 0; r < rows; ++r)
      AppendRandom(batch.column(c), schema.field(c).nullable, null_percent);
  }
  return batch;
}

inline rc::Gen<WriterOptions> GenOptions() {
  return rc::gen::exec([] {
    WriterOptions o;
    o.codec = *rc::gen::element(Codec::kUncompressed, Codec::kSnappy, Codec::kZstd, Codec::kGzip);
    o.compression_level = *rc::gen::inRange(1, 10);
    o.row_group_rows = *rc::gen::element<int64_t>(1, 7, 64, 1 << 20);
    o.row_group_bytes = *rc::gen::element<int64_t>(64, 4096, 128 << 20);
    o.page_rows = *rc::gen::element<int64_t>(1, 3, 50, 20'000);
    o.page_bytes = *rc::gen::element<int64_t>(16, 1024, 1 << 20);
    o.dictionary_bytes = *rc::gen::element<int64_t>(0, 40, 1 << 20);
    o.dictionary = *rc::gen::arbitrary<bool>();
    o.statistics = *rc::gen::arbitrary<bool>();
    return o;
  });
}

// Describes the first difference between two batches ("" when identical). Doubles compare by
// bit pattern, so NaN, -0.0 and +0.0 must round-trip exactly.
inline std::string Difference(const Batch& a, const Batch& b) {
  if (!(a.schema() == b.schema())) return "schemas differ";
  if (a.num_rows() != b.num_rows())
    return "row counts differ: " + std::to_string(a.num_rows()) + " vs " +
           std::to_string(b.num_rows());
  for (size_t c = 0; c < a.num_columns(); ++c) {
    const ColumnVector& x = a.column(c);
    const ColumnVector& y = b.column(c);
    for (size_t r = 0; r < x.size(); ++r) {
      const std::string where = "column " + a.schema().field(c).name + " row " + std::to_string(r);
      if (x.IsNull(r) != y.IsNull(r)) return where + ": null differs";
      if (x.IsNull(r)) continue;
      bool same = true;
      switch (x.type()) {
        case ColumnType::kBoolean:
          same = x.GetBool(r) == y.GetBool(r);
          break;
        case ColumnType::kInt32:
        case ColumnType::kDate:
          same = x.GetInt32(r) == y.GetInt32(r);
          break;
        case ColumnType::kInt64:
        case ColumnType::kTimestamp:
          same = x.GetInt64(r) == y.GetInt64(r);
          break;
        case ColumnType::kDouble:
          same = std::bit_cast<uint64_t>(x.GetDouble(r)) == std::bit_cast<uint64_t>(y.GetDouble(r));
          break;
        case ColumnType::kString:
          same = x.GetString(r) == y.GetString(r);
          break;
      }
      if (!same) return where + ": value differs";
    }
  }
  return "";
}

}  // namespace uw::parquet::test
