#include "parquet/predicate.h"

#include <cmath>
#include <cstring>

#include "core/civil_time.h"
#include "core/error.h"

namespace uw::parquet {
namespace {

size_t ScalarIndexFor(ColumnType type) {
  switch (type) {
    case ColumnType::kBoolean:
      return 0;
    case ColumnType::kDouble:
      return 2;
    case ColumnType::kString:
      return 3;
    default:
      return 1;
  }
}

bool IsNan(const Scalar& s) {
  return std::holds_alternative<double>(s) && std::isnan(std::get<double>(s));
}

template <typename T>
std::optional<T> Load(const std::string& bytes) {
  if (bytes.size() != sizeof(T)) return std::nullopt;
  T v;
  std::memcpy(&v, bytes.data(), sizeof(T));
  return v;
}

std::optional<Scalar> DecodeBound(const LeafColumn& leaf, const std::string& bytes) {
  switch (leaf.physical) {
    case PhysicalType::kBoolean:
      if (bytes.size() != 1) return std::nullopt;
      return Scalar(bytes[0] != 0);
    case PhysicalType::kInt32:
      if (auto v = Load<int32_t>(bytes)) return Scalar(static_cast<int64_t>(*v));
      return std::nullopt;
    case PhysicalType::kInt64:
      if (auto v = Load<int64_t>(bytes)) {
        int64_t x = *v;
        if (leaf.conversion == Conversion::kMillisToMicros && __builtin_mul_overflow(x, 1000, &x))
          return std::nullopt;
        if (leaf.conversion == Conversion::kNanosToMicros) x = core::FloorDiv(x, 1000);
        return Scalar(x);
      }
      return std::nullopt;
    case PhysicalType::kFloat:
      if (auto v = Load<float>(bytes)) return Scalar(static_cast<double>(*v));
      return std::nullopt;
    case PhysicalType::kDouble:
      if (auto v = Load<double>(bytes)) return Scalar(*v);
      return std::nullopt;
    case PhysicalType::kByteArray:
      return Scalar(bytes);
    default:
      return std::nullopt;
  }
}

}  // namespace

void CheckPredicate(const RangePredicate& p, ColumnType type) {
  for (const auto* bound : {&p.lower, &p.upper}) {
    if (!*bound) continue;
    if ((*bound)->index() != ScalarIndexFor(type)) {
      Fail(ErrorCode::kUsage, "filter on \"{}\": the bound does not fit a {} column", p.column,
           ColumnTypeName(type));
    }
    if (IsNan(**bound))
      Fail(ErrorCode::kUsage, "filter on \"{}\": NaN is not a valid bound", p.column);
  }
}

bool Matches(const RangePredicate& p, const ColumnVector& column, size_t row) {
  if (column.IsNull(row)) return false;
  const Scalar v = CellScalar(column, row);
  if (IsNan(v)) return false;
  if (p.lower && v < *p.lower) return false;
  if (p.upper && *p.upper < v) return false;
  return true;
}

std::optional<ScalarRange> DecodeStatistics(const LeafColumn& leaf, const Statistics& s,
                                            bool type_order) {
  if (!leaf.type || !leaf.stats_usable) return std::nullopt;
  const std::string* min = nullptr;
  const std::string* max = nullptr;
  const bool is_string = leaf.physical == PhysicalType::kByteArray;
  if (s.min_value && s.max_value && (type_order || !is_string)) {
    min = &*s.min_value;
    max = &*s.max_value;
  } else if (s.min && s.max && !is_string) {
    min = &*s.min;
    max = &*s.max;
  } else {
    return std::nullopt;
  }
  auto lo = DecodeBound(leaf, *min);
  auto hi = DecodeBound(leaf, *max);
  if (!lo || !hi || IsNan(*lo) || IsNan(*hi) || *hi < *lo) return std::nullopt;
  return ScalarRange{std::move(*lo), std::move(*hi)};
}

bool StatisticsMayMatch(const RangePredicate& p, const LeafColumn& leaf, const Statistics* s,
                        bool type_order, int64_t num_rows) {
  if (s == nullptr) return true;
  if (s->null_count && *s->null_count >= num_rows && num_rows > 0) return false;  // only nulls
  const auto range = DecodeStatistics(leaf, *s, type_order);
  if (!range) return true;
  // Compare as doubles when the statistics are doubles: -0.0 == +0.0 there.
  if (p.lower && range->max < *p.lower) return false;
  if (p.upper && *p.upper < range->min) return false;
  return true;
}

Scalar CellScalar(const ColumnVector& c, size_t row) {
  switch (c.type()) {
    case ColumnType::kBoolean:
      return c.GetBool(row);
    case ColumnType::kInt32:
    case ColumnType::kDate:
      return static_cast<int64_t>(c.GetInt32(row));
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      return c.GetInt64(row);
    case ColumnType::kDouble:
      return c.GetDouble(row);
    case ColumnType::kString:
      return std::string(c.GetString(row));
  }
  return false;
}

}  // namespace uw::parquet
