#include "pipeline/enrich/discovered_ids.h"

#include <simdjson.h>

namespace uw::enrich {
namespace {

void AddId(simdjson::dom::element object, ObjectKind kind,
           std::vector<std::pair<ObjectKind, std::string>>& out) {
  std::string_view id;
  if (object.is_object() && !object["id"].get(id) && !id.empty()) out.emplace_back(kind, std::string(id));
}

}  // namespace

std::vector<std::pair<ObjectKind, std::string>> DiscoverIds(ObjectKind kind, std::string_view body) {
  std::vector<std::pair<ObjectKind, std::string>> out;
  if (kind != ObjectKind::kTracks && kind != ObjectKind::kEpisodes) return out;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(body.data(), body.size()).get(root) || !root.is_object()) return out;
  simdjson::dom::element child;
  if (kind == ObjectKind::kEpisodes) {
    if (!root["show"].get(child)) AddId(child, ObjectKind::kShows, out);
    return out;
  }
  if (!root["album"].get(child)) AddId(child, ObjectKind::kAlbums, out);
  simdjson::dom::array artists;
  if (!root["artists"].get(artists)) {
    for (simdjson::dom::element artist : artists) AddId(artist, ObjectKind::kArtists, out);
  }
  return out;
}

}  // namespace uw::enrich
