// Catalogue specs rendered as Web API objects in the real shapes (formats.md §3.2; key order of
// the recorded spotify-web-api-java fixtures). Development mode drops the fields the Feb-2026
// changelog removed for Development-Mode apps. Pure functions; no state.
#pragma once

#include <string>
#include <vector>

#include "fakes/fake_json.h"
#include "fakes/fake_spotify.h"

namespace uw::fakes {

struct RenderOptions {
  std::string api_url;  // hrefs point back at the fake: "http://127.0.0.1:P/v1"
  bool development_mode = false;
};

Json SimplifiedArtistJson(const ArtistRef& artist, const RenderOptions& options);
Json ArtistJson(const ArtistSpec& artist, const RenderOptions& options);
Json SimplifiedAlbumJson(const AlbumSpec& album, const RenderOptions& options);
// The album's tracks page lists `tracks` (the catalogue tracks on it).
Json AlbumJson(const AlbumSpec& album, const std::vector<TrackSpec>& tracks, const RenderOptions& options);
// `requested_id` differs from track.id when the track was relinked (linked_from).
Json TrackJson(const TrackSpec& track, const std::string& requested_id, const RenderOptions& options);
Json SimplifiedShowJson(const ShowSpec& show, const RenderOptions& options);
Json ShowJson(const ShowSpec& show, const std::vector<EpisodeSpec>& episodes, const RenderOptions& options);
Json EpisodeJson(const EpisodeSpec& episode, const RenderOptions& options);

// A paging object {"href","items","limit","next","offset","previous","total"}; next/previous
// are null when "".
struct PageLinks {
  std::string href;
  std::string next;
  std::string previous;
  int limit = 20;
  int offset = 0;
  int64_t total = 0;
};
Json PagingJson(Json items, const PageLinks& links);

// The recently-played "context" object for a URI ("spotify:playlist:ID", the old
// "spotify:user:U:playlist:ID", album, artist, show); null for "".
Json ContextJson(const std::string& uri, const RenderOptions& options);

}  // namespace uw::fakes
