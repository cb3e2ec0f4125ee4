// AllGoldTables (gold_tables.h): the list of gold tables, in publishing order. A reader that
// joins a fact to a dimension finds the dimension committed first.
#include "pipeline/gold/gold_tables.h"

#include "pipeline/gold/aggregates.h"

namespace uw::gold {

std::vector<tables::LakeTable> AllGoldTables(const GoldPlays& plays,
                                             const parquet::Batch& podcast_events,
                                             const GoldOptions& options) {
  std::vector<tables::LakeTable> all;
  all.push_back(DimTracksTable(plays));
  all.push_back(DimArtistsTable(plays));
  for (tables::LakeTable& table : AggregateTables(plays)) all.push_back(std::move(table));
  all.push_back(FactPlaysTable(plays));
  all.push_back(FactPodcastPlaysTable(podcast_events, options));
  return all;
}

}  // namespace uw::gold
