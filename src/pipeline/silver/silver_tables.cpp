#include "pipeline/silver/silver_tables.h"

namespace uw::silver {

std::vector<LakeTable> AllSilverTables(const ResolvedPlays& plays) {
  const Catalog catalog = BuildCatalog(plays);
  std::vector<LakeTable> tables;
  tables.push_back(TracksTable(catalog));
  tables.push_back(TrackArtistsTable(catalog));
  tables.push_back(ArtistsTable(catalog));
  tables.push_back(AlbumsTable(catalog));
  tables.push_back(ShowsTable(catalog));
  tables.push_back(EpisodesTable(catalog));
  for (LakeTable& table : EnrichmentTables()) tables.push_back(std::move(table));
  tables.push_back(ListeningEventsTable(plays, catalog));
  tables.push_back(PodcastEventsTable(plays, catalog));
  return tables;
}

}  // namespace uw::silver
