// Name makers for the synthetic catalogue: artists, albums, tracks, shows, episodes, audiobooks,
// playlists. Names mix plain English with accented Latin, CJK, Hangul, emoji, quotes,
// apostrophes and "feat." credits, because real listening histories do and every consumer must
// carry them through unchanged. Pure functions of the Rng state.
#pragma once

#include <string>

#include "generator/rng.h"

namespace uw::generator::names {

std::string Artist(Rng& rng);
std::string Album(Rng& rng);
// `featured` is the name of a featured artist (already in the catalogue) or empty.
std::string Track(Rng& rng, const std::string& featured);
// Short tracks: intros, interludes, skits (they make back-to-back repeats in one minute).
std::string ShortTrack(Rng& rng);
// A suffix marking another version of a recording (" - Live", " - Remastered 2011"), or "".
std::string VersionSuffix(Rng& rng);
// Disambiguates a name that is already taken ("Heart" -> "Heart II").
std::string Disambiguate(Rng& rng, const std::string& name);

// Episode `number` of a show: the number is part of the name, so names are unique per show.
std::string Episode(Rng& rng, int number, bool german);
std::string Chapter(int number, bool german);
std::string Playlist(Rng& rng);
std::string Person(Rng& rng);

}  // namespace uw::generator::names
