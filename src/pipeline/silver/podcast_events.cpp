// silver.podcast_events: one row per podcast episode, audiobook chapter or video podcast play
// (DESIGN §2, §8.7), keyed by event_id, partitioned by the UTC year and month of ended_at.
#include "pipeline/silver/catalog_progress.h"
#include "pipeline/silver/event_columns.h"
#include "pipeline/silver/silver_tables.h"
#include "pipeline/tables/silver_columns.h"

namespace uw::silver {

StreamedTable PodcastEventsStream(const ResolvedPlays& plays, const Catalog& catalog,
                                  const CatalogProgress* progress) {
  const std::vector<parquet::Field> identity = tables::SilverPodcastIdentityFields();
  return EventStream(
      "podcast_events", identity, plays.podcast,
      [&, progress](parquet::Batch& rows, size_t i, size_t c) {
        if (progress != nullptr) progress->WaitForPodcasts();
        const PlayRecord& p = plays.podcast[i];
        const PlayIds& ids = catalog.podcast_ids[i];
        AppendTextValue(rows.column(c++), ContentText(p.content));
        AppendTextValue(rows.column(c++), ids.track_id);
        AppendText(rows.column(c++), p.content == Content::kAudiobook ? Text() : p.resolved_uri);
        AppendText(rows.column(c++), p.episode_name);
        AppendText(rows.column(c++), ids.artist_id);
        AppendText(rows.column(c++), p.show_name);
        AppendText(rows.column(c++), p.audiobook_uri);
        AppendText(rows.column(c++), p.audiobook_title);
        AppendText(rows.column(c++), p.content == Content::kAudiobook ? p.resolved_uri : Text());
        AppendText(rows.column(c++), p.chapter_title);
        AppendText(rows.column(c++), p.author_name);
      });
}

LakeTable PodcastEventsTable(const ResolvedPlays& plays, const Catalog& catalog) {
  return Materialize(PodcastEventsStream(plays, catalog));
}

}  // namespace uw::silver
