// Text normalisation for matching catalogue search results to the names an account-data export
// gives (docs/enrichment.md "Search"). Pure functions on UTF-8; invalid bytes pass through.
#pragma once

#include <string>
#include <string_view>

namespace uw::silver {

// The comparison form of a name: Latin letters without diacritics (é -> e, ß -> ss, Œ -> oe;
// Latin-1 Supplement, Latin Extended-A and combining marks), ASCII case folded, typographic
// quotes and dashes as their ASCII forms, runs of whitespace as one space, no leading or
// trailing space. Other scripts are kept as they are.
std::string FoldForMatch(std::string_view text);

// `text` with Latin diacritics removed but case and everything else kept: the spelling used for
// the variant search query (your_spotify retries without diacritics, formats.md §3.3).
std::string StripDiacritics(std::string_view text);

// `name` without one trailing version suffix: " ( … )", " [ … ]", or " - … " when the part after
// the dash mentions "remaster" (any case). Repeats while a suffix is found, so
// "Song (Live) [2011 Remaster]" becomes "Song". Never returns an empty string: a name that is
// all suffix comes back unchanged.
std::string StripVersionSuffix(std::string_view name);

}  // namespace uw::silver
