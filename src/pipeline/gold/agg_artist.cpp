// gold.agg_artist: one row per artist with at least one counted play, keyed by artist_id, in
// artist_id order. Names come from silver.artists (the play's own when the artist has no row);
// primary_genre is the artist's top genre. docs/lake.md "Aggregates" has the rank tie rule.
#include "pipeline/gold/aggregates.h"
#include "pipeline/gold/entity_measures.h"

namespace uw::gold {

tables::LakeTable AggArtistTable(const GoldPlays& plays) {
  return AggArtistTable(IndexPlays(plays));
}

tables::LakeTable AggArtistTable(const PlayIndex& index) {
  const GoldPlays& plays = index.plays;
  using parquet::ColumnType;
  parquet::Schema schema({
      {"artist_id", ColumnType::kString, false},
      {"artist_name", ColumnType::kString, true},
      {"plays", ColumnType::kInt64, false},
      {"ms_played", ColumnType::kInt64, false},
      {"streams", ColumnType::kInt64, false},  // plays of 30 s or more
      {"skips", ColumnType::kInt64, false},
      {"skip_rate", ColumnType::kDouble, false},  // skips / plays
      {"complete_plays", ColumnType::kInt64, false},
      {"completion_avg", ColumnType::kDouble, true},  // over plays with a known track duration
      {"tracks", ColumnType::kInt64, false},          // distinct tracks played
      {"first_played_at", ColumnType::kTimestamp, false},
      {"last_played_at", ColumnType::kTimestamp, false},
      {"primary_genre", ColumnType::kString, true},
      {"rank_by_ms", ColumnType::kInt32, false},
      {"rank_by_plays", ColumnType::kInt32, false},
  });
  const Entities& artists = index.artists;
  const std::vector<EntityMeasures> measures = MeasureEntities(index, artists);
  const std::vector<int32_t> by_ms = Rank(measures, artists, RankBy::kMs);
  const std::vector<int32_t> by_plays = Rank(measures, artists, RankBy::kPlays);
  const parquet::ColumnVector& event_ids = plays.events.column("artist_id");
  const parquet::ColumnVector& event_names = plays.events.column("artist_name");
  const parquet::Batch& dim = plays.silver.artists;
  parquet::Batch rows(schema);
  for (const int32_t a : artists.by_id) {
    const EntityMeasures& m = measures[a];
    if (m.plays == 0) continue;
    size_t c = 0;
    rows.column(c++).AppendString(EntityText(artists, a, dim.column("artist_id"), event_ids));
    tables::AppendText(rows.column(c++),
                       EntityText(artists, a, dim.column("artist_name"), event_names));
    for (const int64_t value : {m.plays, m.ms_played, m.streams, m.skips}) {
      rows.column(c++).AppendInt64(value);
    }
    rows.column(c++).AppendDouble(SkipRate(m));
    rows.column(c++).AppendInt64(m.complete_plays);
    AppendCompletionAvg(rows.column(c++), m);
    rows.column(c++).AppendInt64(m.tracks);
    rows.column(c++).AppendInt64(m.first_played_us);
    rows.column(c++).AppendInt64(m.last_played_us);
    const int32_t genre = plays.top_genre[m.last_play];
    tables::AppendText(rows.column(c++), genre < 0 ? std::string_view() : plays.genres[genre]);
    rows.column(c++).AppendInt32(by_ms[a]);
    rows.column(c++).AppendInt32(by_plays[a]);
  }
  return {"agg_artist", schema, {}, {"artist_id"}, tables::SinglePartition(std::move(rows))};
}

}  // namespace uw::gold
