// Keeps apart plays that the sources could not tell apart. Real exports contain situations that
// DESIGN §8 settles differently from what happened (two identical account rows with nothing else
// to decide are one play; two extended rows with the same second, track and ms_played are one
// play). The truth must equal what a perfect de-duplicator following §8 outputs, so the generator
// avoids creating them: it nudges ms_played by a few ms or, near the end of the scenario where
// account data and the API overlap without extended rows, swaps the track of a play that would
// otherwise sit within two minutes of another play with the same names. The situations that §8
// does settle (genuine repeats backed by extended rows, same-second plays with different
// ms_played, fall-back-hour rows) are kept and counted by the truth (truth.h).
#pragma once

#include <cstdint>

#include "generator/catalog.h"
#include "generator/play.h"

namespace uw::generator {

struct FixupStats {
  int64_t track_swaps = 0;  // near-end plays whose track changed
  int64_t ms_nudges = 0;    // plays whose ms_played moved by a few ms
  int rounds = 0;
};

// Rewrites `timeline` in place; it stays sorted. Deterministic.
FixupStats ApplyFixups(const Catalog& catalog, Timeline& timeline);

}  // namespace uw::generator
