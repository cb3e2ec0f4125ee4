#include "parquet/value_format.h"

#include <fmt/format.h>

#include <cmath>

#include "core/civil_time.h"
#include "core/text.h"

namespace uw::parquet {
namespace {

constexpr int64_t kMicrosPerDay = 86'400'000'000;

std::string ScalarText(const Scalar& value, ColumnType type) {
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* d = std::get_if<double>(&value)) return FormatDouble(*d);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  const int64_t i = std::get<int64_t>(value);
  if (type == ColumnType::kDate) return FormatDateDays(i);
  if (type == ColumnType::kTimestamp) return FormatTimestampMicros(i);
  return std::to_string(i);
}

}  // namespace

std::string FormatDateDays(int64_t days) { return core::FormatDate(days); }

std::string FormatTimestampMicros(int64_t micros) {
  const int64_t days = core::FloorDiv(micros, kMicrosPerDay);
  int64_t rest = micros - days * kMicrosPerDay;
  const core::CivilDate d = core::CivilFromDays(days);
  const int64_t us = rest % 1'000'000;
  rest /= 1'000'000;
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}.{:06d}Z", d.year, d.month, d.day,
                     rest / 3600, rest / 60 % 60, rest % 60, us);
}

std::string FormatDouble(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  return fmt::format("{}", value);
}

std::string FormatCell(const ColumnVector& column, size_t row) {
  if (column.IsNull(row)) return "";
  if (column.type() == ColumnType::kString) return std::string(column.GetString(row));
  return ScalarText(CellScalar(column, row), column.type());
}

void AppendJsonScalar(const Scalar& value, ColumnType type, std::string& out) {
  if (const auto* b = std::get_if<bool>(&value)) {
    out += *b ? "true" : "false";
  } else if (const auto* d = std::get_if<double>(&value)) {
    if (std::isfinite(*d))
      out += FormatDouble(*d);
    else
      core::AppendJsonString(out, FormatDouble(*d));
  } else if (const auto* s = std::get_if<std::string>(&value)) {
    core::AppendJsonString(out, *s);
  } else if (type == ColumnType::kDate || type == ColumnType::kTimestamp) {
    core::AppendJsonString(out, ScalarText(value, type));
  } else {
    out += std::to_string(std::get<int64_t>(value));
  }
}

void AppendJsonCell(const ColumnVector& column, size_t row, std::string& out) {
  if (column.IsNull(row)) {
    out += "null";
  } else if (column.type() == ColumnType::kString) {
    core::AppendJsonString(out, column.GetString(row));
  } else {
    AppendJsonScalar(CellScalar(column, row), column.type(), out);
  }
}

void AppendCsvCell(const ColumnVector& column, size_t row, std::string& out) {
  if (column.IsNull(row)) return;
  const std::string text = FormatCell(column, row);
  const bool quote = text.empty() || text.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace uw::parquet
