// The incremental silver build: when the only new bronze objects since the last build are
// recently-played responses whose plays all end after every play in silver, the new plays are
// resolved on their own and appended, without reading the rest of bronze. When the only new
// objects are Spotify catalogue responses, only the dimension tables are rebuilt: from the
// published ones and every catalogue response (catalog_enrichment.h); the fact tables are not
// touched. Exact: the result is what a full build gives (tests compare the content-named files),
// because it only runs when nothing the new objects bring can change an old row. Each reason it
// cannot is stated:
//   - anything but new recently-played files changed (export files, options, the tables, new
//     search responses: they can resolve name-only plays);
//   - a new item ends at or before the newest play in silver and is not a repeat of a play
//     already there (a late arrival needs the full merge);
//   - a new item is an episode; or its names match a play identified by names only (it could
//     change how that play resolves); or it teaches new ids for a track or artist name that old
//     plays use (their artist_id/album_id would change).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/silver/build_silver.h"
#include "pipeline/silver/build_state.h"
#include "pipeline/silver/catalog_enrichment.h"
#include "pipeline/silver/lake_tables.h"

namespace uw::silver {

struct IncrementalPlan {
  std::vector<LakeTable> tables;  // only what changes (listening_events is partial)
  SilverState next_state;           // the state after publishing (versions filled in later)
  uint64_t new_files = 0, new_plays = 0, repeats = 0;
  uint64_t new_catalogue_files = 0;  // new Spotify catalogue responses
  ResolveSummary summary;
  SourceCounts api;
  CatalogueSummary catalogue;  // every catalogue response, when the dimensions were rebuilt
};

// Either a plan, or (in `why_not`) the reason a full build is needed.
std::optional<IncrementalPlan> PlanIncremental(const storage::ObjectStore& lake,
                                               const SilverState& state,
                                               const std::map<std::string, uint64_t>& inputs,
                                               const SilverBuildOptions& options,
                                               std::string& why_not);

}  // namespace uw::silver
