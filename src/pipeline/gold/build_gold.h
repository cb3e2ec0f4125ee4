// `unwrapped build --layer gold`: silver -> GoldPlays -> every gold table, published as Delta
// tables whose files are named by content, so a rebuild writes only the partitions whose rows
// changed (tables/publish_table.h). Tables are built, checked and staged one at a time (the facts
// a month at a time), so the rows of only one table are in memory. Every table's key and
// not-null columns are checked before anything is committed; a failure throws Error(kCorrupt)
// naming the rows, deletes the files already staged and leaves every table at its previous
// version. When the silver tables and the options are exactly what the last gold
// build read, nothing is read and nothing is written.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parquet/file_writer.h"
#include "pipeline/gold/gold_plays.h"
#include "pipeline/tables/publish_table.h"
#include "storage/object_store.h"

namespace uw::gold {

struct GoldBuildOptions {
  GoldOptions gold;
  bool force = false;  // rebuild even when nothing changed
  parquet::Codec codec = parquet::Codec::kSnappy;
};

struct GoldBuildReport {
  bool up_to_date = false;  // silver and options unchanged: nothing was read or written
  std::string reason;       // why the build ran (or did not)
  std::string zone;         // the listener's zone
  bool zone_from_country = false;
  std::vector<std::string> zones_used;  // every zone local times were computed in
  int64_t session_gap_ms = 0;
  uint64_t plays = 0, counted_plays = 0, podcast_plays = 0, sessions = 0;
  std::vector<tables::PublishedTable> tables;
  double seconds_read = 0, seconds_plays = 0, seconds_tables = 0, seconds_write = 0;
};

// The caller holds the lake lock. Throws Error(kNotFound) saying "build silver first" when a
// silver table gold reads has never been published.
GoldBuildReport BuildGold(storage::ObjectStore& lake, const GoldBuildOptions& options);

std::string GoldReportToText(const GoldBuildReport& report);
std::string GoldReportToJson(const GoldBuildReport& report);

}  // namespace uw::gold
