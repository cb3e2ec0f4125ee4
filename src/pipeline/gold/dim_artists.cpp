// gold.dim_artists: one row per silver artist (key artist_id) with its genres and Last.fm tags
// (docs/lake.md "dim_artists"; ranking rules in enrichment.h) and Spotify's attributes of it.
// Null until enrichment provides them. Unpartitioned, rows in silver order (by artist_id).
#include <algorithm>

#include "pipeline/gold/enrichment.h"
#include "pipeline/gold/gold_tables.h"
#include "pipeline/gold/silver_access.h"

namespace uw::gold {
namespace {

using parquet::ColumnType;

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
  return out;
}

// The artist's genres, then its tags that are not already a genre (ASCII case-insensitive).
std::string Combined(const RankedLabels& genres, const RankedLabels& tags, int32_t row) {
  std::vector<std::string> seen;
  std::string text;
  const auto add = [&](const std::string& label) {
    std::string key = Lower(label);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) return;
    seen.push_back(std::move(key));
    if (!text.empty()) text += ',';
    text += label;
  };
  for (const int32_t g : genres.of_row[size_t(row)]) add(genres.names[size_t(g)]);
  for (const int32_t t : tags.of_row[size_t(row)]) add(tags.names[size_t(t)]);
  return text;
}

std::string_view TopName(const RankedLabels& labels, int32_t row) {
  const int32_t top = labels.Top(row);
  return top < 0 ? std::string_view() : std::string_view(labels.names[size_t(top)]);
}

}  // namespace

tables::LakeTable DimArtistsTable(const GoldPlays& plays) {
  const SilverInputs& s = plays.silver;
  const std::vector<parquet::Field> silver_fields = {
      {"artist_id", ColumnType::kString, false},
      {"artist_uri", ColumnType::kString, true},
      {"artist_name", ColumnType::kString, true},
      {"name_only", ColumnType::kBoolean, false},
  };
  const auto silver = SilverColumns(s.artists, "artists", silver_fields);
  const RankedLabels genres = RankArtistGenres(s.artists, s.artist_genres);
  const RankedLabels tags =
      RankTags(s.artists, s.lastfm_artist_tags, "artists", "lastfm_artist_tags", "artist_id");

  // Spotify's attributes of the artist (silver columns enrichment adds; null without them).
  const std::vector<parquet::Field> spotify_fields = {
      {"spotify_id", ColumnType::kString, true},      {"popularity", ColumnType::kInt32, true},
      {"followers", ColumnType::kInt64, true},        {"image_url", ColumnType::kString, true},
      {"metadata_source", ColumnType::kString, true},
  };
  std::vector<const parquet::ColumnVector*> spotify;
  for (const parquet::Field& f : spotify_fields)
    spotify.push_back(OptionalColumn(s.artists, f.name, f.type));

  std::vector<parquet::Field> fields = silver_fields;
  for (const char* name : {"primary_genre", "genres", "top_tag", "lastfm_tags", "combined_genres"})
    fields.push_back({name, ColumnType::kString, true});
  fields.insert(fields.end(), spotify_fields.begin(), spotify_fields.end());
  parquet::Schema schema(std::move(fields));
  parquet::Batch rows(schema);
  rows.Reserve(s.artists.num_rows());
  for (size_t a = 0; a < s.artists.num_rows(); ++a) {
    const int32_t row = int32_t(a);
    size_t c = 0;
    for (const parquet::ColumnVector* column : silver) rows.column(c++).AppendFrom(*column, a);
    tables::AppendText(rows.column(c++), TopName(genres, row));
    tables::AppendText(rows.column(c++), genres.Joined(row));
    tables::AppendText(rows.column(c++), TopName(tags, row));
    tables::AppendText(rows.column(c++), tags.Joined(row));
    tables::AppendText(rows.column(c++), Combined(genres, tags, row));
    for (const parquet::ColumnVector* column : spotify) {
      column ? rows.column(c++).AppendFrom(*column, a) : rows.column(c++).AppendNull();
    }
  }
  return {"dim_artists", schema, {}, {"artist_id"}, tables::SinglePartition(std::move(rows))};
}

}  // namespace uw::gold
