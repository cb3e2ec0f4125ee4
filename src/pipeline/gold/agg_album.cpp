// gold.agg_album: one row per album with at least one counted play, keyed by album_id, in
// album_id order. Names come from silver.albums (the latest play's when the album has no row).
// docs/lake.md "Aggregates" has the rank tie rule.
#include <utility>
#include <vector>

#include "pipeline/gold/aggregates.h"
#include "pipeline/gold/entity_measures.h"

namespace uw::gold {

tables::LakeTable AggAlbumTable(const GoldPlays& plays) { return AggAlbumTable(IndexPlays(plays)); }

tables::LakeTable AggAlbumTable(const PlayIndex& index) {
  const GoldPlays& plays = index.plays;
  using parquet::ColumnType;
  parquet::Schema schema({
      {"album_id", ColumnType::kString, false},
      {"album_name", ColumnType::kString, true},
      {"artist_id", ColumnType::kString, true},
      {"artist_name", ColumnType::kString, true},
      {"plays", ColumnType::kInt64, false},
      {"ms_played", ColumnType::kInt64, false},
      {"tracks", ColumnType::kInt64, false},  // distinct tracks played
      {"skips", ColumnType::kInt64, false},
      {"first_played_at", ColumnType::kTimestamp, false},
      {"last_played_at", ColumnType::kTimestamp, false},
      {"rank_by_ms", ColumnType::kInt32, false},
  });
  const Entities& albums = index.albums;
  const std::vector<EntityMeasures> measures = MeasureEntities(index, albums);
  const std::vector<int32_t> by_ms = Rank(measures, albums, RankBy::kMs);
  const parquet::Batch& dim = plays.silver.albums;
  // The dimension's column and the play's, for each text column of the table.
  std::vector<std::pair<const parquet::ColumnVector*, const parquet::ColumnVector*>> text_columns;
  for (const char* column : {"album_id", "album_name", "artist_id", "artist_name"}) {
    text_columns.emplace_back(&dim.column(column), &plays.events.column(column));
  }
  parquet::Batch rows(schema);
  for (const int32_t a : albums.by_id) {
    const EntityMeasures& m = measures[a];
    if (m.plays == 0) continue;
    size_t c = 0;
    for (const auto& [dim_column, play_column] : text_columns) {
      tables::AppendText(rows.column(c++), EntityText(albums, a, *dim_column, *play_column));
    }
    for (const int64_t value : {m.plays, m.ms_played, m.tracks, m.skips}) {
      rows.column(c++).AppendInt64(value);
    }
    rows.column(c++).AppendInt64(m.first_played_us);
    rows.column(c++).AppendInt64(m.last_played_us);
    rows.column(c++).AppendInt32(by_ms[a]);
  }
  return {"agg_album", schema, {}, {"album_id"}, tables::SinglePartition(std::move(rows))};
}

}  // namespace uw::gold
