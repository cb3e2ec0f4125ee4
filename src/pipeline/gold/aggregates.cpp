// The grouped gold tables in publishing order: the calendar and sessions first (the aggregates
// refer to both), then the aggregates from the finest grain to the coarsest. The plays are
// indexed once for all of them.
#include "pipeline/gold/aggregates.h"

#include "pipeline/gold/group_index.h"

namespace uw::gold {

std::vector<tables::LakeTable> AggregateTables(const GoldPlays& plays) {
  const PlayIndex index = IndexPlays(plays);
  std::vector<tables::LakeTable> out;
  out.push_back(DimDateTable(plays));
  out.push_back(SessionsTable(index));
  out.push_back(AggDailyTable(index));
  out.push_back(AggMonthlyTable(index));
  out.push_back(AggYearlyTable(index));
  out.push_back(AggArtistTable(index));
  out.push_back(AggTrackTable(index));
  out.push_back(AggAlbumTable(index));
  out.push_back(AggGenreMonthlyTable(index));
  out.push_back(AggHourWeekdayTable(plays));
  return out;
}

}  // namespace uw::gold
