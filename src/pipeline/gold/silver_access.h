// How gold reads the silver batches it is given: columns by name (a missing one is a silver
// table from another version: a clear error, not a crash), optional enrichment columns, id ->
// row indexes for the joins, and the time order of the fact tables.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parquet/batch.h"

namespace uw::gold {

// The column `name` of silver table `table`. Throws Error(kCorrupt) naming both when it is
// absent or not of `type`, telling the user to rebuild silver.
const parquet::ColumnVector& SilverColumn(const parquet::Batch& batch, std::string_view table,
                                          std::string_view name, parquet::ColumnType type);

// The column `name` when the batch has it with this type, else nullptr: enrichment columns
// (popularity, explicit, …) that silver gains later and gold copies once they exist.
const parquet::ColumnVector* OptionalColumn(const parquet::Batch& batch, std::string_view name,
                                            parquet::ColumnType type);

// The columns of `table` named by `fields`, in that order (each checked as SilverColumn does):
// the silver columns a gold table copies unchanged.
std::vector<const parquet::ColumnVector*> SilverColumns(const parquet::Batch& batch,
                                                        std::string_view table,
                                                        const std::vector<parquet::Field>& fields);

// A dimension's rows by id: id -> row. Holds views into `ids`, which must outlive it unchanged.
class RowIndex {
 public:
  explicit RowIndex(const parquet::ColumnVector& ids);
  // The row with this id, or -1.
  int32_t Find(std::string_view id) const {
    const auto it = rows_.find(id);
    return it == rows_.end() ? -1 : it->second;
  }
  // The row of each of `ids` (a string column), -1 for a null or unknown id. Coded ids are
  // looked up once per distinct code.
  std::vector<int32_t> FindAll(const parquet::ColumnVector& ids) const;

 private:
  std::unordered_map<std::string_view, int32_t> rows_;
};

// The rows of a silver fact table (listening_events, podcast_events) in (ended_at, event_id)
// order, whatever order its partitions were read in. Rows already in order are not copied.
parquet::Batch SortByEndThenId(parquet::Batch events, std::string_view table);

}  // namespace uw::gold
