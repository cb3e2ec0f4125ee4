// The measures agg_daily, agg_monthly and agg_yearly share (docs/lake.md "Aggregates"): one
// PeriodMeasures per local day, month or year, computed from the counted plays in one pass over
// the plays grouped by period, and the columns they are written as.
#pragma once

#include <cstdint>
#include <vector>

#include "parquet/batch.h"
#include "pipeline/gold/group_index.h"

namespace uw::gold {

enum class Period { kDay, kMonth, kYear };

// The local calendar period of every counted play, numbered densely from the first one.
struct PeriodKeys {
  std::vector<int32_t> of_play;  // per play: 0..count-1, or -1 for a play that is not counted
  int32_t first = 0;             // the first period: epoch day, year * 12 + month - 1, or year
  size_t count = 0;
};
PeriodKeys KeyPlaysBy(const PlayIndex& index, Period period);

struct PeriodMeasures {
  int64_t plays = 0, ms_played = 0, streams = 0, skips = 0, complete_plays = 0;
  int64_t tracks = 0, artists = 0, albums = 0, new_artists = 0, sessions = 0;
  int64_t days_listened = 0;
  double energy_sum = 0, valence_sum = 0, danceability_sum = 0;
  int64_t energy_plays = 0, valence_plays = 0, danceability_plays = 0;
  int32_t top_artist = -1;  // an artist entity of PlayIndex.artists
  int32_t top_genre = -1;   // an index into GoldPlays.genres
};

// The measures of every period of `keys` (index = period).
std::vector<PeriodMeasures> MeasurePeriods(const PlayIndex& index, const PeriodKeys& keys);

// Extra columns only some period tables have.
struct MeasureColumns {
  bool days_listened = false;
  bool albums = false;
};

// plays … top_genre (+ days_listened, albums when asked), in table order.
std::vector<parquet::Field> MeasureFields(MeasureColumns extra);
// Appends one period's values to the columns from `first_column` on.
void AppendMeasures(parquet::Batch& rows, size_t first_column, const PeriodMeasures& m,
                    const PlayIndex& index, MeasureColumns extra);

}  // namespace uw::gold
