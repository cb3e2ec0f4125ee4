// silver.listening_events: one row per real music play after de-duplication (DESIGN §2), keyed
// by event_id, partitioned by the UTC year and month of ended_at.
#include "pipeline/silver/catalog_progress.h"
#include "pipeline/silver/event_columns.h"
#include "pipeline/silver/silver_tables.h"
#include "pipeline/tables/silver_columns.h"

namespace uw::silver {

StreamedTable ListeningEventsStream(const ResolvedPlays& plays, const Catalog& catalog,
                                    const CatalogProgress* progress) {
  const std::vector<parquet::Field> identity = tables::SilverListeningIdentityFields();

  return EventStream("listening_events", identity, plays.music,
                     [&, progress](parquet::Batch& rows, size_t i, size_t c) {
                       if (progress != nullptr) progress->WaitForMusic(i);
                       const PlayRecord& p = plays.music[i];
                       const PlayIds& ids = catalog.music_ids[i];
                       AppendTextValue(rows.column(c++), ids.track_id);
                       AppendText(rows.column(c++), p.resolved_uri);
                       AppendText(rows.column(c++), p.track_name);
                       AppendText(rows.column(c++), ids.artist_id);
                       AppendText(rows.column(c++), p.artist_name);
                       AppendText(rows.column(c++), ids.album_id);
                       AppendText(rows.column(c++), p.album_name);
                       AppendText(rows.column(c++), p.context_type);
                       AppendText(rows.column(c++), p.context_uri);
                     });
}

LakeTable ListeningEventsTable(const ResolvedPlays& plays, const Catalog& catalog) {
  return Materialize(ListeningEventsStream(plays, catalog));
}

}  // namespace uw::silver
