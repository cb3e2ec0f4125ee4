#include "pipeline/gold/entity_measures.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace uw::gold {

std::vector<EntityMeasures> MeasureEntities(const PlayIndex& index, const Entities& entities) {
  std::vector<EntityMeasures> out(entities.size());
  const GoldPlays& plays = index.plays;
  // One pass in play order: an entity's plays are scattered over the history, and reading
  // them entity by entity would miss the cache on every column of every play.
  for (const uint32_t p : index.counted) {
    const int32_t e = entities.of_play[p];
    if (e < 0) continue;
    EntityMeasures& m = out[e];
    const int64_t ended_us = index.ended_at_us[p];
    if (m.plays++ == 0) m.first_played_us = m.last_played_us = ended_us;
    m.first_played_us = std::min(m.first_played_us, ended_us);
    m.last_played_us = std::max(m.last_played_us, ended_us);
    m.ms_played += index.ms_played[p];
    m.streams += index.is_stream[p];
    m.skips += index.is_skip[p];
    m.complete_plays += plays.is_complete[p] != 0;
    if (!std::isnan(plays.completion[p])) {
      m.completion_sum += plays.completion[p];
      ++m.completion_plays;
    }
    m.last_play = p;  // counted plays are in time order
  }
  if (&entities == &index.tracks) {
    for (EntityMeasures& m : out) m.tracks = m.plays > 0 ? 1 : 0;
    return out;
  }
  const Groups groups = GroupBy(index.counted, entities.of_play, entities.size());
  DistinctCounter tracks(index.tracks.size());
  for (size_t e = 0; e < groups.size(); ++e)
    out[e].tracks = tracks.Count(groups.of(e), index.tracks.of_play);
  return out;
}

std::vector<int32_t> Rank(const std::vector<EntityMeasures>& measures, const Entities& entities,
                          RankBy by) {
  std::vector<int32_t> order;
  for (size_t e = 0; e < measures.size(); ++e) {
    if (measures[e].plays > 0) order.push_back(static_cast<int32_t>(e));
  }
  const auto key = [&](int32_t e) {
    const EntityMeasures& m = measures[e];
    // Descending measures, ascending id: negate the measures.
    return by == RankBy::kMs ? std::tuple(-m.ms_played, -m.plays, entities.id_rank[e])
                             : std::tuple(-m.plays, -m.ms_played, entities.id_rank[e]);
  };
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return key(a) < key(b); });
  std::vector<int32_t> rank(measures.size(), 0);
  for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<int32_t>(r + 1);
  return rank;
}

double SkipRate(const EntityMeasures& m) {
  return m.plays == 0 ? 0.0 : static_cast<double>(m.skips) / static_cast<double>(m.plays);
}

void AppendCompletionAvg(parquet::ColumnVector& column, const EntityMeasures& m) {
  if (m.completion_plays == 0) return column.AppendNull();
  column.AppendDouble(m.completion_sum / static_cast<double>(m.completion_plays));
}

}  // namespace uw::gold
