// How our ColumnTypes map onto Parquet schema elements (tech.md §1.5), in both directions.
// Writing: every leaf gets its physical type, LogicalType and the matching ConvertedType (for old
// readers). Reading: a file's flat schema, written by us or by DuckDB, Polars, Arrow, Spark, …,
// resolves to one LeafColumn per leaf, including the value conversion the reader must apply.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parquet/metadata.h"
#include "parquet/schema.h"

namespace uw::parquet {

PhysicalType PhysicalTypeFor(ColumnType type);

// Root element plus one leaf per field.
std::vector<SchemaElement> ToSchemaElements(const Schema& schema);

// What a stored value needs to become our value.
enum class Conversion {
  kNone,
  kFloatToDouble,   // FLOAT → double (exact)
  kUint32ToInt64,   // INT32 annotated UINT_32 → int64 (zero-extended)
  kMillisToMicros,  // TIMESTAMP(MILLIS) → µs
  kNanosToMicros,   // TIMESTAMP(NANOS) → µs, floor (loses the sub-µs digits)
  kInt96ToMicros,   // legacy Impala/Spark INT96 timestamps
};

struct LeafColumn {
  std::string name;
  PhysicalType physical = PhysicalType::kInt32;
  int32_t type_length = 0;
  bool nullable = true;
  std::optional<ColumnType> type;  // nullopt: the column cannot be read (see `unsupported`)
  std::string unsupported;         // why, e.g. "DECIMAL(10,2)"
  Conversion conversion = Conversion::kNone;
  // Statistics min/max may be used for pruning (known order, comparable after conversion).
  bool stats_usable = false;
};

// Resolves the leaves of a flat schema. Throws Error(kInput) for nested or repeated schemas
// (not supported) and Error(kCorrupt) for a malformed element list.
std::vector<LeafColumn> ResolveLeaves(const std::vector<SchemaElement>& schema);

}  // namespace uw::parquet
