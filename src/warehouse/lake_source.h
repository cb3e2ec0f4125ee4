// The silver and gold tables a load reads, pinned to one Delta version each: the version and
// table id recorded in the load ledger, the files of that version, and which year=/month=
// partitions changed since an earlier version. Reads only; not thread safe.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "delta/snapshot.h"
#include "parquet/batch.h"
#include "storage/object_store.h"

namespace uw::warehouse {

using Month = std::pair<int, int>;  // (year, month) of a fact partition

// What the ledger records per source table.
struct SourceVersion {
  std::string table_id;  // the Delta metaData id: another lake (or a rebuilt one) differs
  int64_t version = -1;
  bool operator==(const SourceVersion&) const = default;
};

class SourceTable {
 public:
  // `root` is a lake table folder ("gold/fact_plays/"). Throws Error(kNotFound) naming it and
  // saying to run `unwrapped build` when the table has no Delta log.
  SourceTable(const storage::ObjectStore& lake, std::string root);

  const std::string& root() const { return root_; }
  SourceVersion version() const { return {snapshot_.metadata.id, snapshot_.version}; }

  // Every row (data columns; partition columns are not in the files).
  parquet::Batch ReadAll() const;
  // The rows of one month partition (empty when it has none).
  parquet::Batch ReadMonth(Month month) const;
  // Every month partition of this version.
  std::set<Month> Months() const;
  // The months whose files differ between `since` and this version (added, replaced or
  // removed), or nullopt when `since` cannot be compared (another table, a later version, or a
  // log that no longer replays): then everything must be reloaded.
  std::optional<std::set<Month>> ChangedMonths(const SourceVersion& since) const;

 private:
  parquet::Batch ReadFiles(const std::optional<Month>& only) const;

  const storage::ObjectStore& lake_;
  std::string root_;
  delta::Snapshot snapshot_;
};

}  // namespace uw::warehouse
