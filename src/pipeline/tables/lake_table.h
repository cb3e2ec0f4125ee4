// One lake table (silver or gold) as a build hands it to the publisher: its file schema,
// partitioning, key, and rows grouped by partition. Each table has its own .cpp in its layer
// (silver/listening_events.cpp, gold/fact_plays.cpp, …) that builds its LakeTable.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "delta/actions.h"
#include "parquet/batch.h"
#include "parquet/schema.h"

namespace uw::tables {

struct TablePartition {
  delta::PartitionValues values;  // {"year": "2024", "month": "3"}; empty when unpartitioned
  parquet::Batch rows;            // data columns only: partition columns are not in the files
};

struct LakeTable {
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

// Builds a fact table's partitions directly: rows go straight into the batch of their UTC month,
// so a million rows are never gathered into one batch and copied out again.
class MonthPartitioner {
 public:
  explicit MonthPartitioner(parquet::Schema schema) : schema_(std::move(schema)) {}
  // The batch of the month holding `ended_at_ms` (consecutive rows of one month are cheap).
  parquet::Batch& For(int64_t ended_at_ms);
  // The partitions year=YYYY/month=M, ordered by time.
  std::vector<TablePartition> Take();

 private:
  parquet::Schema schema_;
  std::map<std::pair<int, int>, parquet::Batch> months_;
  int64_t current_begin_ms_ = 1, current_end_ms_ = 0;  // the month `current_` covers
  parquet::Batch* current_ = nullptr;
};

// Builds a fact table's month partitions from `count` rows whose end times `ended_ms(i)` are in
// ascending order, appending row i with `append(batch, i)`; the months are built in parallel.
// Rows out of order are still placed correctly, one by one.
std::vector<TablePartition> BuildMonthPartitions(
    const parquet::Schema& schema, size_t count, const std::function<int64_t(size_t)>& ended_ms,
    const std::function<void(parquet::Batch&, size_t)>& append);

// A table whose partitions are built on demand, so a fact table of millions of rows is never
// held whole: the publisher (StageStreamedTable) builds a partition, checks it, names it by its
// content, writes it when it changed and drops it before building another.
struct StreamedTable {
  LakeTable shape;  // name, schema, partition columns and key; no partitions, not partial
  std::vector<delta::PartitionValues> partitions;  // in publishing order
  std::function<parquet::Batch(size_t)> build;     // the rows of partition i; called concurrently
  // Build the last partitions first (the inputs of the last rows are ready first); the
  // partitions are published in their order all the same.
  bool build_last_first = false;

  // The partition to build `n`th.
  size_t BuildOrder(size_t n) const { return build_last_first ? partitions.size() - 1 - n : n; }
};

// Every partition built (in parallel) into one LakeTable.
LakeTable Materialize(const StreamedTable& table);

// A fact table partitioned like BuildMonthPartitions (the same partitions, rows and order), built
// one month at a time. The result keeps `append`: what it refers to must outlive the result.
StreamedTable StreamMonthPartitions(LakeTable shape, size_t count,
                                    const std::function<int64_t(size_t)>& ended_ms,
                                    std::function<void(parquet::Batch&, size_t)> append);

// A table of one unpartitioned file (possibly empty: plain Parquet readers still find its schema).
std::vector<TablePartition> SinglePartition(parquet::Batch rows);

// Appenders shared by the table builders: empty strings and absent values become nulls.
void AppendText(parquet::ColumnVector& column, std::string_view value);
void AppendOptBool(parquet::ColumnVector& column, const std::optional<bool>& value);
void AppendOptInt64(parquet::ColumnVector& column, const std::optional<int64_t>& value);
void AppendOptMicros(parquet::ColumnVector& column, const std::optional<int64_t>& millis);

}  // namespace uw::tables
