// silver.listening_events: one row per real music play after de-duplication (DESIGN §2), keyed
// by event_id, partitioned by the UTC year and month of ended_at.
#include "pipeline/silver/event_columns.h"
#include "pipeline/silver/silver_tables.h"

namespace uw::silver {

SilverTable ListeningEventsTable(const ResolvedPlays& plays, const Catalog& catalog) {
  using parquet::ColumnType;
  std::vector<parquet::Field> fields = EventTimeFields();
  for (parquet::Field f : std::vector<parquet::Field>{
           {"track_id", ColumnType::kString, false},
           {"track_uri", ColumnType::kString, true},
           {"track_name", ColumnType::kString, true},
           {"artist_id", ColumnType::kString, true},
           {"artist_name", ColumnType::kString, true},
           {"album_id", ColumnType::kString, true},
           {"album_name", ColumnType::kString, true},
           {"context_type", ColumnType::kString, true},
           {"context_uri", ColumnType::kString, true},
       }) {
    fields.push_back(std::move(f));
  }
  for (parquet::Field f : EventContextFields()) fields.push_back(std::move(f));
  parquet::Schema schema(std::move(fields));

  const auto& list = plays.music;
  auto partitions = BuildMonthPartitions(
      schema, list.size(), [&](size_t i) { return list[i].ended_at_ms; },
      [&](parquet::Batch& rows, size_t i) {
        const PlayRecord& p = plays.music[i];
        const PlayIds& ids = catalog.music_ids[i];
        size_t c = AppendEventTime(rows, 0, p);
        rows.column(c++).AppendString(ids.track_id);
        AppendText(rows.column(c++), p.resolved_uri);
        AppendText(rows.column(c++), p.track_name);
        AppendText(rows.column(c++), ids.artist_id);
        AppendText(rows.column(c++), p.artist_name);
        AppendText(rows.column(c++), ids.album_id);
        AppendText(rows.column(c++), p.album_name);
        AppendText(rows.column(c++), p.context_type);
        AppendText(rows.column(c++), p.context_uri);
        AppendEventContext(rows, c, p);
      });
  SilverTable table;
  table.name = "listening_events";
  table.schema = schema;
  table.partition_columns = {"year", "month"};
  table.key = {"event_id"};
  table.partitions = std::move(partitions);
  return table;
}

}  // namespace uw::silver
