// gold.fact_podcast_plays: one row per silver podcast_events row (episodes, audiobook chapters,
// video podcasts) with its local time and the counting flag (docs/lake.md). Keyed by event_id,
// partitioned year=/month= by UTC ended_at, rows in (ended_at, event_id) order.
#include <memory>

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
  std::vector<Field> fields = SilverEventTimeFields();
  fields.push_back({"content_type", ColumnType::kString, false});
  fields.push_back({"episode_id", ColumnType::kString, false});
  for (const char* name : {"episode_uri", "episode_name", "show_id", "show_name", "audiobook_uri",
                           "audiobook_title", "chapter_uri", "chapter_title", "author_name"})
    fields.push_back({name, ColumnType::kString, true});
  for (Field& field : SilverEventContextFields()) fields.push_back(std::move(field));
  return fields;
}

}  // namespace

std::vector<std::string> FactPodcastPlaysSilverColumns() {
  std::vector<std::string> names;
  for (const Field& field : SilverFields()) names.push_back(field.name);
  return names;
}

tables::StreamedTable FactPodcastPlaysStream(const parquet::Batch& podcast_events,
                                             const GoldOptions& options) {
  // The sorted rows and their local times live as long as the stream's appender.
  struct Rows {
    explicit Rows(parquet::Batch sorted) : events(std::move(sorted)) {}
    parquet::Batch events;
    std::vector<const parquet::ColumnVector*> silver;
    LocalTimes local;
    const parquet::ColumnVector* incognito = nullptr;
  };
  const std::vector<Field> silver_fields = SilverFields();
  const auto rows = std::make_shared<Rows>(SortByEndThenId(podcast_events, kTable));
  rows->silver = SilverColumns(rows->events, kTable, silver_fields);
  rows->local = ComputeLocalTimes(
      *rows->silver[1], &SilverColumn(rows->events, kTable, "conn_country", ColumnType::kString),
      options);
  rows->incognito = &SilverColumn(rows->events, kTable, "incognito_mode", ColumnType::kBoolean);
  const auto ended = rows->silver[1]->int64s();
  const auto ms_played = rows->silver[3]->int64s();

  std::vector<Field> fields = silver_fields;
  for (Field& f : LocalTimeFields()) fields.push_back(std::move(f));
  fields.push_back({"counted", ColumnType::kBoolean, false});
  tables::LakeTable shape;
  shape.name = "fact_podcast_plays";
  shape.schema = parquet::Schema(std::move(fields));
  shape.partition_columns = {"year", "month"};
  shape.key = {"event_id"};
  const size_t count = rows->events.num_rows();
  return tables::StreamMonthPartitions(
      std::move(shape), count, [&](size_t i) { return core::FloorDiv(ended[i], 1000); },
      [rows, ended, ms_played](parquet::Batch& out, size_t i) {
        size_t c = 0;
        for (const parquet::ColumnVector* column : rows->silver)
          out.column(c++).AppendFrom(*column, i);
        const LocalTimes& local = rows->local;
        c = AppendLocalTime(out, c, ended[i], local.offset_s[i],
                            local.zone_names[local.zone_index[i]]);
        out.column(c).AppendBool(ms_played[i] > 0 && !rows->incognito->GetBool(i));
      });
}

tables::LakeTable FactPodcastPlaysTable(const parquet::Batch& podcast_events,
                                        const GoldOptions& options) {
  return tables::Materialize(FactPodcastPlaysStream(podcast_events, options));
}

}  // namespace uw::gold
