#include "pipeline/enrich/track_search.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "core/lake_paths.h"
#include "http/form.h"
#include "http/stop_run.h"
#include "pipeline/silver/search_match.h"

namespace uw::enrich {
namespace {

using silver::DecideTrackMatch;
using silver::SearchDecision;
using silver::TrackSearchQueries;

void Apply(const SearchDecision& decision, SearchRecord& record) {
  record.result_count = decision.result_count;
  record.candidate_count = decision.candidate_count;
  record.track_id = decision.track_id;
  record.reason = decision.reason;
}

// The response to `query`: from bronze when an earlier run landed it, else from the API (landed
// before use). nullopt after a 400 (the reason is set on `record`).
std::optional<std::string> Response(storage::ObjectStore& lake, const ApiGet& get,
                                    const std::string& query, SearchRecord& record) {
  const std::string key = lake::BronzeSpotifySearch(query);
  if (lake.Exists(key)) return lake.Get(key);
  const http::Response response = get(TrackSearchPath(query));
  if (response.status == 200) {
    lake.PutIfAbsent(key, response.body);
    return response.body;
  }
  if (response.status == 403) {
    throw AccessRefused(
        "Spotify refused the search (HTTP 403): the app may not use /search, or your account is "
        "not on the app's user list (development mode allows 5 users; add yours in the Spotify "
        "developer dashboard)");
  }
  if (response.status == 400) {
    record.reason = "the API refused the query (HTTP 400)";
    return std::nullopt;
  }
  throw http::RequestFailed(response.status, 1,
                            fmt::format("search answered HTTP {} for query {}", response.status, query));
}

}  // namespace

std::string TrackSearchPath(std::string_view query) {
  return http::WithQuery("/search", {{"q", std::string(query)}, {"type", "track"},
                                     {"limit", std::to_string(silver::kSearchLimit)}});
}

SearchRecord SearchTrack(storage::ObjectStore& lake, const ApiGet& get, const NameOnlyTrack& track,
                         int64_t now_ms) {
  SearchRecord record{track.track_name, track.artist_name, {}, 0, 0, "", "", now_ms};
  const std::vector<std::string> queries = TrackSearchQueries(track.track_name, track.artist_name);
  if (queries.empty()) {
    record.reason = "not searched: no track or artist name";
    return record;
  }
  for (const std::string& query : queries) {
    record.queries.push_back(query);
    const std::optional<std::string> body = Response(lake, get, query, record);
    if (!body) return record;
    Apply(DecideTrackMatch(track.track_name, track.artist_name, *body), record);
    if (!record.track_id.empty()) break;
  }
  return record;
}

}  // namespace uw::enrich
