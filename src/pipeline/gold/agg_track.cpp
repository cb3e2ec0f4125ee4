// gold.agg_track: one row per track with at least one counted play, keyed by track_id, in
// track_id order. Names and ids come from silver.tracks (the latest play's when the track has
// no row). docs/lake.md "Aggregates" has the rank tie rule.
#include <utility>
#include <vector>

#include "pipeline/gold/aggregates.h"
#include "pipeline/gold/entity_measures.h"

namespace uw::gold {

tables::LakeTable AggTrackTable(const GoldPlays& plays) { return AggTrackTable(IndexPlays(plays)); }

tables::LakeTable AggTrackTable(const PlayIndex& index) {
  const GoldPlays& plays = index.plays;
  using parquet::ColumnType;
  parquet::Schema schema({
      {"track_id", ColumnType::kString, false},
      {"track_name", ColumnType::kString, true},
      {"artist_id", ColumnType::kString, true},
      {"artist_name", ColumnType::kString, true},
      {"album_id", ColumnType::kString, true},
      {"album_name", ColumnType::kString, true},
      {"plays", ColumnType::kInt64, false},
      {"ms_played", ColumnType::kInt64, false},
      {"streams", ColumnType::kInt64, false},
      {"skips", ColumnType::kInt64, false},
      {"skip_rate", ColumnType::kDouble, false},
      {"complete_plays", ColumnType::kInt64, false},
      {"completion_avg", ColumnType::kDouble, true},
      {"first_played_at", ColumnType::kTimestamp, false},
      {"last_played_at", ColumnType::kTimestamp, false},
      {"rank_by_ms", ColumnType::kInt32, false},
      {"rank_by_plays", ColumnType::kInt32, false},
  });
  const Entities& tracks = index.tracks;
  const std::vector<EntityMeasures> measures = MeasureEntities(index, tracks);
  const std::vector<int32_t> by_ms = Rank(measures, tracks, RankBy::kMs);
  const std::vector<int32_t> by_plays = Rank(measures, tracks, RankBy::kPlays);
  const parquet::Batch& dim = plays.silver.tracks;
  // The dimension's column and the play's, for each text column of the table.
  std::vector<std::pair<const parquet::ColumnVector*, const parquet::ColumnVector*>> text_columns;
  for (const char* column :
       {"track_id", "track_name", "artist_id", "artist_name", "album_id", "album_name"}) {
    text_columns.emplace_back(&dim.column(column), &plays.events.column(column));
  }
  parquet::Batch rows(schema);
  for (const int32_t t : tracks.by_id) {
    const EntityMeasures& m = measures[t];
    if (m.plays == 0) continue;
    size_t c = 0;
    for (const auto& [dim_column, play_column] : text_columns) {
      tables::AppendText(rows.column(c++), EntityText(tracks, t, *dim_column, *play_column));
    }
    for (const int64_t value : {m.plays, m.ms_played, m.streams, m.skips}) {
      rows.column(c++).AppendInt64(value);
    }
    rows.column(c++).AppendDouble(SkipRate(m));
    rows.column(c++).AppendInt64(m.complete_plays);
    AppendCompletionAvg(rows.column(c++), m);
    rows.column(c++).AppendInt64(m.first_played_us);
    rows.column(c++).AppendInt64(m.last_played_us);
    rows.column(c++).AppendInt32(by_ms[t]);
    rows.column(c++).AppendInt32(by_plays[t]);
  }
  return {"agg_track", schema, {}, {"track_id"}, tables::SinglePartition(std::move(rows))};
}

}  // namespace uw::gold
