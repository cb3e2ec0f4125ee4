// Searching the catalogue for one name-only track (an account-data play the listener's own
// history could not resolve) and deciding with silver's match rule (pipeline/silver/
// search_match.h). Each query's raw response lands in bronze (lake::BronzeSpotifySearch) before
// it is used, and a response already there is used instead of asking again, so a run that
// stopped half-way never repeats a request. Silver re-derives the same decision from those
// responses alone (pipeline/silver/search_responses.h) and applies the accepted ones.
#pragma once

#include <cstdint>
#include <string_view>

#include "pipeline/enrich/api_get.h"
#include "pipeline/enrich/enrichment_queue.h"
#include "pipeline/enrich/search_decisions.h"
#include "storage/object_store.h"

namespace uw::enrich {

// GET /search?q=<query>&type=track&limit=10, relative to the API base.
std::string TrackSearchPath(std::string_view query);

// Asks the queries of TrackSearchQueries in order until one gives a confident match and returns
// the decision record (made at `now_ms`). A 400 is recorded as a decision without an id (the API
// refuses the query itself). Throws AccessRefused on 403, http::RequestFailed for any other
// unexpected status (the caller records a failure and tries again later), and lets http::StopRun
// through.
SearchRecord SearchTrack(storage::ObjectStore& lake, const ApiGet& get, const NameOnlyTrack& track,
                         int64_t now_ms);

}  // namespace uw::enrich
