#include "pipeline/silver/search_responses.h"

#include "core/lake_paths.h"

namespace uw::silver {

SearchResponses SearchResponses::List(const storage::ObjectStore& lake) {
  std::set<std::string> keys;
  for (const storage::ObjectInfo& object : lake.List(lake::kBronzeSpotifySearchPrefix))
    keys.insert(object.key);
  return SearchResponses(lake, std::move(keys));
}

SearchResponses SearchResponses::Among(const storage::ObjectStore& lake,
                                       const std::map<std::string, uint64_t>& inputs) {
  const std::string prefix(lake::kBronzeSpotifySearchPrefix);
  std::set<std::string> keys;
  for (auto it = inputs.lower_bound(prefix); it != inputs.end() && it->first.starts_with(prefix); ++it)
    keys.insert(keys.end(), it->first);
  return SearchResponses(lake, std::move(keys));
}

std::optional<std::string> SearchResponses::Body(std::string_view query) const {
  const std::string key = lake::BronzeSpotifySearch(query);
  if (lake_ == nullptr || !keys_.contains(key)) return std::nullopt;
  return lake_->Get(key);
}

std::optional<BronzeSearchDecision> DecideFromBronze(const SearchResponses& responses,
                                                     std::string_view track_name,
                                                     std::string_view artist_name) {
  std::optional<BronzeSearchDecision> out;
  for (const std::string& query : TrackSearchQueries(track_name, artist_name)) {
    const std::optional<std::string> body = responses.Body(query);
    if (!body) break;
    if (!out) out.emplace();
    out->queries.push_back(query);
    out->decision = DecideTrackMatch(track_name, artist_name, *body);
    if (out->decision.accepted()) break;
  }
  return out;
}

}  // namespace uw::silver
