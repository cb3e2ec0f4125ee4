// The fake's catalogue: the tracks, artists, albums, episodes and shows a test added, in
// insertion order, rendered on request. Not thread-safe; FakeSpotify serialises access.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/fake_json.h"
#include "fakes/fake_objects.h"
#include "fakes/fake_search.h"
#include "fakes/fake_spotify.h"

namespace uw::fakes {

// The catalogue kinds by their URL segment: "tracks", "artists", "albums", "episodes", "shows".
bool IsCatalogKind(std::string_view kind);
// Most ids one batch lookup takes (formats.md §3.2): 20 for albums, 50 otherwise.
int BatchLimit(std::string_view kind);
// A well-formed Spotify id: exactly 22 base62 characters.
bool IsBase62Id(std::string_view id);

class Catalog {
 public:
  void Add(TrackSpec track);
  void Add(ArtistSpec artist);
  void Add(AlbumSpec album);
  void Add(EpisodeSpec episode);
  void Add(ShowSpec show);

  // A track by its id, or by the id it was relinked from; null when unknown.
  const TrackSpec* FindTrack(const std::string& id) const;
  // The full object of `kind` with `id`, or nullopt when there is none.
  std::optional<Json> Render(std::string_view kind, const std::string& id, const RenderOptions& options) const;

  // Matches in insertion order.
  std::vector<const TrackSpec*> SearchTracks(const SearchQuery& query) const;
  std::vector<const ArtistSpec*> SearchArtists(const SearchQuery& query) const;

 private:
  template <typename Spec>
  struct Table {
    std::vector<std::string> order;
    std::map<std::string, Spec> by_id;
    void Put(Spec spec);
    const Spec* Find(const std::string& id) const;
  };

  Table<TrackSpec> tracks_;
  Table<ArtistSpec> artists_;
  Table<AlbumSpec> albums_;
  Table<EpisodeSpec> episodes_;
  Table<ShowSpec> shows_;
};

}  // namespace uw::fakes
