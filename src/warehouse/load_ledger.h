// etl_internal.load_ledger: one row per load that changed something — when it ran, the Delta
// version (and table id) of every lake table it loaded, and the rows per table. The next load
// compares the lake with the newest row to find what changed.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "warehouse/connection.h"
#include "warehouse/loader.h"

namespace uw::warehouse {

// The versions of the newest successful load (empty before the first one).
std::map<std::string, SourceVersion> LastLoadedVersions(Connection& connection);

// Appends the ledger row of `report`. Runs last in the load's transaction (the load's last lock).
void AppendLedgerRow(Connection& connection, const LoadReport& report, int64_t started_at_us,
                     int64_t finished_at_us, const std::string& lake);

}  // namespace uw::warehouse
