// The grouped gold tables in publishing order: the calendar and sessions first (the aggregates
// refer to both), then the aggregates from the finest grain to the coarsest. The plays are
// indexed once for all of them.
#include "pipeline/gold/aggregates.h"

#include "pipeline/gold/group_index.h"

namespace uw::gold {

void ForEachAggregateTable(const GoldPlays& plays,
                           const std::function<void(tables::LakeTable)>& visit) {
  const PlayIndex index = IndexPlays(plays);
  visit(DimDateTable(plays));
  visit(SessionsTable(index));
  visit(AggDailyTable(index));
  visit(AggMonthlyTable(index));
  visit(AggYearlyTable(index));
  visit(AggArtistTable(index));
  visit(AggTrackTable(index));
  visit(AggAlbumTable(index));
  visit(AggGenreMonthlyTable(index));
  visit(AggHourWeekdayTable(plays));
}

std::vector<tables::LakeTable> AggregateTables(const GoldPlays& plays) {
  std::vector<tables::LakeTable> out;
  ForEachAggregateTable(plays, [&](tables::LakeTable table) { out.push_back(std::move(table)); });
  return out;
}

}  // namespace uw::gold
