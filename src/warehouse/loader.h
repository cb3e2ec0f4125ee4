// `unwrapped load`: silver and gold into the warehouse's star schema (docs/warehouse.md).
// A load migrates the schema, compares the lake's Delta versions with the ones the ledger
// recorded for the last load, and in ONE transaction replaces the rows of every fact month
// partition that changed (delete, then insert its current rows), upserts changed dimensions,
// extends the calendar, empties staging and appends a ledger row. When nothing changed it
// touches nothing. Any failure rolls the whole load back. Loads into one warehouse run one at a
// time (load_lock.h): a second one waits for the first, up to the address's lock_wait, and then
// compares with the ledger row the first appended.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "storage/object_store.h"
#include "warehouse/lake_source.h"
#include "warehouse/warehouse_url.h"

namespace uw::warehouse {

struct TableLoad {
  std::string name;  // core.fact_tracks_history, …
  int64_t inserted = 0, updated = 0, deleted = 0, unchanged = 0;
  std::string note;  // e.g. "3 of 120 months" or "unchanged since the last load"
};

struct LoadReport {
  std::string warehouse;  // redacted address
  std::vector<int> migrations_applied;
  int schema_version = 0;
  bool up_to_date = false;
  bool full_reload = false;  // the ledger's versions could not be compared
  std::vector<TableLoad> tables;
  std::map<std::string, SourceVersion> versions;  // lake table root → version loaded
  double seconds = 0;
  int64_t rows_written() const;  // inserted + updated + deleted, over every table
};

// Loads `lake` into the warehouse at `url`. Throws uw::Error naming the warehouse (password
// redacted) when it cannot connect, a statement fails, the disk fills or the connection drops,
// and Error(kConflict) when another load held the warehouse for longer than url.lock_wait; then
// nothing of the load is left in the warehouse.
LoadReport Load(const storage::ObjectStore& lake, const WarehouseUrl& url);

std::string LoadReportToText(const LoadReport& report);
std::string LoadReportToJson(const LoadReport& report);

}  // namespace uw::warehouse
