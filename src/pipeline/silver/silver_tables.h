// Every silver table of DESIGN §2, one builder per table (each in its own .cpp); the columns,
// keys and lineage are documented in docs/lake.md.
#pragma once

#include <vector>

#include "pipeline/silver/catalog.h"
#include "pipeline/silver/resolve_plays.h"
#include "pipeline/silver/silver_table.h"

namespace uw::silver {

// Facts, Hive-partitioned year=/month= by the UTC end of the play.
SilverTable ListeningEventsTable(const ResolvedPlays& plays, const Catalog& catalog);
SilverTable PodcastEventsTable(const ResolvedPlays& plays, const Catalog& catalog);

// Dimensions learned from the plays.
SilverTable TracksTable(const Catalog& catalog);
SilverTable TrackArtistsTable(const Catalog& catalog);
SilverTable ArtistsTable(const Catalog& catalog);
SilverTable AlbumsTable(const Catalog& catalog);
SilverTable ShowsTable(const Catalog& catalog);
SilverTable EpisodesTable(const Catalog& catalog);

// Enrichment dimensions (artist_genres, audio_features, lastfm_track_tags, lastfm_track_stats,
// lastfm_artist_tags): their schemas, empty until enrichment fills them.
std::vector<SilverTable> EnrichmentTables();

// All of the above, in publishing order (dimensions before facts).
std::vector<SilverTable> AllSilverTables(const ResolvedPlays& plays);

}  // namespace uw::silver
