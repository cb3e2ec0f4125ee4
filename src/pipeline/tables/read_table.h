// Reading a published table back: the live files of its latest Delta version, concatenated in
// path order (partition folders sort by year, then month as text). Used by tests and by the
// layers that build on the one below (gold on silver, the report on gold).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "delta/actions.h"
#include "parquet/batch.h"
#include "parquet/file_reader.h"
#include "storage/object_store.h"

namespace uw::tables {

// What reading a table's live files needs: the data columns named in `columns` (empty: all)
// that its schema has, the request reading them, and the data files of its latest Delta version
// in path order (ReadTable's), only those of `partitions` when not null. For a reader that goes
// file by file (the report). Throws Error(kNotFound) when the table has no Delta log.
struct LiveFiles {
  parquet::Schema schema;  // the data columns read
  parquet::ReadRequest request;
  std::vector<std::string> keys;  // the data files to read, in order
};
LiveFiles ListLiveFiles(const storage::ObjectStore& lake, std::string_view table_root,
                        const std::vector<std::string>& columns,
                        const std::vector<delta::PartitionValues>* partitions = nullptr);

// The data columns named in `columns` (empty: all) of every live file. Throws Error(kNotFound)
// when the table has no Delta log.
parquet::Batch ReadTable(const storage::ObjectStore& lake, std::string_view table_root,
                         const std::vector<std::string>& columns = {});

// The rows of each live file handed to `visit` one file at a time, the files ordered by their
// partition values read as numbers (year=2024/month=9 before month=10), not as text: a fact
// table partitioned by UTC month comes month by month in time order. Several files are read at
// once, each by one thread, and each is passed through `prepare` (when set) on the thread that
// read it, so a per-file step such as sorting runs concurrently too; `visit` still sees the
// files one at a time, in order. Returns the schema of the columns read (what every visited
// batch has), also when the table has no file.
parquet::Schema ReadTableByPartition(
    const storage::ObjectStore& lake, std::string_view table_root,
    const std::vector<std::string>& columns, const std::function<void(parquet::Batch)>& visit,
    const std::function<parquet::Batch(parquet::Batch)>& prepare = nullptr);

// The same for the live files of the listed partitions only (e.g. {"year":"2024","month":"5"}).
parquet::Batch ReadPartitions(const storage::ObjectStore& lake, std::string_view table_root,
                              const std::vector<delta::PartitionValues>& partitions,
                              const std::vector<std::string>& columns = {});

}  // namespace uw::tables
