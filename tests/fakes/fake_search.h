// The fake's reading of a /v1/search `q` (formats.md §3.3): field filters track:, artist:,
// album:, isrc:, year: (YYYY or YYYY-YYYY), quoted or single words, and bare text. Matching is
// deliberately simple and predictable — case-insensitive (ASCII) exact equality on each field
// given — because the test controls the catalogue; real search is fuzzy.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fakes/fake_spotify.h"

namespace uw::fakes {

struct SearchQuery {
  std::string text;  // bare words joined by one space; "" = none
  std::optional<std::string> track;
  std::optional<std::string> artist;
  std::optional<std::string> album;
  std::optional<std::string> isrc;
  std::optional<std::pair<int, int>> years;  // inclusive
};

SearchQuery ParseSearchQuery(std::string_view q);

// Every given filter matches (bare text: the track, an artist or the album is named so).
// A query with no filters and no text matches nothing.
bool MatchesTrack(const SearchQuery& query, const TrackSpec& track);
// For type=artist: artist: filter or bare text equals the artist's name.
bool MatchesArtist(const SearchQuery& query, const ArtistSpec& artist);

}  // namespace uw::fakes
