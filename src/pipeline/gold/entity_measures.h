// The measures agg_artist, agg_track and agg_album share: counted plays summed per entity of a
// PlayIndex, and the rankings built on them (docs/lake.md "Aggregates").
#pragma once

#include <cstdint>
#include <vector>

#include "parquet/batch.h"
#include "pipeline/gold/group_index.h"

namespace uw::gold {

struct EntityMeasures {
  int64_t plays = 0, ms_played = 0, streams = 0, skips = 0, complete_plays = 0;
  int64_t tracks = 0;  // distinct tracks among the plays
  double completion_sum = 0;
  int64_t completion_plays = 0;                     // plays with a known track duration
  int64_t first_played_us = 0, last_played_us = 0;  // ended_at of the first and last play
  uint32_t last_play = 0;                           // the latest counted play
};

// The counted plays of each entity (index = entity); an entity without one has plays == 0.
std::vector<EntityMeasures> MeasureEntities(const PlayIndex& index, const Entities& entities);

enum class RankBy { kMs, kPlays };
// 1 = most, per entity with plays > 0 (0 for the others). Ties on the measure go to the other
// one (plays for kMs, ms_played for kPlays), then to the lower id, so every rank is distinct.
std::vector<int32_t> Rank(const std::vector<EntityMeasures>& measures, const Entities& entities,
                          RankBy by);

// skip_rate and completion_avg of one entity.
double SkipRate(const EntityMeasures& m);
void AppendCompletionAvg(parquet::ColumnVector& column, const EntityMeasures& m);

}  // namespace uw::gold
