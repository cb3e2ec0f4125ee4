// Reading a published table back: the live files of its latest Delta version, concatenated in
// path order (partition folders sort by year, then month as text). Used by tests and by the
// layers that build on the one below (gold on silver, the report on gold).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "delta/actions.h"
#include "parquet/batch.h"
#include "storage/object_store.h"

namespace uw::tables {

// The data columns named in `columns` (empty: all) of every live file. Throws Error(kNotFound)
// when the table has no Delta log.
parquet::Batch ReadTable(const storage::ObjectStore& lake, std::string_view table_root,
                         const std::vector<std::string>& columns = {});

// The same for the live files of the listed partitions only (e.g. {"year":"2024","month":"5"}).
parquet::Batch ReadPartitions(const storage::ObjectStore& lake, std::string_view table_root,
                              const std::vector<delta::PartitionValues>& partitions,
                              const std::vector<std::string>& columns = {});

}  // namespace uw::tables
