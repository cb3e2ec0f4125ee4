// The checks every lake table passes before it is published (DESIGN §2): its key is unique and
// its not-null columns hold no null. A failure names the offending rows by their key, so the
// build can fail with a message that says exactly what is wrong.
#pragma once

#include <string>
#include <vector>

#include "pipeline/tables/lake_table.h"

namespace uw::tables {

// One message per problem found ("listening_events: 2 rows share key event_id=…"); empty when
// the table is sound. At most `max_named` rows are named per problem.
std::vector<std::string> CheckTable(const LakeTable& table, size_t max_named = 5);

// CheckTable in parts, for a table checked one partition at a time (StageStreamedTable): the
// nulls of each partition, merged in partition order, then the key of all partitions (which need
// hold only the key columns). Together they give exactly CheckTable's messages.
struct NullCounts {
  std::vector<uint64_t> nulls;                  // per column of the schema
  std::vector<std::vector<std::string>> named;  // per column: at most max_named rows
};
NullCounts CountNulls(const LakeTable& table, const TablePartition& partition,
                      size_t max_named = 5);
// `counts` per partition, in partition order.
std::vector<std::string> NullProblems(const LakeTable& table, const std::vector<NullCounts>& counts,
                                      size_t max_named = 5);
std::vector<std::string> KeyProblems(const LakeTable& table, size_t max_named = 5);

}  // namespace uw::tables
