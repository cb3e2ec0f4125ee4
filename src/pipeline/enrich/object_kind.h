// The five catalogue kinds `enrich spotify` fetches, in the order a run processes them: tracks
// and episodes first, because their responses name the albums, artists and shows that follow.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace uw::enrich {

enum class ObjectKind { kTracks, kEpisodes, kAlbums, kArtists, kShows };

inline constexpr std::array<ObjectKind, 5> kAllKinds = {
    ObjectKind::kTracks, ObjectKind::kEpisodes, ObjectKind::kAlbums, ObjectKind::kArtists,
    ObjectKind::kShows};

// "tracks", "episodes", "albums", "artists", "shows": the Web API path segment, the batch
// response key and the bronze folder (lake::BronzeSpotifyObject) all use this plural.
std::string_view KindName(ObjectKind kind);

// Ids per request of the batch endpoint (formats.md §3.2): 20 for albums, 50 otherwise.
size_t BatchSize(ObjectKind kind);

}  // namespace uw::enrich
