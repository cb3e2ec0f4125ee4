// Patching a single-file table in place of rebuilding it: the rows of some keys replaced, the
// rest copied as published. An incremental build that touches a few dozen of a dimension's tens
// of thousands of rows costs a merge instead of a rebuild, and a table it did not change at all
// costs no write (silver/published_music.h).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "parquet/batch.h"

namespace uw::tables {

// `published` and `updated` hold rows of the same columns, both ordered by their first column
// (a string; byte order, as std::string compares), which groups them: a key's rows are
// consecutive. `keys`, ordered and distinct, are the keys `updated` speaks for: each key's rows
// in `published` are replaced by its rows in `updated` (none removes them; a key `published`
// lacks is inserted in order). Rows of `updated` whose key is not in `keys` are an error.
// Returns the patched rows, or nullopt when they equal `published` row for row.
std::optional<parquet::Batch> PatchRows(const parquet::Batch& published,
                                        const parquet::Batch& updated,
                                        const std::vector<std::string_view>& keys);

// The rows [begin, end) of a column ordered by value (byte order) that hold `key`, searched from
// row `from` on; empty (begin == end, where `key` would go) when none does.
struct RowRange {
  size_t begin = 0, end = 0;
  bool empty() const { return begin == end; }
};
RowRange KeyRows(const parquet::ColumnVector& keys, std::string_view key, size_t from = 0);

// Whether row `i` of `a` and row `j` of `b`, columns of one type, hold the same value (nulls
// equal each other; doubles compare bit for bit, so NaN equals itself).
bool SameValue(const parquet::ColumnVector& a, size_t i, const parquet::ColumnVector& b, size_t j);

}  // namespace uw::tables
