// Deleting data files no live version references: orphans of crashed publishes and replaced
// files whose deletion was interrupted (table_publisher.h). Thread safe, but must not run with a
// retention shorter than the longest publish, or it could delete files about to be committed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/object_store.h"

namespace uw::delta {

// Deletes every object under `table_root` that is not in a hidden folder or file ('_' or '.'
// prefix, which covers _delta_log), is not a live file of the latest version, and was modified
// more than `retention_hours` before `now_ms`. Returns the deleted keys, sorted. Does nothing
// on a folder without a Delta log (it is not ours to clean).
std::vector<std::string> VacuumUnreferenced(storage::ObjectStore& store,
                                            std::string_view table_root, int64_t retention_hours,
                                            int64_t now_ms);

}  // namespace uw::delta
