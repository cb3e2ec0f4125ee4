// Every silver table of DESIGN §2, one builder per table (each in its own .cpp); the columns,
// keys and lineage are documented in docs/lake.md.
#pragma once

#include <vector>

#include "pipeline/silver/catalog.h"
#include "pipeline/silver/resolve_plays.h"
#include "pipeline/silver/lake_tables.h"

namespace uw::silver {

// Facts, Hive-partitioned year=/month= by the UTC end of the play.
LakeTable ListeningEventsTable(const ResolvedPlays& plays, const Catalog& catalog);
LakeTable PodcastEventsTable(const ResolvedPlays& plays, const Catalog& catalog);

// Dimensions learned from the plays.
LakeTable TracksTable(const Catalog& catalog);
LakeTable TrackArtistsTable(const Catalog& catalog);
LakeTable ArtistsTable(const Catalog& catalog);
LakeTable AlbumsTable(const Catalog& catalog);
LakeTable ShowsTable(const Catalog& catalog);
LakeTable EpisodesTable(const Catalog& catalog);

// Enrichment dimensions (artist_genres, audio_features, lastfm_track_tags, lastfm_track_stats,
// lastfm_artist_tags): their schemas, empty until enrichment fills them.
std::vector<LakeTable> EnrichmentTables();

// All of the above, in publishing order (dimensions before facts).
std::vector<LakeTable> AllSilverTables(const ResolvedPlays& plays);

}  // namespace uw::silver
