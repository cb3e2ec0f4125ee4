#include "pipeline/tables/silver_columns.h"

namespace uw::tables {

using parquet::ColumnType;
using parquet::Field;

std::vector<Field> SilverEventTimeFields() {
  return {
      {"event_id", ColumnType::kString, false},
      {"ended_at", ColumnType::kTimestamp, false},
      {"started_at", ColumnType::kTimestamp, false},
      {"ms_played", ColumnType::kInt64, false},
      {"ms_played_estimated", ColumnType::kBoolean, false},
  };
}

std::vector<Field> SilverEventContextFields() {
  return {
      {"platform", ColumnType::kString, true},      {"platform_raw", ColumnType::kString, true},
      {"conn_country", ColumnType::kString, true},  {"reason_start", ColumnType::kString, true},
      {"reason_end", ColumnType::kString, true},    {"shuffle", ColumnType::kBoolean, true},
      {"skipped", ColumnType::kBoolean, true},      {"is_skip", ColumnType::kBoolean, false},
      {"is_stream", ColumnType::kBoolean, false},   {"offline", ColumnType::kBoolean, true},
      {"offline_at", ColumnType::kTimestamp, true}, {"incognito_mode", ColumnType::kBoolean, false},
      {"source", ColumnType::kString, false},       {"sources", ColumnType::kString, false},
  };
}

std::vector<Field> SilverListeningIdentityFields() {
  return {
      {"track_id", ColumnType::kString, false},   {"track_uri", ColumnType::kString, true},
      {"track_name", ColumnType::kString, true},  {"artist_id", ColumnType::kString, true},
      {"artist_name", ColumnType::kString, true}, {"album_id", ColumnType::kString, true},
      {"album_name", ColumnType::kString, true},  {"context_type", ColumnType::kString, true},
      {"context_uri", ColumnType::kString, true},
  };
}

std::vector<Field> SilverPodcastIdentityFields() {
  return {
      {"content_type", ColumnType::kString, false}, {"episode_id", ColumnType::kString, false},
      {"episode_uri", ColumnType::kString, true},   {"episode_name", ColumnType::kString, true},
      {"show_id", ColumnType::kString, true},       {"show_name", ColumnType::kString, true},
      {"audiobook_uri", ColumnType::kString, true}, {"audiobook_title", ColumnType::kString, true},
      {"chapter_uri", ColumnType::kString, true},   {"chapter_title", ColumnType::kString, true},
      {"author_name", ColumnType::kString, true},
  };
}

std::vector<Field> SilverTrackPlayFields() {
  return {
      {"track_id", ColumnType::kString, false},
      {"track_uri", ColumnType::kString, true},
      {"track_name", ColumnType::kString, true},
      {"artist_id", ColumnType::kString, true},
      {"artist_name", ColumnType::kString, true},
      {"album_id", ColumnType::kString, true},
      {"album_name", ColumnType::kString, true},
      {"duration_ms", ColumnType::kInt64, true},
      {"name_only", ColumnType::kBoolean, false},
      {"first_played_at", ColumnType::kTimestamp, false},
      {"last_played_at", ColumnType::kTimestamp, false},
  };
}

}  // namespace uw::tables
