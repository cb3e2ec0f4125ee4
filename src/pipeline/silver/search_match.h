// The rule that turns a track search response into a confident id or none (docs/enrichment.md
// "Search"). PURE: the same inputs give the same decision, so `enrich spotify` records decisions
// with it and silver re-applies it to the search responses in bronze (search_responses.h), so
// silver stays rebuildable from bronze.
//
// The rule, for a wanted (track name, artist name) pair from an account-data export:
//  1. Both names are compared in FoldForMatch form (case folded, Latin diacritics removed,
//     typographic punctuation and whitespace normalised).
//  2. A result is a candidate when its name equals the wanted name and the wanted artist equals
//     its primary artist or any of its artists. When some candidates have the wanted artist as
//     primary artist, only those stay (a feature appearance never beats the artist's own track).
//  3. Only when no result matches that way, names are compared again with one trailing version
//     suffix removed from both sides ("( … )", "[ … ]", " - … Remaster…"; StripVersionSuffix).
//  4. The candidates must be ONE song: exactly one distinct (full folded name, folded artist
//     list). Several ids of that one song (a single and its album, a re-release) are the same
//     recording in different releases: the one on the earliest album release date wins, then
//     the lowest id, and the reason says so. Two or more distinct songs (e.g. "Song" and
//     "Song (Live)" after step 3, or the same title by different primary artists) are
//     ambiguous: no id.
//  5. Anything else (no results, no candidate, an unreadable response) is "no confident match".
// A missing track or artist name is never searched: nothing could be matched confidently.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace uw::silver {

struct SearchDecision {
  std::string track_id;  // the accepted Spotify track id; empty = no confident match
  // Of the accepted result: the id of the artist the wanted artist name matched (its primary
  // artist, unless only a featured artist matched: the play's artist name is that artist's) and
  // its album id. Either may be empty when the response lacks it.
  std::string artist_id, album_id;
  std::string reason;    // one line for people: why this id, or why none
  int result_count = 0;     // track items in the response
  int candidate_count = 0;  // items that matched names (step 2, or step 3 when 2 found none)
  bool accepted() const { return !track_id.empty(); }
};

// Applies the rule to one GET /search?type=track response body.
SearchDecision DecideTrackMatch(std::string_view track_name, std::string_view artist_name,
                                std::string_view search_body);

// The queries to try, in order (formats.md §3.3): `track:"<name>" artist:"<artist>"`, then the
// normalised variant (diacritics removed, version suffix dropped) when it differs. Double quotes
// inside names become spaces, since they would end the quoted field filter. Empty when either
// name is empty.
std::vector<std::string> TrackSearchQueries(std::string_view track_name,
                                            std::string_view artist_name);

// The largest `limit` a development-mode app may ask of /search (formats.md §3.3).
inline constexpr int kSearchLimit = 10;

}  // namespace uw::silver
