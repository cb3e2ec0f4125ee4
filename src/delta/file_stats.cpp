#include "delta/file_stats.h"

#include <fmt/format.h>

#include <cmath>

#include "core/civil_time.h"
#include "core/error.h"
#include "core/text.h"
#include "parquet/statistics.h"

namespace uw::delta {
namespace {

using parquet::ColumnType;

enum class Bound { kMin, kMax };

int64_t AsInt(const StatValue& v, const ColumnStats& c) {
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  Fail(ErrorCode::kInternal, "stats for '{}': expected an integer bound", c.column);
}

// Delta timestamps in stats have millisecond precision: the min is truncated down and the max
// rounded up so both stay true bounds of the microsecond values (tech.md §3.4).
std::string TimestampBound(int64_t micros, Bound bound) {
  const int64_t millis =
      bound == Bound::kMin ? core::FloorDiv(micros, 1000) : -core::FloorDiv(-micros, 1000);
  return core::JsonString(core::FormatIsoMillis(millis));
}

std::optional<std::string> StringBound(const std::string& value, Bound bound) {
  if (value.size() <= kStatsStringPrefixBytes) return core::JsonString(value);
  if (bound == Bound::kMin)
    return core::JsonString(parquet::TruncateMinString(value, kStatsStringPrefixBytes));
  const auto max = parquet::TruncateMaxString(value, kStatsStringPrefixBytes);
  if (!max) return std::nullopt;
  return core::JsonString(*max);
}

// The JSON literal for one bound, or nullopt when it must be omitted.
std::optional<std::string> BoundJson(const ColumnStats& c, const StatValue& v, Bound bound) {
  switch (c.type) {
    case ColumnType::kBoolean:
      return std::nullopt;
    case ColumnType::kInt32:
    case ColumnType::kInt64:
      return fmt::format("{}", AsInt(v, c));
    case ColumnType::kDate:
      return core::JsonString(core::FormatDate(AsInt(v, c)));
    case ColumnType::kTimestamp:
      return TimestampBound(AsInt(v, c), bound);
    case ColumnType::kDouble: {
      const auto* d = std::get_if<double>(&v);
      if (d == nullptr)
        Fail(ErrorCode::kInternal, "stats for '{}': expected a double bound", c.column);
      if (!std::isfinite(*d)) return std::nullopt;
      return fmt::format("{}", *d);
    }
    case ColumnType::kString: {
      const auto* s = std::get_if<std::string>(&v);
      if (s == nullptr)
        Fail(ErrorCode::kInternal, "stats for '{}': expected a string bound", c.column);
      return StringBound(*s, bound);
    }
  }
  return std::nullopt;
}

// `"minValues":{...}` or `"maxValues":{...}`.
void AppendBounds(std::string& out, const FileStats& stats, Bound bound) {
  out += bound == Bound::kMin ? "\"minValues\":{" : "\"maxValues\":{";
  bool first = true;
  for (const auto& c : stats.columns) {
    const auto& value = bound == Bound::kMin ? c.min : c.max;
    if (!value) continue;
    const auto json = BoundJson(c, *value, bound);
    if (!json) continue;
    if (!first) out.push_back(',');
    first = false;
    core::AppendJsonString(out, c.column);
    out.push_back(':');
    out += *json;
  }
  out.push_back('}');
}

}  // namespace

std::string StatsJson(const FileStats& stats) {
  std::string out = fmt::format("{{\"numRecords\":{},", stats.num_records);
  AppendBounds(out, stats, Bound::kMin);
  out.push_back(',');
  AppendBounds(out, stats, Bound::kMax);
  out += ",\"nullCount\":{";
  for (size_t i = 0; i < stats.columns.size(); ++i) {
    if (i > 0) out.push_back(',');
    core::AppendJsonString(out, stats.columns[i].column);
    out += fmt::format(":{}", stats.columns[i].null_count);
  }
  out += "}}";
  return out;
}

}  // namespace uw::delta
