// Name resolution by catalogue search (DESIGN §3 "Names": own history first, then search): the
// music plays the listener's own extended and api plays could not resolve take the track the
// match rule accepts on the search responses in bronze (search_responses.h), with that result's
// artist and album ids, as an api play of the track would carry them. Rules:
// docs/silver_rules.md "Names".
#pragma once

#include <vector>

#include "pipeline/silver/play_record.h"
#include "pipeline/silver/resolve_plays.h"
#include "pipeline/silver/search_responses.h"

namespace uw::silver {

// Runs after ResolveNames, on plays sorted by ended_at_ms. Decides once per distinct normalised
// (artist, track) among the unresolved music plays, from the first of their spellings, newest
// first, whose search `enrich` landed (it searched one spelling per name key). Moves the plays it
// resolves from summary.names_unresolved to summary.names_resolved_search.
void ResolveBySearch(std::vector<PlayRecord>& plays, const SearchResponses& responses,
                     ResolveSummary& summary);

}  // namespace uw::silver
