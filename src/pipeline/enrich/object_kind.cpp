#include "pipeline/enrich/object_kind.h"

namespace uw::enrich {

std::string_view KindName(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kTracks: return "tracks";
    case ObjectKind::kEpisodes: return "episodes";
    case ObjectKind::kAlbums: return "albums";
    case ObjectKind::kArtists: return "artists";
    case ObjectKind::kShows: return "shows";
  }
  return "";
}

size_t BatchSize(ObjectKind kind) { return kind == ObjectKind::kAlbums ? 20 : 50; }

}  // namespace uw::enrich
