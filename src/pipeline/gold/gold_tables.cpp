// AllGoldTables (gold_tables.h): the list of gold tables, in publishing order. A reader that
// joins a fact to a dimension finds the dimension committed first.
#include "pipeline/gold/gold_tables.h"

#include "pipeline/gold/aggregates.h"

namespace uw::gold {

void ForEachGoldTable(const GoldPlays& plays, const parquet::Batch& podcast_events,
                      const GoldOptions& options,
                      const std::function<void(tables::LakeTable)>& visit,
                      const std::function<void(const tables::StreamedTable&)>& stream) {
  visit(DimTracksTable(plays));
  visit(DimArtistsTable(plays));
  ForEachAggregateTable(plays, visit);
  stream(FactPlaysStream(plays));
  stream(FactPodcastPlaysStream(podcast_events, options, &plays.silver));
}

std::vector<tables::LakeTable> AllGoldTables(const GoldPlays& plays,
                                             const parquet::Batch& podcast_events,
                                             const GoldOptions& options) {
  std::vector<tables::LakeTable> all;
  ForEachGoldTable(
      plays, podcast_events, options,
      [&](tables::LakeTable table) { all.push_back(std::move(table)); },
      [&](const tables::StreamedTable& table) { all.push_back(tables::Materialize(table)); });
  return all;
}

}  // namespace uw::gold
