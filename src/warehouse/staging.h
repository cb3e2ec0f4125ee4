// The staging layer (docs/warehouse.md "staging"): incoming rows land as one JSON object each
// (jsonb in PostgreSQL, JSON text in SQLite) in staging tables, and move into core with one
// INSERT … SELECT per table — plain inserts for fact partitions, upserts by key for dimensions
// (a row is updated only when a value differs). The loader empties staging before it commits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "parquet/batch.h"
#include "warehouse/connection.h"

namespace uw::warehouse {

// One JSON object per row ({"column": value, …}; nulls as null, timestamps and dates as ISO-8601
// strings, booleans as true/false, non-finite doubles as null).
std::string RowJson(const parquet::Batch& rows, size_t row);

struct UpsertCounts {
  int64_t inserted = 0, updated = 0, unchanged = 0;
};

// Stages `rows` (field names = columns of core.<table>) in staging.dimensions and upserts them
// into core.<table> by `key`. Inside the caller's transaction.
UpsertCounts UpsertDimension(Connection& connection, std::string_view table, std::string_view key,
                             const parquet::Batch& rows);

// Stages `rows` in staging.<staging_table> and inserts them into core.<table>; returns the rows
// inserted. Inside the caller's transaction.
int64_t InsertFacts(Connection& connection, std::string_view staging_table, std::string_view table,
                    const parquet::Batch& rows);

// Empties every staging table.
void TruncateStaging(Connection& connection);

}  // namespace uw::warehouse
