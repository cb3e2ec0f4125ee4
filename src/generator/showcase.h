// Makes every export exercise a rare rule that random listening alone reaches only at large
// sizes: DESIGN §8.3, a name-only account row for a recording the listener played under two URIs.
// Up to two account-only plays near the end switch to such a recording (one to the URI the rule
// will not pick, one to the URI it will). The truth follows the rule and counts both cases.
#pragma once

#include "generator/catalog.h"
#include "generator/play.h"

namespace uw::generator {

// Returns how many plays changed. Deterministic.
int ShowcaseNameResolution(const Catalog& catalog, Timeline& timeline);

}  // namespace uw::generator
