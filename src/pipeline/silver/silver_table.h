// One silver table as the build hands it to the publisher: its file schema, partitioning, key,
// and rows grouped by partition. Each table has its own .cpp (listening_events.cpp, tracks.cpp,
// …) that turns resolved plays and the catalog into a SilverTable; silver_tables.h lists them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "delta/actions.h"
#include "parquet/batch.h"
#include "parquet/schema.h"

namespace uw::silver {

struct TablePartition {
  delta::PartitionValues values;  // {"year": "2024", "month": "3"}; empty when unpartitioned
  parquet::Batch rows;            // data columns only: partition columns are not in the files
};

struct SilverTable {
  std::string name;
  parquet::Schema schema;                      // the data columns, as written in the files
  std::vector<std::string> partition_columns;  // int32 columns, appended to the Delta schema
  std::vector<std::string> key;                // columns whose values identify a row
  std::vector<TablePartition> partitions;      // ordered by partition values
  // true: `partitions` lists only partitions to replace; the table's other partitions stay.
  bool partial = false;

  uint64_t num_rows() const;
  // The table schema Delta records: data columns then the partition columns (int32).
  parquet::Schema DeltaSchema() const;
};

// Splits `rows` by the UTC year and month of the timestamp column `ts_column` (µs since the
// epoch) into Hive partitions year=YYYY/month=M, ordered by time. Rows keep their order.
std::vector<TablePartition> PartitionByMonth(const parquet::Batch& rows,
                                             std::string_view ts_column);

// A table of one unpartitioned file (possibly empty: plain Parquet readers still find its schema).
std::vector<TablePartition> SinglePartition(parquet::Batch rows);

// Appenders shared by the table builders: empty strings and absent values become nulls.
void AppendText(parquet::ColumnVector& column, std::string_view value);
void AppendOptBool(parquet::ColumnVector& column, const std::optional<bool>& value);
void AppendOptInt64(parquet::ColumnVector& column, const std::optional<int64_t>& value);
void AppendOptMicros(parquet::ColumnVector& column, const std::optional<int64_t>& millis);

}  // namespace uw::silver
