#include "pipeline/gold/period_measures.h"

#include <algorithm>

#include "core/civil_time.h"
#include "pipeline/tables/lake_table.h"

namespace uw::gold {
namespace {

using parquet::ColumnType;

int32_t PeriodOfDay(int32_t day, Period period) {
  if (period == Period::kDay) return day;
  const core::CivilDate date = core::CivilFromDays(day);
  return period == Period::kYear ? date.year : date.year * 12 + date.month - 1;
}

// One audio feature column of silver.audio_features, summed over the plays that have it.
struct FeatureColumn {
  const parquet::ColumnVector* values = nullptr;  // null when the table lacks the column

  void Add(int32_t row, double& sum, int64_t& plays) const {
    if (values == nullptr || row < 0 || values->IsNull(row)) return;
    sum += values->GetDouble(row);
    ++plays;
  }
};

FeatureColumn Feature(const parquet::Batch& features, const char* name) {
  const auto column = features.schema().IndexOf(name);
  return {column ? &features.column(*column) : nullptr};
}

struct Features {
  FeatureColumn energy, valence, danceability;
};

// Counts the plays of one period and sums their features.
void SumPlays(const PlayIndex& index, const Features& features, std::span<const uint32_t> group,
              PeriodMeasures& m) {
  const GoldPlays& plays = index.plays;
  const auto& [energy, valence, danceability] = features;
  for (const uint32_t p : group) {
    ++m.plays;
    m.ms_played += index.ms_played[p];
    m.streams += index.is_stream[p];
    m.skips += index.is_skip[p];
    m.complete_plays += plays.is_complete[p] != 0;
    const int32_t row = plays.features_row[p];
    energy.Add(row, m.energy_sum, m.energy_plays);
    valence.Add(row, m.valence_sum, m.valence_plays);
    danceability.Add(row, m.danceability_sum, m.danceability_plays);
  }
}

void AppendAverage(parquet::ColumnVector& column, double sum, int64_t plays) {
  if (plays == 0) return column.AppendNull();
  column.AppendDouble(sum / static_cast<double>(plays));
}

}  // namespace

PeriodKeys KeyPlaysBy(const PlayIndex& index, Period period) {
  const std::vector<int32_t>& local_date = index.plays.local_date;
  PeriodKeys keys;
  keys.of_play.assign(index.plays.size(), -1);
  if (index.counted.empty()) return keys;
  int32_t first_day = local_date[index.counted.front()], last_day = first_day;
  for (const uint32_t p : index.counted) {
    first_day = std::min(first_day, local_date[p]);
    last_day = std::max(last_day, local_date[p]);
  }
  // Calendar arithmetic once per day of the range, not once per play.
  keys.first = PeriodOfDay(first_day, period);
  std::vector<int32_t> key_of_day(last_day - first_day + 1);
  for (int32_t day = first_day; day <= last_day; ++day) {
    key_of_day[day - first_day] = PeriodOfDay(day, period) - keys.first;
  }
  keys.count = static_cast<size_t>(key_of_day.back()) + 1;
  for (const uint32_t p : index.counted) keys.of_play[p] = key_of_day[local_date[p] - first_day];
  return keys;
}

std::vector<PeriodMeasures> MeasurePeriods(const PlayIndex& index, const PeriodKeys& keys) {
  const GoldPlays& plays = index.plays;
  std::vector<PeriodMeasures> out(keys.count);
  const Groups groups = GroupBy(index.counted, keys.of_play, keys.count);
  DistinctCounter tracks(index.tracks.size()), artists(index.artists.size()),
      albums(index.albums.size()), sessions(plays.sessions.size());
  // Days are counted by their offset from the earliest local date of any play.
  const PeriodKeys days = KeyPlaysBy(index, Period::kDay);
  DistinctCounter day_counter(days.count);
  TopByMs top_artist(index.artists.size()), top_genre(plays.genres.size());
  const parquet::Batch& audio = plays.silver.audio_features;
  const Features features{Feature(audio, "energy"), Feature(audio, "valence"),
                          Feature(audio, "danceability")};
  for (size_t g = 0; g < groups.size(); ++g) {
    const auto group = groups.of(g);
    PeriodMeasures& m = out[g];
    SumPlays(index, features, group, m);
    m.tracks = tracks.Count(group, index.tracks.of_play);
    m.artists = artists.Count(group, index.artists.of_play);
    m.albums = albums.Count(group, index.albums.of_play);
    m.sessions = sessions.Count(group, plays.session_of);
    m.days_listened = day_counter.Count(group, days.of_play);
    m.top_artist =
        top_artist.Find(group, index.artists.of_play, index.ms_played, index.artists.id_rank);
    m.top_genre = top_genre.Find(group, plays.top_genre, index.ms_played, index.genre_rank);
  }
  // An artist is new in the period of its first counted play (counted plays are in time order).
  std::vector<uint8_t> seen(index.artists.size(), 0);
  for (const uint32_t p : index.counted) {
    const int32_t artist = index.artists.of_play[p];
    if (artist < 0 || seen[artist]) continue;
    seen[artist] = 1;
    ++out[keys.of_play[p]].new_artists;
  }
  return out;
}

std::vector<parquet::Field> MeasureFields(MeasureColumns extra) {
  std::vector<parquet::Field> fields = {
      {"plays", ColumnType::kInt64, false},
      {"ms_played", ColumnType::kInt64, false},
      {"streams", ColumnType::kInt64, false},
      {"skips", ColumnType::kInt64, false},
      {"complete_plays", ColumnType::kInt64, false},
      {"tracks", ColumnType::kInt64, false},
      {"artists", ColumnType::kInt64, false},
      {"new_artists", ColumnType::kInt64, false},
      {"sessions", ColumnType::kInt64, false},
      {"avg_energy", ColumnType::kDouble, true},
      {"avg_valence", ColumnType::kDouble, true},
      {"avg_danceability", ColumnType::kDouble, true},
      {"top_artist", ColumnType::kString, true},
      {"top_genre", ColumnType::kString, true},
  };
  if (extra.days_listened) fields.push_back({"days_listened", ColumnType::kInt64, false});
  if (extra.albums) fields.push_back({"albums", ColumnType::kInt64, false});
  return fields;
}

void AppendMeasures(parquet::Batch& rows, size_t c, const PeriodMeasures& m, const PlayIndex& index,
                    MeasureColumns extra) {
  for (const int64_t value : {m.plays, m.ms_played, m.streams, m.skips, m.complete_plays, m.tracks,
                              m.artists, m.new_artists, m.sessions}) {
    rows.column(c++).AppendInt64(value);
  }
  AppendAverage(rows.column(c++), m.energy_sum, m.energy_plays);
  AppendAverage(rows.column(c++), m.valence_sum, m.valence_plays);
  AppendAverage(rows.column(c++), m.danceability_sum, m.danceability_plays);
  const GoldPlays& plays = index.plays;
  if (m.top_artist < 0) {
    rows.column(c++).AppendNull();
  } else {
    tables::AppendText(rows.column(c++), EntityText(index.artists, m.top_artist,
                                                    plays.silver.artists.column("artist_name"),
                                                    plays.events.column("artist_name")));
  }
  if (m.top_genre < 0) {
    rows.column(c++).AppendNull();
  } else {
    tables::AppendText(rows.column(c++), plays.genres[m.top_genre]);
  }
  if (extra.days_listened) rows.column(c++).AppendInt64(m.days_listened);
  if (extra.albums) rows.column(c++).AppendInt64(m.albums);
}

}  // namespace uw::gold
