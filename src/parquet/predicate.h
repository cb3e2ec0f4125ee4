// A range predicate on one column (lower <= value <= upper, both bounds inclusive and optional;
// nulls and NaN never match), evaluated two ways: against column-chunk statistics to skip row
// groups that cannot match, and exactly against values. Statistics are only trusted when their
// order is known: min_value/max_value under TYPE_ORDER, or the deprecated signed min/max for
// signed types (never for strings: PARQUET-686).
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "parquet/column_vector.h"
#include "parquet/file_schema.h"
#include "parquet/metadata.h"

namespace uw::parquet {

// bool for boolean columns; int64 for int32, int64, date (days) and timestamp (µs) columns;
// double for double columns; string for string columns.
using Scalar = std::variant<bool, int64_t, double, std::string>;

// The value of a non-null cell as a Scalar.
Scalar CellScalar(const ColumnVector& column, size_t row);

struct RangePredicate {
  std::string column;
  std::optional<Scalar> lower;
  std::optional<Scalar> upper;
};

// Throws Error(kUsage) when a bound's kind does not fit a column of `type`, or is NaN.
void CheckPredicate(const RangePredicate& predicate, ColumnType type);

// Whether row `row` of `column` satisfies the predicate.
bool Matches(const RangePredicate& predicate, const ColumnVector& column, size_t row);

// False only when the statistics prove no row of the chunk can match. `type_order` says whether
// the file declares TYPE_ORDER for this column.
bool StatisticsMayMatch(const RangePredicate& predicate, const LeafColumn& leaf,
                        const Statistics* statistics, bool type_order, int64_t num_rows);

// The statistics' min and max decoded to Scalars, when they are present, well-formed and of a
// known order; for `unwrapped inspect` and pruning.
struct ScalarRange {
  Scalar min, max;
};
std::optional<ScalarRange> DecodeStatistics(const LeafColumn& leaf, const Statistics& statistics,
                                            bool type_order);

}  // namespace uw::parquet
