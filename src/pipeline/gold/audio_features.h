// The 12 audio features of a track (silver audio_features, filled by catalogue-dump enrichment:
// Spotify's API has not served them since 2024) as fact_plays and dim_tracks carry them, and the
// mood quadrant derived from energy and valence. Null until enrichment provides them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "parquet/batch.h"

namespace uw::gold {

// danceability, energy, valence, tempo, acousticness, instrumentalness, speechiness, loudness,
// liveness (double), key, mode, time_signature (int32): the gold column order.
std::vector<parquet::Field> AudioFeatureFields();

// energy > 0.5 and valence > 0.5 "euphoric"; energy > 0.5 "intense"; valence > 0.5 "chill";
// else "melancholic". Empty when either is unknown.
std::string_view MoodQuadrant(std::optional<double> energy, std::optional<double> valence);

// Reads the features of one silver audio_features row into gold columns.
class AudioFeatureSource {
 public:
  explicit AudioFeatureSource(const parquet::Batch& audio_features);
  // Appends the 12 feature columns of `row` (-1: all null) starting at column `c`; returns the
  // next column.
  size_t Append(parquet::Batch& rows, size_t c, int32_t row) const;
  // The same for many rows at once: one gather per column.
  size_t AppendRows(parquet::Batch& rows, size_t c, std::span<const int32_t> feature_rows) const;
  // The mood quadrant of `row` ("" without features).
  std::string_view Mood(int32_t row) const;

 private:
  std::vector<const parquet::ColumnVector*> columns_;  // in AudioFeatureFields() order
  const parquet::ColumnVector* energy_ = nullptr;
  const parquet::ColumnVector* valence_ = nullptr;
};

}  // namespace uw::gold
