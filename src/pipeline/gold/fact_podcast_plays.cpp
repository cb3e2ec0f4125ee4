// gold.fact_podcast_plays: one row per silver podcast_events row (episodes, audiobook chapters,
// video podcasts) with its local time and the counting flag (docs/lake.md). Keyed by event_id,
// partitioned year=/month= by UTC ended_at, rows in (ended_at, event_id) order.
#include "core/civil_time.h"
#include "pipeline/gold/gold_tables.h"
#include "pipeline/gold/local_time.h"
#include "pipeline/gold/silver_access.h"

namespace uw::gold {
namespace {

using parquet::ColumnType;
using parquet::Field;

constexpr std::string_view kTable = "podcast_events";

std::vector<Field> SilverFields() {
  std::vector<Field> fields = {
      {"event_id", ColumnType::kString, false},
      {"ended_at", ColumnType::kTimestamp, false},
      {"started_at", ColumnType::kTimestamp, false},
      {"ms_played", ColumnType::kInt64, false},
      {"ms_played_estimated", ColumnType::kBoolean, false},
      {"content_type", ColumnType::kString, false},
      {"episode_id", ColumnType::kString, false},
  };
  for (const char* name :
       {"episode_uri", "episode_name", "show_id", "show_name", "audiobook_uri", "audiobook_title",
        "chapter_uri", "chapter_title", "author_name", "platform", "platform_raw", "conn_country",
        "reason_start", "reason_end"}) {
    fields.push_back({name, ColumnType::kString, true});
  }
  fields.insert(fields.end(), {
                                  {"shuffle", ColumnType::kBoolean, true},
                                  {"skipped", ColumnType::kBoolean, true},
                                  {"is_skip", ColumnType::kBoolean, false},
                                  {"is_stream", ColumnType::kBoolean, false},
                                  {"offline", ColumnType::kBoolean, true},
                                  {"offline_at", ColumnType::kTimestamp, true},
                                  {"incognito_mode", ColumnType::kBoolean, false},
                                  {"source", ColumnType::kString, false},
                                  {"sources", ColumnType::kString, false},
                              });
  return fields;
}

}  // namespace

tables::LakeTable FactPodcastPlaysTable(const parquet::Batch& podcast_events,
                                        const GoldOptions& options) {
  const parquet::Batch events = SortByEndThenId(podcast_events, kTable);
  const std::vector<Field> silver_fields = SilverFields();
  const std::vector<const parquet::ColumnVector*> silver =
      SilverColumns(events, kTable, silver_fields);
  const LocalTimes local = ComputeLocalTimes(
      *silver[1], &SilverColumn(events, kTable, "conn_country", ColumnType::kString), options);
  const auto ended = silver[1]->int64s();
  const auto ms_played = silver[3]->int64s();
  const parquet::ColumnVector& incognito =
      SilverColumn(events, kTable, "incognito_mode", ColumnType::kBoolean);

  std::vector<Field> fields = silver_fields;
  for (Field& f : LocalTimeFields()) fields.push_back(std::move(f));
  fields.push_back({"counted", ColumnType::kBoolean, false});
  tables::LakeTable table;
  table.name = "fact_podcast_plays";
  table.schema = parquet::Schema(std::move(fields));
  table.partition_columns = {"year", "month"};
  table.key = {"event_id"};
  table.partitions = tables::BuildMonthPartitions(
      table.schema, events.num_rows(), [&](size_t i) { return core::FloorDiv(ended[i], 1000); },
      [&](parquet::Batch& rows, size_t i) {
        size_t c = 0;
        for (const parquet::ColumnVector* column : silver) rows.column(c++).AppendFrom(*column, i);
        c = AppendLocalTime(rows, c, ended[i], local.offset_s[i],
                            local.zone_names[local.zone_index[i]]);
        rows.column(c).AppendBool(ms_played[i] > 0 && !incognito.GetBool(i));
      });
  return table;
}

}  // namespace uw::gold
