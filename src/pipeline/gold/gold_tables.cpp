// AllGoldTables (gold_tables.h): the list of gold tables, in publishing order. A reader that
// joins a fact to a dimension finds the dimension committed first.
#include "pipeline/gold/gold_tables.h"

#include <optional>

#include "parquet/parallel.h"
#include "pipeline/gold/aggregates.h"
#include "pipeline/gold/group_index.h"

namespace uw::gold {

void ForEachGoldTable(const GoldPlays& plays, const parquet::Batch& podcast_events,
                      const GoldOptions& options,
                      const std::function<void(tables::LakeTable)>& visit,
                      const std::function<void(const tables::StreamedTable&)>& stream) {
  // The dimensions and the index the aggregates share are single-threaded passes over the
  // plays, independent of each other: built concurrently.
  std::optional<tables::LakeTable> tracks, artists;
  std::optional<PlayIndex> index;
  parquet::ParallelFor(3, parquet::DefaultThreads(), [&](size_t i) {
    if (i == 0) tracks.emplace(DimTracksTable(plays));
    if (i == 1) index.emplace(IndexPlays(plays));
    if (i == 2) artists.emplace(DimArtistsTable(plays));
  });
  visit(std::move(*tracks));
  visit(std::move(*artists));
  ForEachAggregateTable(plays, *index, visit);
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
