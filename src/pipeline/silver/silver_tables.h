// Every silver table of DESIGN §2, one builder per table (each in its own .cpp); the columns,
// keys and lineage are documented in docs/lake.md.
#pragma once

#include <functional>
#include <vector>

#include "pipeline/silver/catalog.h"
#include "pipeline/silver/catalog_enrichment.h"
#include "pipeline/silver/lake_tables.h"
#include "pipeline/silver/resolve_plays.h"

namespace uw::silver {

// Facts, Hive-partitioned year=/month= by the UTC end of the play.
LakeTable ListeningEventsTable(const ResolvedPlays& plays, const Catalog& catalog);
LakeTable PodcastEventsTable(const ResolvedPlays& plays, const Catalog& catalog);
// The same tables built one month at a time (plays and catalog must outlive them). With
// `progress`, the catalog may still be being built (BuildCatalogInto): each row waits for its
// play's ids.
StreamedTable ListeningEventsStream(const ResolvedPlays& plays, const Catalog& catalog,
                                    const CatalogProgress* progress = nullptr);
StreamedTable PodcastEventsStream(const ResolvedPlays& plays, const Catalog& catalog,
                                  const CatalogProgress* progress = nullptr);

// Dimensions learned from the plays (and filled from Spotify catalogue responses by
// ApplySpotifyObjects before they are built).
LakeTable TracksTable(const Catalog& catalog);
LakeTable TrackArtistsTable(const Catalog& catalog);
LakeTable ArtistsTable(const Catalog& catalog);
LakeTable AlbumsTable(const Catalog& catalog);
LakeTable ShowsTable(const Catalog& catalog);
LakeTable EpisodesTable(const Catalog& catalog);

// Enrichment dimensions (artist_genres, audio_features, lastfm_track_tags, lastfm_track_stats,
// lastfm_artist_tags): their schemas, with the rows the catalog's responses give (artist genres)
// and empty otherwise.
std::vector<LakeTable> EnrichmentTables(const Catalog& catalog);

// Every dimension table above, one at a time in publishing order.
void ForEachDimensionTable(const Catalog& catalog, const std::function<void(LakeTable)>& visit);

// Hands every table above to `visit` (the dimensions, small) or `stream` (the facts, built a
// month at a time), each in publishing order (dimensions before facts), building the next of
// each only after the last returned: a caller that publishes and drops each table never holds
// the rows of all tables at once. `visit` is called on a second thread while `stream` is called
// on the caller's, at the same time (each from its one thread only); both have returned when
// this returns. The dimensions are filled from `objects` (catalog_enrichment.h); returns what
// they used.
EnrichmentCounts ForEachSilverTable(const ResolvedPlays& plays, const SpotifyObjects& objects,
                                    const std::function<void(LakeTable)>& visit,
                                    const std::function<void(const StreamedTable&)>& stream);

// All of the above without catalogue responses, in publishing order.
std::vector<LakeTable> AllSilverTables(const ResolvedPlays& plays);

}  // namespace uw::silver
