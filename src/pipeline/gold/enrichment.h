// The labels enrichment attaches to artists and tracks, ranked, so that "the top genre" and "the
// top tag" mean the same in fact_plays, dim_artists, dim_tracks and the aggregates:
// - an artist's genres (silver artist_genres: artist_id, genre, source): a genre given by more
//   sources ranks first; ties keep the order of the silver table's rows (the order enrichment
//   wrote them), and genres are compared exactly (enrichment normalises their spelling);
// - Last.fm tags (silver lastfm_track_tags / lastfm_artist_tags: id, tag, count): the highest
//   count first (null counts as 0), ties alphabetical.
// Empty tables (no enrichment yet) give no labels: nothing is invented.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parquet/batch.h"

namespace uw::gold {

struct RankedLabels {
  std::vector<std::string> names;            // each distinct label once
  std::vector<std::vector<int32_t>> of_row;  // per dimension row: indexes into names, best first

  // The best label of a dimension row, or -1 when it has none.
  int32_t Top(int32_t row) const {
    return row < 0 || of_row[size_t(row)].empty() ? -1 : of_row[size_t(row)].front();
  }
  // The row's labels joined with ',' in rank order ("" when none).
  std::string Joined(int32_t row) const;
};

// Genres per row of silver `artists`.
RankedLabels RankArtistGenres(const parquet::Batch& artists, const parquet::Batch& artist_genres);

// Tags per row of `dimension` (silver tracks or artists), joined on `id_column` (track_id or
// artist_id) with `tags` (lastfm_track_tags or lastfm_artist_tags).
RankedLabels RankTags(const parquet::Batch& dimension, const parquet::Batch& tags,
                      std::string_view dimension_table, std::string_view tags_table,
                      std::string_view id_column);

}  // namespace uw::gold
