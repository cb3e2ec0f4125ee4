// The grouped gold tables in publishing order: the calendar and sessions first (the aggregates
// refer to both), then the aggregates from the finest grain to the coarsest. The plays are
// indexed once for all of them.
#include "pipeline/gold/aggregates.h"

#include <optional>

#include "parquet/parallel.h"
#include "pipeline/gold/group_index.h"

namespace uw::gold {

// The tables are built concurrently (each only reads the plays and their index, and they are
// small next to the plays: tens of thousands of rows at most), then visited in order, so what is
// published does not depend on which finished first.
void ForEachAggregateTable(const GoldPlays& plays,
                           const std::function<void(tables::LakeTable)>& visit) {
  ForEachAggregateTable(plays, IndexPlays(plays), visit);
}

void ForEachAggregateTable(const GoldPlays& plays, const PlayIndex& index,
                           const std::function<void(tables::LakeTable)>& visit) {
  const std::vector<std::function<tables::LakeTable()>> builders = {
      [&] { return DimDateTable(plays); },         [&] { return SessionsTable(index); },
      [&] { return AggDailyTable(index); },        [&] { return AggMonthlyTable(index); },
      [&] { return AggYearlyTable(index); },       [&] { return AggArtistTable(index); },
      [&] { return AggTrackTable(index); },        [&] { return AggAlbumTable(index); },
      [&] { return AggGenreMonthlyTable(index); }, [&] { return AggHourWeekdayTable(plays); },
  };
  std::vector<std::optional<tables::LakeTable>> built(builders.size());
  parquet::ParallelFor(builders.size(), parquet::DefaultThreads(),
                       [&](size_t i) { built[i].emplace(builders[i]()); });
  for (std::optional<tables::LakeTable>& table : built) visit(std::move(*table));
}

std::vector<tables::LakeTable> AggregateTables(const GoldPlays& plays) {
  std::vector<tables::LakeTable> out;
  ForEachAggregateTable(plays, [&](tables::LakeTable table) { out.push_back(std::move(table)); });
  return out;
}

}  // namespace uw::gold
