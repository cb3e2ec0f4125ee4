#include "pipeline/gold/audio_features.h"

#include "pipeline/gold/silver_access.h"

namespace uw::gold {

using parquet::ColumnType;

std::vector<parquet::Field> AudioFeatureFields() {
  std::vector<parquet::Field> fields;
  for (const char* name : {"danceability", "energy", "valence", "tempo", "acousticness",
                           "instrumentalness", "speechiness", "loudness", "liveness"}) {
    fields.push_back({name, ColumnType::kDouble, true});
  }
  for (const char* name : {"key", "mode", "time_signature"}) {
    fields.push_back({name, ColumnType::kInt32, true});
  }
  return fields;
}

std::string_view MoodQuadrant(std::optional<double> energy, std::optional<double> valence) {
  if (!energy || !valence) return {};
  if (*energy > 0.5) return *valence > 0.5 ? "euphoric" : "intense";
  return *valence > 0.5 ? "chill" : "melancholic";
}

AudioFeatureSource::AudioFeatureSource(const parquet::Batch& audio_features) {
  columns_ = SilverColumns(audio_features, "audio_features", AudioFeatureFields());
  energy_ = &audio_features.column("energy");
  valence_ = &audio_features.column("valence");
}

size_t AudioFeatureSource::Append(parquet::Batch& rows, size_t c, int32_t row) const {
  for (const parquet::ColumnVector* column : columns_) {
    if (row < 0) {
      rows.column(c++).AppendNull();
    } else {
      rows.column(c++).AppendFrom(*column, size_t(row));
    }
  }
  return c;
}

size_t AudioFeatureSource::AppendRows(parquet::Batch& rows, size_t c,
                                      std::span<const int32_t> feature_rows) const {
  for (const parquet::ColumnVector* column : columns_)
    rows.column(c++).AppendGather(*column, feature_rows);
  return c;
}

std::string_view AudioFeatureSource::Mood(int32_t row) const {
  if (row < 0) return {};
  const auto value = [&](const parquet::ColumnVector* column) -> std::optional<double> {
    if (column->IsNull(size_t(row))) return std::nullopt;
    return column->GetDouble(size_t(row));
  };
  return MoodQuadrant(value(energy_), value(valence_));
}

}  // namespace uw::gold
