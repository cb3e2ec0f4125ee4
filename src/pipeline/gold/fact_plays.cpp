// gold.fact_plays: one row per silver listening_events row (music), everything joined and
// derived (docs/lake.md "fact_plays"). Keyed by event_id, partitioned year=/month= by UTC
// ended_at like its silver source, rows in (ended_at, event_id) order.
#include <cmath>
#include <memory>
#include <optional>

#include "core/civil_time.h"
#include "pipeline/gold/audio_features.h"
#include "pipeline/gold/gold_tables.h"
#include "pipeline/gold/local_time.h"
#include "pipeline/gold/silver_access.h"

namespace uw::gold {
namespace {

using parquet::ColumnType;
using parquet::Field;

// Copied unchanged from silver listening_events; NOT NULL as silver guarantees.
std::vector<Field> SilverFields() {
  std::vector<Field> fields = SilverEventTimeFields();
  fields.push_back({"track_id", ColumnType::kString, false});
  for (const char* name : {"track_uri", "track_name", "artist_id", "artist_name", "album_id",
                           "album_name", "context_type", "context_uri"})
    fields.push_back({name, ColumnType::kString, true});
  for (Field& field : SilverEventContextFields()) fields.push_back(std::move(field));
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

// A value of a dimension row that may be missing three ways: no row, no column, a null.
void AppendAttribute(parquet::ColumnVector& to, const parquet::ColumnVector* from, int32_t row) {
  if (from == nullptr || row < 0) return to.AppendNull();
  to.AppendFrom(*from, size_t(row));
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
};

Sources ResolveSources(const GoldPlays& p, const std::vector<Field>& silver_fields) {
  const SilverInputs& s = p.silver;
  const auto* release_date = OptionalColumn(s.albums, "release_date", ColumnType::kString);
  std::vector<Release> releases(s.albums.num_rows());
  for (size_t r = 0; release_date && r < releases.size(); ++r) {
    if (!release_date->IsNull(r)) releases[r] = ParseRelease(release_date->GetString(r));
  }
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
      AudioFeatureSource(s.audio_features),
  };
}

size_t AppendAttributes(parquet::Batch& rows, size_t c, const GoldPlays& p, const Sources& src,
                        size_t i) {
  const int32_t track = p.track_row[i], album = p.album_row[i];
  AppendAttribute(rows.column(c++), src.duration, track);
  AppendAttribute(rows.column(c++), src.is_explicit, track);
  AppendAttribute(rows.column(c++), src.track_popularity, track);
  AppendAttribute(rows.column(c++), src.isrc, track);
  AppendAttribute(rows.column(c++), src.album_type, album);
  AppendAttribute(rows.column(c++), src.release_date, album);
  const Release release = album >= 0 ? src.releases[size_t(album)] : Release{};
  AppendOptInt32(rows.column(c++), release.year);
  AppendAttribute(rows.column(c++), src.album_popularity, album);
  AppendAttribute(rows.column(c++), src.album_label, album);
  AppendOptInt32(rows.column(c++), release.days
                                       ? std::optional<int32_t>(p.local_date[i] - *release.days)
                                       : std::nullopt);
  AppendAttribute(rows.column(c++), src.metadata_source, track);
  return c;
}

size_t AppendDerived(parquet::Batch& rows, size_t c, const GoldPlays& p, const Sources& src,
                     size_t i) {
  if (std::isnan(p.completion[i])) {
    rows.column(c++).AppendNull();
  } else {
    rows.column(c++).AppendDouble(p.completion[i]);
  }
  rows.column(c++).AppendBool(p.is_complete[i]);
  tables::AppendText(rows.column(c++), p.top_genre[i] < 0 ? "" : p.genres[size_t(p.top_genre[i])]);
  tables::AppendText(rows.column(c++), p.top_tag[i] < 0 ? "" : p.tags[size_t(p.top_tag[i])]);
  c = src.features.Append(rows, c, p.features_row[i]);
  tables::AppendText(rows.column(c++), src.features.Mood(p.features_row[i]));
  rows.column(c++).AppendInt64(p.sessions[p.session_of[i]].session_id);
  rows.column(c++).AppendInt32(p.session_position[i]);
  rows.column(c++).AppendBool(p.first_of_track[i]);
  rows.column(c++).AppendBool(p.first_of_artist[i]);
  rows.column(c++).AppendBool(p.counted[i]);
  return c;
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
  return tables::StreamMonthPartitions(
      std::move(shape), p.size(), [&](size_t i) { return core::FloorDiv(ended[i], 1000); },
      [&p, src, ended](parquet::Batch& rows, size_t i) {
        size_t c = 0;
        for (const parquet::ColumnVector* column : src->silver)
          rows.column(c++).AppendFrom(*column, i);
        c = AppendLocalTime(rows, c, ended[i], p.local_offset_s[i], p.zone_names[p.zone_index[i]]);
        c = AppendAttributes(rows, c, p, *src, i);
        AppendDerived(rows, c, p, *src, i);
      });
}

tables::LakeTable FactPlaysTable(const GoldPlays& p) {
  return tables::Materialize(FactPlaysStream(p));
}

}  // namespace uw::gold
