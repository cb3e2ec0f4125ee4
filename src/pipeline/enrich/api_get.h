// The one call enrichment makes to the Web API, as a seam: GET `path_and_query` relative to the
// API base ("/tracks/ID", "/search?q=..."). The command binds it to spotify_api::ApiClient (bearer
// token, one refresh on 401) over http::Client, whose contract it keeps: every status but 429 and
// 5xx is returned; throws http::StopRun (rate limit, quota, budget) and http::RequestFailed
// (retries exhausted). Tests bind it to the same stack against the loopback fake.
#pragma once

#include <functional>
#include <string>

#include "http/request.h"

namespace uw::enrich {

using ApiGet = std::function<http::Response(const std::string& path_and_query)>;

}  // namespace uw::enrich

#include "core/error.h"

namespace uw::enrich {

// A 403 on a single lookup or a search: the app may not use the endpoint or the user is not on
// the app's allow-list (development mode, formats.md §3.5). Nothing later in the run can
// succeed, so the run stops with this message.
class AccessRefused : public uw::Error {
 public:
  explicit AccessRefused(const std::string& message) : uw::Error(ErrorCode::kInput, message) {}
};

}  // namespace uw::enrich
