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

}  // namespace uw::tables
