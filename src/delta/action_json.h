// Delta log actions <-> newline-delimited JSON (tech.md §3.2), and the table schema <->
// schemaString (Spark StructType JSON). Thread safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "delta/actions.h"
#include "parquet/schema.h"

namespace uw::delta {

// {"type":"struct","fields":[{"name":..,"type":"long","nullable":true,"metadata":{}},..]}
// with boolean/integer/long/double/string/date/timestamp.
std::string SchemaString(const parquet::Schema& schema);
// The inverse; also accepts byte/short (as int32) and float (as double).
// Throws Error(kCorrupt) for malformed JSON, Error(kInput) for a type we cannot read.
parquet::Schema ParseSchemaString(std::string_view schema_string);

// One line per action (commitInfo, protocol, metaData, remove…, add…), each ending in '\n'.
std::string SerializeCommit(const Commit& commit);

// Parses one commit file. Unknown action types are ignored (forward compatibility).
// Throws Error(kCorrupt) naming `version` when a line is not JSON or a known action lacks a
// required field; Error(kInput) when the table needs a newer reader than protocol 1.
Commit ParseCommit(std::string_view text, int64_t version);

}  // namespace uw::delta
