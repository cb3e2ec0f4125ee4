// The UTC months of a fact table whose rows are in end-time order (GoldPlays.events): each month
// is one run of consecutive rows, so a month's columns are built with one range copy or gather
// per column rather than one append per value (fact_plays.cpp). The partitions are those
// tables::StreamMonthPartitions gives the same rows: year=/month= of UTC ended_at, in time order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "parquet/batch.h"
#include "pipeline/tables/lake_table.h"

namespace uw::gold {

struct MonthRun {
  int year = 0, month = 0;
  size_t begin = 0, end = 0;  // rows [begin, end)
};

// The runs of `count` rows whose end times `ended_ms(i)` (UTC ms) ascend. Throws
// Error(kInternal) when they do not.
std::vector<MonthRun> MonthRuns(size_t count, const std::function<int64_t(size_t)>& ended_ms);

// A table partitioned by these runs, partition i built by build(runs[i].begin, runs[i].end)
// (called concurrently; what it refers to must outlive the result).
tables::StreamedTable StreamMonthRuns(tables::LakeTable shape, const std::vector<MonthRun>& runs,
                                      std::function<parquet::Batch(size_t, size_t)> build);

}  // namespace uw::gold
