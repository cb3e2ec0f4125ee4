#include "fakes/fake_catalog.h"

#include <algorithm>

#include "core/sha256.h"

namespace uw::fakes {
namespace {

constexpr std::string_view kBase62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

}  // namespace

std::string FakeId(std::string_view seed) {
  // Two hex digits of SHA-256 per character: deterministic, well spread, always base62.
  const std::string hex = core::Sha256Hex(seed);
  std::string id;
  for (size_t i = 0; i < 22; ++i) id += kBase62[std::stoi(hex.substr(i * 2, 2), nullptr, 16) % kBase62.size()];
  return id;
}

bool IsCatalogKind(std::string_view kind) {
  return kind == "tracks" || kind == "artists" || kind == "albums" || kind == "episodes" || kind == "shows";
}

int BatchLimit(std::string_view kind) { return kind == "albums" ? 20 : 50; }

bool IsBase62Id(std::string_view id) {
  return id.size() == 22 &&
         std::all_of(id.begin(), id.end(), [](char c) { return kBase62.find(c) != std::string_view::npos; });
}

template <typename Spec>
void Catalog::Table<Spec>::Put(Spec spec) {
  const std::string id = spec.id;
  if (!by_id.count(id)) order.push_back(id);
  by_id.insert_or_assign(id, std::move(spec));
}

template <typename Spec>
const Spec* Catalog::Table<Spec>::Find(const std::string& id) const {
  const auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : &it->second;
}

void Catalog::Add(TrackSpec track) { tracks_.Put(std::move(track)); }
void Catalog::Add(ArtistSpec artist) { artists_.Put(std::move(artist)); }
void Catalog::Add(AlbumSpec album) { albums_.Put(std::move(album)); }
void Catalog::Add(EpisodeSpec episode) { episodes_.Put(std::move(episode)); }
void Catalog::Add(ShowSpec show) { shows_.Put(std::move(show)); }

const TrackSpec* Catalog::FindTrack(const std::string& id) const {
  if (const TrackSpec* track = tracks_.Find(id)) return track;
  // Track relinking: the old id answers with the new track and a linked_from object.
  for (const auto& [_, track] : tracks_.by_id) {
    if (!track.linked_from_id.empty() && track.linked_from_id == id) return &track;
  }
  return nullptr;
}

std::optional<Json> Catalog::Render(std::string_view kind, const std::string& id,
                                    const RenderOptions& options) const {
  if (kind == "tracks") {
    const TrackSpec* track = FindTrack(id);
    if (track) return TrackJson(*track, id, options);
  } else if (kind == "artists") {
    if (const ArtistSpec* artist = artists_.Find(id)) return ArtistJson(*artist, options);
  } else if (kind == "albums") {
    if (const AlbumSpec* album = albums_.Find(id)) {
      std::vector<TrackSpec> on_album;
      for (const auto& track_id : tracks_.order) {
        const TrackSpec& track = tracks_.by_id.at(track_id);
        if (track.album.id == id) on_album.push_back(track);
      }
      return AlbumJson(*album, on_album, options);
    }
  } else if (kind == "episodes") {
    if (const EpisodeSpec* episode = episodes_.Find(id)) return EpisodeJson(*episode, options);
  } else if (kind == "shows") {
    if (const ShowSpec* show = shows_.Find(id)) {
      std::vector<EpisodeSpec> of_show;
      for (const auto& episode_id : episodes_.order) {
        const EpisodeSpec& episode = episodes_.by_id.at(episode_id);
        if (episode.show.id == id) of_show.push_back(episode);
      }
      return ShowJson(*show, of_show, options);
    }
  }
  return std::nullopt;
}

std::vector<const TrackSpec*> Catalog::SearchTracks(const SearchQuery& query) const {
  std::vector<const TrackSpec*> found;
  for (const auto& id : tracks_.order) {
    const TrackSpec& track = tracks_.by_id.at(id);
    if (MatchesTrack(query, track)) found.push_back(&track);
  }
  return found;
}

std::vector<const ArtistSpec*> Catalog::SearchArtists(const SearchQuery& query) const {
  std::vector<const ArtistSpec*> found;
  for (const auto& id : artists_.order) {
    const ArtistSpec& artist = artists_.by_id.at(id);
    if (MatchesArtist(query, artist)) found.push_back(&artist);
  }
  return found;
}

}  // namespace uw::fakes
