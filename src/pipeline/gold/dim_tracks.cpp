// gold.dim_tracks: one row per silver track (key track_id), widened with its album's attributes,
// enrichment and Last.fm (docs/lake.md "dim_tracks"). Values enrichment has not provided are
// null. Unpartitioned, rows in silver order (by track_id).
#include "pipeline/gold/audio_features.h"
#include "pipeline/gold/enrichment.h"
#include "pipeline/gold/gold_tables.h"
#include "pipeline/gold/silver_access.h"
#include "pipeline/tables/silver_columns.h"

namespace uw::gold {
namespace {

using parquet::ColumnType;
using parquet::Field;

// Gold column <- optional silver column of tracks or albums (enrichment adds them).
struct Attribute {
  Field field;
  bool of_album;
  std::string_view silver_name;
};

const std::vector<Attribute>& Attributes() {
  static const std::vector<Attribute> attributes = {
      {{"album_type", ColumnType::kString, true}, true, "album_type"},
      {{"release_date", ColumnType::kString, true}, true, "release_date"},
      {{"release_year", ColumnType::kInt32, true}, true, ""},  // derived from release_date
      {{"album_label", ColumnType::kString, true}, true, "label"},
      {{"album_popularity", ColumnType::kInt32, true}, true, "popularity"},
      {{"explicit", ColumnType::kBoolean, true}, false, "explicit"},
      {{"track_popularity", ColumnType::kInt32, true}, false, "popularity"},
      {{"isrc", ColumnType::kString, true}, false, "isrc"},
      {{"track_number", ColumnType::kInt32, true}, false, "track_number"},
      {{"disc_number", ColumnType::kInt32, true}, false, "disc_number"},
      {{"is_local", ColumnType::kBoolean, true}, false, "is_local"},
      {{"metadata_source", ColumnType::kString, true}, false, "metadata_source"},
      {{"release_date_precision", ColumnType::kString, true}, true, "release_date_precision"},
      {{"album_total_tracks", ColumnType::kInt32, true}, true, "total_tracks"},
      {{"album_upc", ColumnType::kString, true}, true, "upc"},
      {{"album_image_url", ColumnType::kString, true}, true, "image_url"},
  };
  return attributes;
}

std::optional<int32_t> ReleaseYear(const parquet::ColumnVector* dates, int32_t row) {
  if (dates == nullptr || row < 0 || dates->IsNull(size_t(row))) return std::nullopt;
  const std::string_view date = dates->GetString(size_t(row));
  if (date.size() < 4) return std::nullopt;
  int32_t year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (date[i] < '0' || date[i] > '9') return std::nullopt;
    year = year * 10 + (date[i] - '0');
  }
  return year;
}

void AppendFromRow(parquet::ColumnVector& to, const parquet::ColumnVector* from, int32_t row) {
  if (from == nullptr || row < 0) return to.AppendNull();
  to.AppendFrom(*from, size_t(row));
}

}  // namespace

tables::LakeTable DimTracksTable(const GoldPlays& plays) {
  const SilverInputs& s = plays.silver;
  // The played-track columns of silver.tracks, copied; the catalogue attributes follow.
  const std::vector<Field> silver_fields = tables::SilverTrackPlayFields();
  const auto silver = SilverColumns(s.tracks, "tracks", silver_fields);
  std::vector<const parquet::ColumnVector*> attributes;
  for (const Attribute& a : Attributes()) {
    attributes.push_back(
        OptionalColumn(a.of_album ? s.albums : s.tracks, a.silver_name, a.field.type));
  }
  const auto* release_dates = OptionalColumn(s.albums, "release_date", ColumnType::kString);
  const RowIndex albums(SilverColumn(s.albums, "albums", "album_id", ColumnType::kString));
  const RankedLabels tags =
      RankTags(s.tracks, s.lastfm_track_tags, "tracks", "lastfm_track_tags", "track_id");
  const RowIndex stats(
      SilverColumn(s.lastfm_track_stats, "lastfm_track_stats", "track_id", ColumnType::kString));
  const auto* listeners = OptionalColumn(s.lastfm_track_stats, "listeners", ColumnType::kInt64);
  const auto* playcount = OptionalColumn(s.lastfm_track_stats, "playcount", ColumnType::kInt64);
  const RowIndex features_index(
      SilverColumn(s.audio_features, "audio_features", "track_id", ColumnType::kString));
  const AudioFeatureSource features(s.audio_features);

  std::vector<Field> fields = silver_fields;
  for (const Attribute& a : Attributes()) fields.push_back(a.field);
  fields.insert(fields.end(), {{"top_tag", ColumnType::kString, true},
                               {"lastfm_listeners", ColumnType::kInt64, true},
                               {"lastfm_playcount", ColumnType::kInt64, true}});
  for (Field& f : AudioFeatureFields()) fields.push_back(std::move(f));
  parquet::Schema schema(std::move(fields));
  parquet::Batch rows(schema);
  rows.Reserve(s.tracks.num_rows());
  const parquet::ColumnVector& track_ids = *silver[0];
  const parquet::ColumnVector& album_ids = *silver[5];
  for (size_t t = 0; t < s.tracks.num_rows(); ++t) {
    size_t c = 0;
    for (const parquet::ColumnVector* column : silver) rows.column(c++).AppendFrom(*column, t);
    const int32_t album = album_ids.IsNull(t) ? -1 : albums.Find(album_ids.GetString(t));
    for (size_t a = 0; a < Attributes().size(); ++a) {
      if (Attributes()[a].silver_name.empty()) {
        const auto year = ReleaseYear(release_dates, album);
        year ? rows.column(c++).AppendInt32(*year) : rows.column(c++).AppendNull();
      } else {
        AppendFromRow(rows.column(c++), attributes[a],
                      Attributes()[a].of_album ? album : int32_t(t));
      }
    }
    tables::AppendText(rows.column(c++),
                       tags.Top(int32_t(t)) < 0 ? "" : tags.names[size_t(tags.Top(int32_t(t)))]);
    const int32_t stat = stats.Find(track_ids.GetString(t));
    AppendFromRow(rows.column(c++), listeners, stat);
    AppendFromRow(rows.column(c++), playcount, stat);
    features.Append(rows, c, features_index.Find(track_ids.GetString(t)));
  }
  return {"dim_tracks", schema, {}, {"track_id"}, tables::SinglePartition(std::move(rows))};
}

}  // namespace uw::gold
