// The Spotify enrichment part of `unwrapped status` (status_enrichment.cpp): per kind the ids
// known, fetched, not found, failed and pending, the name-only searches, and when a run stopped
// by a rate limit may resume. Reads silver, bronze listings and _state/spotify/; sends nothing.
#pragma once

#include <string>

#include "storage/object_store.h"

namespace uw::cli {

// A text section (starting with a blank line), or the value of a "spotify_enrichment" JSON
// member. Never throws for a lake without silver: it says so instead.
std::string EnrichmentStatusText(const storage::ObjectStore& lake);
std::string EnrichmentStatusJson(const storage::ObjectStore& lake);

}  // namespace uw::cli
