#include "pipeline/silver/silver_tables.h"

namespace uw::silver {

void ForEachSilverTable(const ResolvedPlays& plays, const std::function<void(LakeTable)>& visit,
                        const std::function<void(const StreamedTable&)>& stream) {
  const Catalog catalog = BuildCatalog(plays);
  visit(TracksTable(catalog));
  visit(TrackArtistsTable(catalog));
  visit(ArtistsTable(catalog));
  visit(AlbumsTable(catalog));
  visit(ShowsTable(catalog));
  visit(EpisodesTable(catalog));
  for (LakeTable& table : EnrichmentTables()) visit(std::move(table));
  stream(ListeningEventsStream(plays, catalog));
  stream(PodcastEventsStream(plays, catalog));
}

std::vector<LakeTable> AllSilverTables(const ResolvedPlays& plays) {
  std::vector<LakeTable> tables;
  ForEachSilverTable(
      plays, [&](LakeTable table) { tables.push_back(std::move(table)); },
      [&](const StreamedTable& table) { tables.push_back(Materialize(table)); });
  return tables;
}

}  // namespace uw::silver
