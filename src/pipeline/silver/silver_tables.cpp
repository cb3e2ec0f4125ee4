#include "pipeline/silver/silver_tables.h"

#include <malloc.h>

#include "pipeline/silver/catalog_progress.h"
#include "pipeline/silver/parallel_ranges.h"

namespace uw::silver {

namespace {

// Kinds of catalog entries, each read by some of the dimension tables.
enum class Entries { kTracks, kArtists, kAlbums, kShows, kEpisodes };

// The dimension tables in publishing order, each handed to `visit` before the next is built but
// after the last table reading a kind of entries is built, when `used_up` is told so.
void VisitDimensionTables(const Catalog& catalog, const std::function<void(LakeTable)>& visit,
                          const std::function<void(Entries)>& used_up) {
  LakeTable tracks = TracksTable(catalog);
  LakeTable track_artists = TrackArtistsTable(catalog);
  used_up(Entries::kTracks);
  visit(std::move(tracks));
  visit(std::move(track_artists));
  visit(ArtistsTable(catalog));
  LakeTable albums = AlbumsTable(catalog);
  used_up(Entries::kAlbums);
  visit(std::move(albums));
  LakeTable shows = ShowsTable(catalog);
  used_up(Entries::kShows);
  visit(std::move(shows));
  LakeTable episodes = EpisodesTable(catalog);
  used_up(Entries::kEpisodes);
  visit(std::move(episodes));
  std::vector<LakeTable> enrichment = EnrichmentTables(catalog);
  used_up(Entries::kArtists);
  for (LakeTable& table : enrichment) visit(std::move(table));
}

}  // namespace

void ForEachDimensionTable(const Catalog& catalog, const std::function<void(LakeTable)>& visit) {
  VisitDimensionTables(catalog, visit, [](Entries) {});
}

namespace {

// The catalogue, then the dimensions, each handed to `visit` and dropped in turn; returns what
// the catalogue responses filled.
EnrichmentCounts BuildDimensions(const ResolvedPlays& plays, const SpotifyObjects& objects,
                                 Catalog& catalog, CatalogProgress& progress,
                                 const std::function<void(LakeTable)>& visit) {
  try {
    BuildCatalogInto(plays, catalog, progress);
  } catch (...) {
    progress.Failed();  // the facts waiting for ids stop
    throw;
  }
  // What this thread frees, malloc keeps for this thread, and the facts, built on the other
  // threads meanwhile, would not reuse it: it goes back to the system where this thread frees
  // the most (the catalogue pass's lookups, the track entries, the rest).
  malloc_trim(0);
  const EnrichmentCounts counts = ApplySpotifyObjects(catalog, objects);
  // Each kind of entry goes as soon as its tables are built.
  VisitDimensionTables(catalog, visit, [&](Entries used_up) {
    switch (used_up) {
      case Entries::kTracks:
        catalog.tracks = {};
        malloc_trim(0);
        break;
      case Entries::kArtists:
        catalog.artists = {};
        break;
      case Entries::kAlbums:
        catalog.albums = {};
        break;
      case Entries::kShows:
        catalog.shows = {};
        break;
      case Entries::kEpisodes:
        catalog.episodes = {};
        break;
    }
  });
  malloc_trim(0);
  return counts;
}

}  // namespace

EnrichmentCounts ForEachSilverTable(const ResolvedPlays& plays, const SpotifyObjects& objects,
                                    const std::function<void(LakeTable)>& visit,
                                    const std::function<void(const StreamedTable&)>& stream) {
  // The catalogue pass is serial; the facts need only the play ids it sets, so they are built
  // meanwhile on the other cores, the newest months first as the catalogue sets their ids
  // (catalog_progress.h). The dimensions follow the catalogue on its thread; its entries are
  // dropped long before the end of the facts, the build's peak of memory.
  Catalog catalog;
  CatalogProgress progress;
  EnrichmentCounts counts;
  RunConcurrently(
      [&] {
        StreamedTable listening = ListeningEventsStream(plays, catalog, &progress);
        listening.build_last_first = true;  // the months whose ids are set first
        stream(listening);
        stream(PodcastEventsStream(plays, catalog, &progress));
      },
      [&] { counts = BuildDimensions(plays, objects, catalog, progress, visit); });
  return counts;
}

std::vector<LakeTable> AllSilverTables(const ResolvedPlays& plays) {
  std::vector<LakeTable> tables, facts;
  ForEachSilverTable(
      plays, SpotifyObjects{}, [&](LakeTable table) { tables.push_back(std::move(table)); },
      [&](const StreamedTable& table) { facts.push_back(Materialize(table)); });
  for (LakeTable& table : facts) tables.push_back(std::move(table));
  return tables;
}

}  // namespace uw::silver
