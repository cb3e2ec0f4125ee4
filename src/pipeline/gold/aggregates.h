// The gold tables derived from GoldPlays by grouping (DESIGN §2, docs/lake.md "Gold"): the
// calendar, sessions and the aggregates. One builder per table, each in its own .cpp. They count
// only GoldPlays.counted plays (not incognito, ms_played > 0), in the listener's local calendar.
#pragma once

#include <functional>
#include <vector>

#include "pipeline/gold/gold_plays.h"
#include "pipeline/tables/lake_table.h"

namespace uw::gold {

tables::LakeTable DimDateTable(const GoldPlays& plays);
tables::LakeTable SessionsTable(const GoldPlays& plays);
tables::LakeTable AggDailyTable(const GoldPlays& plays);
tables::LakeTable AggMonthlyTable(const GoldPlays& plays);
tables::LakeTable AggYearlyTable(const GoldPlays& plays);
tables::LakeTable AggArtistTable(const GoldPlays& plays);
tables::LakeTable AggTrackTable(const GoldPlays& plays);
tables::LakeTable AggAlbumTable(const GoldPlays& plays);
tables::LakeTable AggGenreMonthlyTable(const GoldPlays& plays);
tables::LakeTable AggHourWeekdayTable(const GoldPlays& plays);

// All of the above, in publishing order.
std::vector<tables::LakeTable> AggregateTables(const GoldPlays& plays);
// The same tables handed to `visit` one by one, in that order (built concurrently first).
void ForEachAggregateTable(const GoldPlays& plays,
                           const std::function<void(tables::LakeTable)>& visit);
// The same from the plays already indexed (IndexPlays(plays), group_index.h).
struct PlayIndex;
void ForEachAggregateTable(const GoldPlays& plays, const PlayIndex& index,
                           const std::function<void(tables::LakeTable)>& visit);

// The tables that group by track, artist or album, from plays indexed once (group_index.h):
// AggregateTables shares one PlayIndex between them.
tables::LakeTable SessionsTable(const PlayIndex& index);
tables::LakeTable AggDailyTable(const PlayIndex& index);
tables::LakeTable AggMonthlyTable(const PlayIndex& index);
tables::LakeTable AggYearlyTable(const PlayIndex& index);
tables::LakeTable AggArtistTable(const PlayIndex& index);
tables::LakeTable AggTrackTable(const PlayIndex& index);
tables::LakeTable AggAlbumTable(const PlayIndex& index);
tables::LakeTable AggGenreMonthlyTable(const PlayIndex& index);

}  // namespace uw::gold
