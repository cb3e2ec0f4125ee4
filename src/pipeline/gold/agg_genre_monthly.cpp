// gold.agg_genre_monthly: taste over time. One row per (local month, genre) with counted plays,
// keyed by (year, month, genre), genres in name order within a month. A play's genre is its
// artist's top genre (GoldPlays.top_genre); plays of artists without one are left out, so the
// table is empty until enrichment provides genres and share_of_ms sums to 1 in every month.
#include <algorithm>

#include "pipeline/gold/aggregates.h"
#include "pipeline/gold/period_measures.h"

namespace uw::gold {

tables::LakeTable AggGenreMonthlyTable(const GoldPlays& plays) {
  return AggGenreMonthlyTable(IndexPlays(plays));
}

tables::LakeTable AggGenreMonthlyTable(const PlayIndex& index) {
  const GoldPlays& plays = index.plays;
  using parquet::ColumnType;
  parquet::Schema schema({
      {"year", ColumnType::kInt32, false},
      {"month", ColumnType::kInt32, false},
      {"genre", ColumnType::kString, false},
      {"plays", ColumnType::kInt64, false},
      {"ms_played", ColumnType::kInt64, false},
      {"share_of_ms", ColumnType::kDouble, false},  // of the month's ms_played with a genre
  });
  const PeriodKeys months = KeyPlaysBy(index, Period::kMonth);
  const Groups groups = GroupBy(index.counted, months.of_play, months.count);
  std::vector<int64_t> ms(plays.genres.size(), 0), count(plays.genres.size(), 0);
  std::vector<int32_t> touched;
  parquet::Batch rows(schema);
  for (size_t m = 0; m < groups.size(); ++m) {
    int64_t month_ms = 0;
    for (const uint32_t p : groups.of(m)) {
      const int32_t genre = plays.top_genre[p];
      if (genre < 0) continue;
      if (count[genre]++ == 0) touched.push_back(genre);
      ms[genre] += index.ms_played[p];
      month_ms += index.ms_played[p];
    }
    std::sort(touched.begin(), touched.end(),
              [&](int32_t a, int32_t b) { return index.genre_rank[a] < index.genre_rank[b]; });
    const int32_t month_index = months.first + static_cast<int32_t>(m);
    for (const int32_t genre : touched) {
      rows.column(0).AppendInt32(month_index / 12);
      rows.column(1).AppendInt32(month_index % 12 + 1);
      rows.column(2).AppendString(plays.genres[genre]);
      rows.column(3).AppendInt64(count[genre]);
      rows.column(4).AppendInt64(ms[genre]);
      rows.column(5).AppendDouble(static_cast<double>(ms[genre]) / static_cast<double>(month_ms));
      ms[genre] = count[genre] = 0;
    }
    touched.clear();
  }
  return {"agg_genre_monthly",
          schema,
          {},
          {"year", "month", "genre"},
          tables::SinglePartition(std::move(rows))};
}

}  // namespace uw::gold
