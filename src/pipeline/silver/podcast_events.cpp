// silver.podcast_events: one row per podcast episode, audiobook chapter or video podcast play
// (DESIGN §2, §8.7), keyed by event_id, partitioned by the UTC year and month of ended_at.
#include "pipeline/silver/event_columns.h"
#include "pipeline/silver/silver_tables.h"

namespace uw::silver {

SilverTable PodcastEventsTable(const ResolvedPlays& plays, const Catalog& catalog) {
  using parquet::ColumnType;
  std::vector<parquet::Field> fields = EventTimeFields();
  for (parquet::Field f : std::vector<parquet::Field>{
           {"content_type", ColumnType::kString, false},
           {"episode_id", ColumnType::kString, false},
           {"episode_uri", ColumnType::kString, true},
           {"episode_name", ColumnType::kString, true},
           {"show_id", ColumnType::kString, true},
           {"show_name", ColumnType::kString, true},
           {"audiobook_uri", ColumnType::kString, true},
           {"audiobook_title", ColumnType::kString, true},
           {"chapter_uri", ColumnType::kString, true},
           {"chapter_title", ColumnType::kString, true},
           {"author_name", ColumnType::kString, true},
       }) {
    fields.push_back(std::move(f));
  }
  for (parquet::Field f : EventContextFields()) fields.push_back(std::move(f));
  parquet::Schema schema(std::move(fields));

  const auto& list = plays.podcast;
  auto partitions = BuildMonthPartitions(
      schema, list.size(), [&](size_t i) { return list[i].ended_at_ms; },
      [&](parquet::Batch& rows, size_t i) {
        const PlayRecord& p = plays.podcast[i];
        const PlayIds& ids = catalog.podcast_ids[i];
        size_t c = AppendEventTime(rows, 0, p);
        rows.column(c++).AppendString(ContentName(p.content));
        rows.column(c++).AppendString(ids.track_id);
        AppendText(rows.column(c++), p.content == Content::kAudiobook
                                         ? std::string_view{}
                                         : std::string_view(p.resolved_uri));
        AppendText(rows.column(c++), p.episode_name);
        AppendText(rows.column(c++), ids.artist_id);
        AppendText(rows.column(c++), p.show_name);
        AppendText(rows.column(c++), p.audiobook_uri);
        AppendText(rows.column(c++), p.audiobook_title);
        AppendText(rows.column(c++), p.content == Content::kAudiobook
                                         ? std::string_view(p.resolved_uri)
                                         : std::string_view{});
        AppendText(rows.column(c++), p.chapter_title);
        AppendText(rows.column(c++), p.author_name);
        AppendEventContext(rows, c, p);
      });
  SilverTable table;
  table.name = "podcast_events";
  table.schema = schema;
  table.partition_columns = {"year", "month"};
  table.key = {"event_id"};
  table.partitions = std::move(partitions);
  return table;
}

}  // namespace uw::silver
