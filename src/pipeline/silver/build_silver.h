// `unwrapped build --layer silver`: bronze -> resolved plays -> every silver table, published as
// Delta tables that rewrite only the partitions whose rows changed (publish_table.h). The build
// checks each table's key and not-null columns before anything is committed; a failure throws
// Error(kCorrupt) naming the rows and leaves the previous version in place. When bronze and the
// options are exactly what the last build consumed, nothing is read and nothing is written.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parquet/file_writer.h"
#include "pipeline/silver/bronze_reader.h"
#include "pipeline/silver/catalog_enrichment.h"
#include "pipeline/silver/lake_tables.h"
#include "pipeline/silver/resolve_plays.h"
#include "storage/object_store.h"

namespace uw::silver {

struct SilverBuildOptions {
  std::string account_zone = "auto";  // Settings.account_zone
  std::string listener_zone = "UTC";  // the configured (or system) IANA zone
  bool force = false;                 // rebuild even when nothing changed
  parquet::Codec codec = parquet::Codec::kSnappy;
};

struct SilverBuildReport {
  bool up_to_date = false;   // nothing new since the last build: nothing was read or written
  bool incremental = false;  // only new recently-played plays were resolved and appended
  std::string reason;        // why the build ran (or did not)
  uint64_t bronze_files = 0;
  SourceCounts extended, account, api;
  ResolveSummary summary;
  // The Spotify catalogue responses, when the dimensions were built (empty when none exist).
  CatalogueSummary catalogue;
  std::vector<PublishedTable> tables;
  double seconds_read = 0, seconds_resolve = 0, seconds_tables = 0, seconds_write = 0;
};

// The caller holds the lake lock.
SilverBuildReport BuildSilver(storage::ObjectStore& lake, const SilverBuildOptions& options);

std::string SilverReportToText(const SilverBuildReport& report);
std::string SilverReportToJson(const SilverBuildReport& report);

}  // namespace uw::silver
