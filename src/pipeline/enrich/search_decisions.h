// _state/spotify/search_decisions.json: one record per name-only track searched, keyed by its
// silver track id (a name key), saying what was asked, what came back and what the match rule
// (silver's search_match.h) decided and why. A record means "searched": each name-only track is
// searched once. The raw responses are in bronze (lake::BronzeSpotifySearch), so the decisions
// can always be re-derived (silver::DecideFromBronze, search_responses.h), and silver applies
// the accepted ones from bronze, never from this file; it is the readable account of them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "storage/object_store.h"

namespace uw::enrich {

struct SearchRecord {
  std::string track_name, artist_name;
  std::vector<std::string> queries;  // the queries asked, in order; the last one decided
  int result_count = 0;
  int candidate_count = 0;
  std::string track_id;  // the accepted id, "" = no confident match
  std::string reason;
  int64_t decided_at_ms = 0;
};

using SearchDecisions = std::map<std::string, SearchRecord>;  // by name key

// The decisions, or none when the file does not exist. Throws Error(kCorrupt) naming the key
// when it cannot be read.
SearchDecisions LoadSearchDecisions(const storage::ObjectStore& lake);
// Writes all decisions with one atomic Put.
void SaveSearchDecisions(storage::ObjectStore& lake, const SearchDecisions& decisions);

std::string SearchDecisionsToJson(const SearchDecisions& decisions);
SearchDecisions SearchDecisionsFromJson(std::string_view json, std::string_view where);

}  // namespace uw::enrich
