// Delta add.stats for a batch about to be written as one data file: row count, per-column
// min/max and null counts computed from the values themselves (file_stats.h serialises them).
#pragma once

#include "delta/file_stats.h"
#include "parquet/batch.h"

namespace uw::delta {

// Stats of every column of `batch` (doubles: NaN ignored; a column of only nulls has no bounds).
FileStats StatsOfBatch(const parquet::Batch& batch);

}  // namespace uw::delta
