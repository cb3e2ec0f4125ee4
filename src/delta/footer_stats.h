// Delta add.stats of a Parquet file just written, read from its footer: the writer already
// gathered every column's null count and bounds while encoding, so taking them from there saves
// a second pass over the rows (batch_stats.h computes the same from the values themselves).
#pragma once

#include "delta/file_stats.h"
#include "parquet/metadata.h"
#include "parquet/schema.h"

namespace uw::delta {

// The stats of a file with footer `footer` holding the columns of `schema` in order. Bounds are
// merged over row groups; a column whose bounds some row group with values lacks (the writer
// found no short upper bound for a long string) gets none. String bounds are the footer's,
// which may be truncated prefixes: StatsJson truncates further to its own prefix length. A zero
// double minimum is stored as +0 (Parquet writes -0) so the JSON matches StatsOfBatch.
FileStats StatsOfFooter(const parquet::FileMetaData& footer, const parquet::Schema& schema);

}  // namespace uw::delta
