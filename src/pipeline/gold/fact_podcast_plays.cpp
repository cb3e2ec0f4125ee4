// gold.fact_podcast_plays: one row per silver podcast_events row (episodes, audiobook chapters,
// video podcasts) with its local time, the counting flag and what silver's episodes and shows
// know of it (docs/lake.md). Keyed by event_id, partitioned year=/month= by UTC ended_at, rows
// in (ended_at, event_id) order, a month built column by column as fact_plays is.
#include <memory>
#include <span>

#include "core/civil_time.h"
#include "pipeline/gold/gold_tables.h"
#include "pipeline/gold/local_time.h"
#include "pipeline/gold/month_runs.h"
#include "pipeline/gold/silver_access.h"
#include "pipeline/tables/silver_columns.h"

namespace uw::gold {
namespace {

using parquet::ColumnType;
using parquet::Field;

constexpr std::string_view kTable = "podcast_events";

std::vector<Field> SilverFields() {
  std::vector<Field> fields = tables::SilverEventTimeFields();
  for (std::vector<Field> part :
       {tables::SilverPodcastIdentityFields(), tables::SilverEventContextFields()})
    fields.insert(fields.end(), part.begin(), part.end());
  return fields;
}

// What the play's episode and show rows in silver say (columns enrichment adds; null without
// them, or without the rows): gold column, silver table, silver column.
struct PodcastAttribute {
  parquet::Field field;
  bool of_show;
  std::string_view silver_name;
};

const std::vector<PodcastAttribute>& PodcastAttributes() {
  static const std::vector<PodcastAttribute> attributes = {
      {{"episode_duration_ms", ColumnType::kInt64, true}, false, "duration_ms"},
      {{"episode_release_date", ColumnType::kString, true}, false, "release_date"},
      {{"episode_explicit", ColumnType::kBoolean, true}, false, "explicit"},
      {{"episode_metadata_source", ColumnType::kString, true}, false, "metadata_source"},
      {{"show_publisher", ColumnType::kString, true}, true, "publisher"},
      {{"show_media_type", ColumnType::kString, true}, true, "media_type"},
      {{"show_metadata_source", ColumnType::kString, true}, true, "metadata_source"},
  };
  return attributes;
}

// Row of `index` for each event's `ids` value; -1 for a null id or one the dimension lacks.
std::vector<int32_t> JoinRows(const parquet::ColumnVector& ids, const parquet::Batch& dimension,
                              std::string_view key) {
  std::vector<int32_t> rows(ids.size(), -1);
  const auto column = dimension.schema().IndexOf(key);
  if (!column || dimension.num_rows() == 0) return rows;
  return RowIndex(dimension.column(*column)).FindAll(ids);
}

}  // namespace

std::vector<std::string> FactPodcastPlaysSilverColumns() {
  std::vector<std::string> names;
  for (const Field& field : SilverFields()) names.push_back(field.name);
  return names;
}

tables::StreamedTable FactPodcastPlaysStream(const parquet::Batch& podcast_events,
                                             const GoldOptions& options,
                                             const SilverInputs* dimensions) {
  // The sorted rows, their local times and joins live as long as the stream's appender.
  struct Rows {
    explicit Rows(parquet::Batch sorted) : events(std::move(sorted)) {}
    parquet::Batch events;
    std::vector<const parquet::ColumnVector*> silver;
    LocalTimes local;
    LabelCodes zones{{}};
    const parquet::ColumnVector* incognito = nullptr;
    std::vector<int32_t> episode_row, show_row;
    std::vector<const parquet::ColumnVector*> attributes;  // per PodcastAttributes(), or null
  };
  const std::vector<Field> silver_fields = SilverFields();
  const auto rows = std::make_shared<Rows>(SortByEndThenId(podcast_events, kTable));
  rows->silver = SilverColumns(rows->events, kTable, silver_fields);
  rows->local = ComputeLocalTimes(
      *rows->silver[1], &SilverColumn(rows->events, kTable, "conn_country", ColumnType::kString),
      options);
  rows->zones = LabelCodes(rows->local.zone_names);
  rows->incognito = &SilverColumn(rows->events, kTable, "incognito_mode", ColumnType::kBoolean);
  const auto ended = rows->silver[1]->int64s();
  const auto ms_played = rows->silver[3]->int64s();
  const size_t count = rows->events.num_rows();
  rows->episode_row.assign(count, -1);
  rows->show_row.assign(count, -1);
  if (dimensions != nullptr) {
    rows->episode_row =
        JoinRows(SilverColumn(rows->events, kTable, "episode_id", ColumnType::kString),
                 dimensions->episodes, "episode_id");
    rows->show_row = JoinRows(SilverColumn(rows->events, kTable, "show_id", ColumnType::kString),
                              dimensions->shows, "show_id");
  }
  for (const PodcastAttribute& a : PodcastAttributes()) {
    rows->attributes.push_back(
        dimensions == nullptr ? nullptr
                              : OptionalColumn(a.of_show ? dimensions->shows : dimensions->episodes,
                                               a.silver_name, a.field.type));
  }

  std::vector<Field> fields = silver_fields;
  for (Field& f : LocalTimeFields()) fields.push_back(std::move(f));
  fields.push_back({"counted", ColumnType::kBoolean, false});
  for (const PodcastAttribute& a : PodcastAttributes()) fields.push_back(a.field);
  tables::LakeTable shape;
  shape.name = "fact_podcast_plays";
  shape.schema = parquet::Schema(std::move(fields));
  shape.partition_columns = {"year", "month"};
  shape.key = {"event_id"};
  const std::vector<MonthRun> runs =
      MonthRuns(count, [&](size_t i) { return core::FloorDiv(ended[i], 1000); });
  parquet::Schema schema = shape.schema;
  return StreamMonthRuns(
      std::move(shape), runs,
      [rows, ended, ms_played, schema = std::move(schema)](size_t begin, size_t end) {
        const size_t n = end - begin;
        const auto span = [&](const auto& values) { return std::span(values).subspan(begin, n); };
        parquet::Batch out(schema);
        out.Reserve(n);
        size_t c = 0;
        for (const parquet::ColumnVector* column : rows->silver)
          out.column(c++).AppendRange(*column, begin, end);
        const LocalTimes& local = rows->local;
        c = AppendLocalTimes(out, c, ended.subspan(begin, n), span(local.offset_s),
                             span(local.zone_index), rows->zones);
        parquet::ColumnVector& counted = out.column(c++);
        for (size_t i = begin; i < end; ++i)
          counted.AppendBool(ms_played[i] > 0 && !rows->incognito->GetBool(i));
        for (size_t a = 0; a < rows->attributes.size(); ++a) {
          const parquet::ColumnVector* from = rows->attributes[a];
          const auto joined =
              span(PodcastAttributes()[a].of_show ? rows->show_row : rows->episode_row);
          if (from == nullptr) {
            out.column(c++).AppendNulls(n);
          } else {
            out.column(c++).AppendGather(*from, joined);
          }
        }
        return out;
      });
}

tables::LakeTable FactPodcastPlaysTable(const parquet::Batch& podcast_events,
                                        const GoldOptions& options,
                                        const SilverInputs* dimensions) {
  return tables::Materialize(FactPodcastPlaysStream(podcast_events, options, dimensions));
}

}  // namespace uw::gold
