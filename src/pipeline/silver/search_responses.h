// The track search responses `enrich spotify` landed in bronze (lake::BronzeSpotifySearch), and the
// decision the match rule (search_match.h) gives on them alone: how silver re-derives every search
// decision without the network and without `_state/` (state is derived and may be deleted).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/silver/search_match.h"
#include "storage/object_store.h"

namespace uw::silver {

// Which queries have a response in bronze, from one listing; bodies are read on demand. Holds
// the store, which must outlive it.
class SearchResponses {
 public:
  SearchResponses() = default;  // none
  SearchResponses(const storage::ObjectStore& lake, std::set<std::string> keys)
      : lake_(&lake), keys_(std::move(keys)) {}
  // Lists the search prefix.
  static SearchResponses List(const storage::ObjectStore& lake);
  // The search responses among a listing of bronze (key -> size, build_state.h's inputs).
  static SearchResponses Among(const storage::ObjectStore& lake,
                               const std::map<std::string, uint64_t>& inputs);

  bool empty() const { return keys_.empty(); }
  size_t size() const { return keys_.size(); }
  // The response body to `query`, or nullopt when bronze holds none.
  std::optional<std::string> Body(std::string_view query) const;

 private:
  const storage::ObjectStore* lake_ = nullptr;
  std::set<std::string> keys_;
};

struct BronzeSearchDecision {
  std::vector<std::string> queries;  // the queries whose responses were judged, in order
  SearchDecision decision;           // of the last one: the first accepted, else the last asked
};

// The decision on the responses in bronze, asking the queries of TrackSearchQueries in order
// while a response exists and none was accepted (as `enrich` asked them); nullopt when the first
// query has no response (the names were not searched).
std::optional<BronzeSearchDecision> DecideFromBronze(const SearchResponses& responses,
                                                     std::string_view track_name,
                                                     std::string_view artist_name);

}  // namespace uw::silver
