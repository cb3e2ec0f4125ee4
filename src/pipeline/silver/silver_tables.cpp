#include "pipeline/silver/silver_tables.h"

namespace uw::silver {

void ForEachDimensionTable(const Catalog& catalog, const std::function<void(LakeTable)>& visit) {
  visit(TracksTable(catalog));
  visit(TrackArtistsTable(catalog));
  visit(ArtistsTable(catalog));
  visit(AlbumsTable(catalog));
  visit(ShowsTable(catalog));
  visit(EpisodesTable(catalog));
  for (LakeTable& table : EnrichmentTables(catalog)) visit(std::move(table));
}

EnrichmentCounts ForEachSilverTable(const ResolvedPlays& plays, const SpotifyObjects& objects,
                                    const std::function<void(LakeTable)>& visit,
                                    const std::function<void(const StreamedTable&)>& stream) {
  Catalog catalog = BuildCatalog(plays);
  const EnrichmentCounts counts = ApplySpotifyObjects(catalog, objects);
  ForEachDimensionTable(catalog, visit);
  // The facts need only the play ids (interned, not views of the entries): the entries go
  // before the facts stream, whose end is the build's peak of memory.
  catalog.tracks = {};
  catalog.artists = {};
  catalog.albums = {};
  catalog.shows = {};
  catalog.episodes = {};
  stream(ListeningEventsStream(plays, catalog));
  stream(PodcastEventsStream(plays, catalog));
  return counts;
}

std::vector<LakeTable> AllSilverTables(const ResolvedPlays& plays) {
  std::vector<LakeTable> tables;
  ForEachSilverTable(
      plays, SpotifyObjects{}, [&](LakeTable table) { tables.push_back(std::move(table)); },
      [&](const StreamedTable& table) { tables.push_back(Materialize(table)); });
  return tables;
}

}  // namespace uw::silver
