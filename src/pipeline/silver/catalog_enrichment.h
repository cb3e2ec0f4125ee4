// Fills the dimensions of a catalog from the Spotify catalogue responses in bronze
// (spotify_objects.h); the rules are in docs/lake.md "Spotify catalogue". In short:
//   - a played track, episode, artist, album or show with a response gets its fields; the API's
//     track and episode durations are authoritative; names and ids the plays lacked are filled,
//     names and ids the plays gave are never replaced (the fact tables use them);
//   - a row keyed by a name key stands for the Spotify id its played tracks' (episodes')
//     responses give it: artists by their normalised name, albums and shows through the tracks
//     and episodes that use them; several ids: the one most responses give (ties: smallest id);
//   - dimensions stay "entities the listener played": responses of ids nobody played add no
//     rows, except the artists and albums a played track's response names (and the show of a
//     played episode) when no row stands for them yet.
// Deterministic, and the same whether applied to the catalog of the plays or to one read back
// from silver that earlier responses already filled (the incremental builds rely on it).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "pipeline/silver/catalog.h"
#include "pipeline/silver/spotify_objects.h"

namespace uw::silver {

struct EnrichmentCounts {
  std::array<uint64_t, kSpotifyKinds> used{};  // responses that filled a row, per kind
  uint64_t artists_added = 0, albums_added = 0, shows_added = 0;
};

// What a build read from the catalogue responses and what they filled (the build summary).
struct CatalogueSummary {
  std::array<uint64_t, kSpotifyKinds> files{};  // responses read per kind, rejected ones included
  EnrichmentCounts counts;
  std::vector<SpotifyObjects::Rejected> rejected;  // in key order
};

// The rows keep pointers into `objects`, which must outlive the tables built from `catalog`.
EnrichmentCounts ApplySpotifyObjects(Catalog& catalog, const SpotifyObjects& objects);

}  // namespace uw::silver
