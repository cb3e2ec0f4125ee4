// Text forms of column values for humans and tools (`unwrapped cat`, `unwrapped inspect`):
// dates as YYYY-MM-DD, timestamps as ISO-8601 UTC with microseconds, doubles in their shortest
// round-trip form (NaN, Infinity, -Infinity spelled out), strings as they are.
#pragma once

#include <cstdint>
#include <string>

#include "parquet/column_vector.h"
#include "parquet/predicate.h"

namespace uw::parquet {

std::string FormatDateDays(int64_t days);           // 2021-11-15
std::string FormatTimestampMicros(int64_t micros);  // 2021-11-15T13:41:44.123456Z
std::string FormatDouble(double value);             // 0.1, -0, 1e+300, NaN, Infinity

// The value of row `row` as plain text; "" for null.
std::string FormatCell(const ColumnVector& column, size_t row);
// Appends the value as a JSON token: null, true/false, a number, or a string (dates,
// timestamps, non-finite doubles and text).
void AppendJsonCell(const ColumnVector& column, size_t row, std::string& out);
// Appends the value as an RFC 4180 CSV field: null is an empty field, the empty string is "".
void AppendCsvCell(const ColumnVector& column, size_t row, std::string& out);

// A statistics bound as a JSON token, interpreted as a value of `type`.
void AppendJsonScalar(const Scalar& value, ColumnType type, std::string& out);

}  // namespace uw::parquet
