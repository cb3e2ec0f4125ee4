// Per-file statistics for add.stats (tech.md §3.4, PROTOCOL.md "Per-file Statistics"):
// {"numRecords":N,"minValues":{..},"maxValues":{..},"nullCount":{..}}. Readers skip files with
// these bounds, so a bound is omitted rather than written when it could be wrong.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "parquet/schema.h"

namespace uw::delta {

// The value of a bound, read according to the column type: booleans as bool; int32, int64,
// dates (epoch days) and timestamps (epoch microseconds, UTC) as int64_t; doubles as double;
// strings as std::string (UTF-8).
using StatValue = std::variant<bool, int64_t, double, std::string>;

struct ColumnStats {
  std::string column;
  parquet::ColumnType type = parquet::ColumnType::kString;
  std::optional<StatValue> min;
  std::optional<StatValue> max;
  int64_t null_count = 0;
};

struct FileStats {
  int64_t num_records = 0;
  std::vector<ColumnStats> columns;  // data columns only; partition columns are not in the file
};

// Strings longer than this many bytes get a truncated min and a rounded-up (or no) max, as Spark
// does with its 32-character default.
inline constexpr size_t kStatsStringPrefixBytes = 32;

// The stats JSON. Timestamps become ISO-8601 milliseconds with "Z" (min truncated down, max
// rounded up), dates "YYYY-MM-DD"; NaN and infinite doubles and boolean bounds are omitted (Spark
// collects none for booleans). Throws Error(kInternal) when a value does not match its type.
std::string StatsJson(const FileStats& stats);

}  // namespace uw::delta
