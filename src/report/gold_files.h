// The live files of a gold table, for the report to read one at a time in the order
// tables::ReadTable concatenates them (path order). The report's dictionaries number names in
// first-seen order and break ties by that order, so the order must stay ReadTable's; reading
// file by file instead of one concatenated batch saves merging every file's string dictionaries
// and keeps only one file's columns in memory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "delta/actions.h"
#include "parquet/batch.h"
#include "parquet/file_reader.h"
#include "storage/object_store.h"

namespace uw::report {

struct GoldFiles {
  parquet::Schema schema;  // the columns read: the requested ones the table has
  parquet::ReadRequest request;
  std::vector<parquet::FileReader> files;  // footers read, in path order

  int64_t num_rows() const;
  // Reads file `i`, or, for a table without files, one empty batch of `schema` (so that its
  // columns are still checked).
  size_t batches() const { return files.empty() ? 1 : files.size(); }
  parquet::Batch Read(size_t i) const;
};

// Opens the live files of `table_root` (only those of `partitions` when not null), to read the
// data columns named in `columns` that the table's schema has (tables::ListLiveFiles). Throws
// Error(kNotFound) when the table has no Delta log.
GoldFiles OpenGoldFiles(const storage::ObjectStore& lake, std::string_view table_root,
                        const std::vector<std::string>& columns,
                        const std::vector<delta::PartitionValues>* partitions);

}  // namespace uw::report
