// gold.fact_plays: one row per silver listening_events row (music), everything joined and
// derived (docs/lake.md "fact_plays"). Keyed by event_id, partitioned year=/month= by UTC
// ended_at like its silver source, rows in (ended_at, event_id) order. A month is a run of
// consecutive plays, built column by column: silver's columns as one range copy each (codes,
// when silver's strings were read as codes), the joined ones as one gather each.
#include <cmath>
#include <memory>
#include <optional>
#include <span>

#include "core/civil_time.h"
#include "pipeline/gold/audio_features.h"
#include "pipeline/gold/gold_tables.h"
#include "pipeline/gold/label_codes.h"
#include "pipeline/gold/local_time.h"
#include "pipeline/gold/month_runs.h"
#include "pipeline/gold/silver_access.h"
#include "pipeline/tables/silver_columns.h"

namespace uw::gold {
namespace {

using parquet::ColumnType;
using parquet::Field;

// Copied unchanged from silver listening_events (its columns but the lineage); NOT NULL as
// silver guarantees.
std::vector<Field> SilverFields() {
  std::vector<Field> fields = tables::SilverEventTimeFields();
  for (std::vector<Field> part :
       {tables::SilverListeningIdentityFields(), tables::SilverEventContextFields()})
    fields.insert(fields.end(), part.begin(), part.end());
  return fields;
}

// Track and album attributes: null until enrichment adds their silver columns.
std::vector<Field> AttributeFields() {
  return {
      {"track_duration_ms", ColumnType::kInt64, true},
      {"explicit", ColumnType::kBoolean, true},
      {"track_popularity", ColumnType::kInt32, true},
      {"isrc", ColumnType::kString, true},
      {"album_type", ColumnType::kString, true},
      {"release_date", ColumnType::kString, true},
      {"release_year", ColumnType::kInt32, true},
      {"album_popularity", ColumnType::kInt32, true},
      {"album_label", ColumnType::kString, true},
      {"days_since_release", ColumnType::kInt32, true},
      {"track_metadata_source", ColumnType::kString, true},  // "spotify": the track has metadata
  };
}

parquet::Schema FactPlaysSchema() {
  std::vector<Field> fields = SilverFields();
  for (std::vector<Field> part : {LocalTimeFields(), AttributeFields()})
    fields.insert(fields.end(), part.begin(), part.end());
  fields.insert(fields.end(), {{"completion_pct", ColumnType::kDouble, true},
                               {"is_complete", ColumnType::kBoolean, false},
                               {"top_genre", ColumnType::kString, true},
                               {"top_tag", ColumnType::kString, true}});
  for (Field& f : AudioFeatureFields()) fields.push_back(std::move(f));
  fields.insert(fields.end(), {{"mood_quadrant", ColumnType::kString, true},
                               {"session_id", ColumnType::kInt64, false},
                               {"session_position", ColumnType::kInt32, false},
                               {"is_first_play_of_track", ColumnType::kBoolean, false},
                               {"is_first_play_of_artist", ColumnType::kBoolean, false},
                               {"counted", ColumnType::kBoolean, false}});
  return parquet::Schema(std::move(fields));
}

// Values of dimension rows that may be missing three ways: no row (-1), no column, a null.
void AppendAttribute(parquet::ColumnVector& to, const parquet::ColumnVector* from,
                     std::span<const int32_t> rows) {
  if (from == nullptr) return to.AppendNulls(rows.size());
  to.AppendGather(*from, rows);
}

void AppendOptInt32(parquet::ColumnVector& to, std::optional<int32_t> value) {
  if (value) {
    to.AppendInt32(*value);
  } else {
    to.AppendNull();
  }
}

// An album's release date as days since 1970 (day precision only: "2019" or "2019-05" gives no
// day count, never an invented one) and its year.
struct Release {
  std::optional<int32_t> year, days;
};
Release ParseRelease(std::string_view date) {
  const auto digits = [&](size_t at, size_t n) -> std::optional<int> {
    if (date.size() < at + n) return std::nullopt;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (date[i] < '0' || date[i] > '9') return std::nullopt;
      v = v * 10 + (date[i] - '0');
    }
    return v;
  };
  Release r;
  r.year = digits(0, 4);
  if (!r.year || date.size() != 10 || date[4] != '-' || date[7] != '-') return r;
  const auto month = digits(5, 2), day = digits(8, 2);
  if (month && day && *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31)
    r.days = int32_t(core::DaysFromCivil(*r.year, *month, *day));
  return r;
}

// Everything a row needs besides GoldPlays, resolved once.
struct Sources {
  std::vector<const parquet::ColumnVector*> silver;
  const parquet::ColumnVector* duration;
  const parquet::ColumnVector *is_explicit, *track_popularity, *isrc;
  const parquet::ColumnVector *album_type, *release_date, *album_popularity, *album_label;
  const parquet::ColumnVector* metadata_source;
  std::vector<Release> releases;  // per album row
  AudioFeatureSource features;
  LabelCodes zones, genres, tags, moods;
  std::vector<int32_t> mood_of_feature_row;  // index into kMoods; -1 without a mood
};

const std::vector<std::string> kMoods = {"euphoric", "intense", "chill", "melancholic"};

std::vector<int32_t> MoodOfFeatureRows(const parquet::Batch& audio_features,
                                       const AudioFeatureSource& features) {
  std::vector<int32_t> moods(audio_features.num_rows(), -1);
  for (size_t row = 0; row < moods.size(); ++row) {
    const std::string_view mood = features.Mood(int32_t(row));
    for (size_t m = 0; m < kMoods.size(); ++m) {
      if (mood == kMoods[m]) moods[row] = int32_t(m);
    }
  }
  return moods;
}

Sources ResolveSources(const GoldPlays& p, const std::vector<Field>& silver_fields) {
  const SilverInputs& s = p.silver;
  const auto* release_date = OptionalColumn(s.albums, "release_date", ColumnType::kString);
  std::vector<Release> releases(s.albums.num_rows());
  for (size_t r = 0; release_date && r < releases.size(); ++r) {
    if (!release_date->IsNull(r)) releases[r] = ParseRelease(release_date->GetString(r));
  }
  AudioFeatureSource features(s.audio_features);
  std::vector<int32_t> moods = MoodOfFeatureRows(s.audio_features, features);
  return Sources{
      SilverColumns(p.events, "listening_events", silver_fields),
      &SilverColumn(s.tracks, "tracks", "duration_ms", ColumnType::kInt64),
      OptionalColumn(s.tracks, "explicit", ColumnType::kBoolean),
      OptionalColumn(s.tracks, "popularity", ColumnType::kInt32),
      OptionalColumn(s.tracks, "isrc", ColumnType::kString),
      OptionalColumn(s.albums, "album_type", ColumnType::kString),
      release_date,
      OptionalColumn(s.albums, "popularity", ColumnType::kInt32),
      OptionalColumn(s.albums, "label", ColumnType::kString),
      OptionalColumn(s.tracks, "metadata_source", ColumnType::kString),
      std::move(releases),
      std::move(features),
      LabelCodes(p.zone_names),
      LabelCodes(p.genres),
      LabelCodes(p.tags),
      LabelCodes(kMoods),
      std::move(moods),
  };
}

// Rows [begin, end) of the plays: one span of each per-play vector.
struct PlayRange {
  size_t begin, end;
  template <typename T>
  std::span<const T> Of(const std::vector<T>& values) const {
    return std::span<const T>(values).subspan(begin, end - begin);
  }
};

size_t AppendAttributes(parquet::Batch& rows, size_t c, const GoldPlays& p, const Sources& src,
                        PlayRange range) {
  const auto tracks = range.Of(p.track_row), albums = range.Of(p.album_row);
  AppendAttribute(rows.column(c++), src.duration, tracks);
  AppendAttribute(rows.column(c++), src.is_explicit, tracks);
  AppendAttribute(rows.column(c++), src.track_popularity, tracks);
  AppendAttribute(rows.column(c++), src.isrc, tracks);
  AppendAttribute(rows.column(c++), src.album_type, albums);
  AppendAttribute(rows.column(c++), src.release_date, albums);
  parquet::ColumnVector& year = rows.column(c++);
  for (const int32_t album : albums)
    AppendOptInt32(year, album >= 0 ? src.releases[size_t(album)].year : std::nullopt);
  AppendAttribute(rows.column(c++), src.album_popularity, albums);
  AppendAttribute(rows.column(c++), src.album_label, albums);
  parquet::ColumnVector& days_since = rows.column(c++);
  for (size_t i = range.begin; i < range.end; ++i) {
    const int32_t album = p.album_row[i];
    const std::optional<int32_t> days =
        album >= 0 ? src.releases[size_t(album)].days : std::nullopt;
    AppendOptInt32(days_since,
                   days ? std::optional<int32_t>(p.local_date[i] - *days) : std::nullopt);
  }
  AppendAttribute(rows.column(c++), src.metadata_source, tracks);
  return c;
}

size_t AppendDerived(parquet::Batch& rows, size_t c, const GoldPlays& p, const Sources& src,
                     PlayRange range) {
  parquet::ColumnVector& completion = rows.column(c++);
  for (const double value : range.Of(p.completion)) {
    if (std::isnan(value)) {
      completion.AppendNull();
    } else {
      completion.AppendDouble(value);
    }
  }
  parquet::ColumnVector& is_complete = rows.column(c++);
  for (const uint8_t value : range.Of(p.is_complete)) is_complete.AppendBool(value);
  src.genres.Append(rows.column(c++), range.Of(p.top_genre));
  src.tags.Append(rows.column(c++), range.Of(p.top_tag));
  const auto features = range.Of(p.features_row);
  c = src.features.AppendRows(rows, c, features);
  std::vector<int32_t> moods;
  moods.reserve(features.size());
  for (const int32_t row : features)
    moods.push_back(row < 0 ? -1 : src.mood_of_feature_row[size_t(row)]);
  src.moods.Append(rows.column(c++), moods);
  parquet::ColumnVector& session_id = rows.column(c++);
  for (const uint32_t session : range.Of(p.session_of))
    session_id.AppendInt64(p.sessions[session].session_id);
  parquet::ColumnVector& position = rows.column(c++);
  for (const int32_t value : range.Of(p.session_position)) position.AppendInt32(value);
  for (const std::vector<uint8_t>* flags : {&p.first_of_track, &p.first_of_artist, &p.counted}) {
    parquet::ColumnVector& column = rows.column(c++);
    for (const uint8_t value : range.Of(*flags)) column.AppendBool(value);
  }
  return c;
}

// The plays [begin, end) as fact_plays rows.
parquet::Batch BuildRows(const GoldPlays& p, const Sources& src, const parquet::Schema& schema,
                         PlayRange range) {
  parquet::Batch rows(schema);
  rows.Reserve(range.end - range.begin);
  size_t c = 0;
  for (const parquet::ColumnVector* column : src.silver)
    rows.column(c++).AppendRange(*column, range.begin, range.end);
  const auto ended = src.silver[1]->int64s().subspan(range.begin, range.end - range.begin);
  c = AppendLocalTimes(rows, c, ended, range.Of(p.local_offset_s), range.Of(p.zone_index),
                       src.zones);
  c = AppendAttributes(rows, c, p, src, range);
  AppendDerived(rows, c, p, src, range);
  return rows;
}

}  // namespace

std::vector<std::string> FactPlaysSilverColumns() {
  std::vector<std::string> names;
  for (const Field& field : SilverFields()) names.push_back(field.name);
  return names;
}

tables::StreamedTable FactPlaysStream(const GoldPlays& p) {
  // The resolved sources live as long as the stream's appender, which builds every month.
  const auto src = std::make_shared<const Sources>(ResolveSources(p, SilverFields()));
  const auto ended = src->silver[1]->int64s();
  tables::LakeTable shape;
  shape.name = "fact_plays";
  shape.schema = FactPlaysSchema();
  shape.partition_columns = {"year", "month"};
  shape.key = {"event_id"};
  const std::vector<MonthRun> runs =
      MonthRuns(p.size(), [&](size_t i) { return core::FloorDiv(ended[i], 1000); });
  parquet::Schema schema = shape.schema;
  return StreamMonthRuns(std::move(shape), runs,
                         [&p, src, schema = std::move(schema)](size_t begin, size_t end) {
                           return BuildRows(p, *src, schema, PlayRange{begin, end});
                         });
}

tables::LakeTable FactPlaysTable(const GoldPlays& p) {
  return tables::Materialize(FactPlaysStream(p));
}

}  // namespace uw::gold
