// Staging a full build's tables (publish_table.h step 1: their changed files written, nothing
// committed) as a producer such as ForEachSilverTable hands them over: the dimensions from one
// thread while the fact tables stream from another. Every table is checked (table_checks.h)
// before anything is committed; a failed check abandons every file staged, on both threads.
#pragma once

#include <functional>
#include <vector>

#include "parquet/file_writer.h"
#include "pipeline/silver/lake_tables.h"
#include "storage/object_store.h"

namespace uw::silver {

using VisitTable = std::function<void(LakeTable)>;
using StreamTable = std::function<void(const StreamedTable&)>;
// Hands each dimension to `visit` and each fact table to `stream`, in publishing order each.
// `visit` may be called on another thread than `stream`, at the same time, but each from one
// thread only, and the producer returns only after the last call to either has returned.
using TableProducer = std::function<void(const VisitTable& visit, const StreamTable& stream)>;

struct StageTimes {
  // Until the first dimension was handed over (the catalogue built, while the facts may be
  // written already), then until the last table was staged: together, the whole run.
  double seconds_tables = 0, seconds_write = 0;
};

// Runs `produce`, checking and staging every table it hands over. Returns the staged tables in
// publishing order: the visited ones, then the streamed ones. After a dimension fails its check
// no later dimension is staged (the rest are still checked, so the error names every problem);
// the same holds for the fact tables. When any check failed, deletes every file staged
// (AbandonStaged) and throws Error(kCorrupt) naming the dimensions' problems, then the facts'.
// Exceptions of `produce` and of the store propagate; what was staged then is left for the next
// publish to remove as orphans, as after a build killed at that point.
std::vector<StagedTable> StageSilverTables(storage::ObjectStore& lake,
                                           const parquet::WriterOptions& writer,
                                           const TableProducer& produce, StageTimes& times);

}  // namespace uw::silver
