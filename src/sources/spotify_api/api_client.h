// Authorised GET requests to the Spotify Web API: adds the bearer token, and on a 401 refreshes
// the access token once and retries once (tech.md §5). Everything else is the caller's to
// interpret: 200, 404 (unknown id), 403 (development-mode limits), 400. Retries on 5xx and 429
// and the rate-limit stops are http::Client's.
// Not thread safe.
#pragma once

#include <string>
#include <string_view>

#include "http/client.h"
#include "sources/spotify_api/access_tokens.h"

namespace uw::spotify_api {

class ApiClient {
 public:
  // `client` and `tokens` must outlive this object. `api_base_url` e.g.
  // "https://api.spotify.com/v1" (a trailing slash is ignored).
  ApiClient(http::Client& client, AccessTokens& tokens, std::string api_base_url);

  // GETs `path_and_query` below the base URL ("/me/player/recently-played?limit=50"), or an
  // absolute URL the API returned (a `next` link). Throws Error(kInput) for an absolute URL
  // outside the API's origin (the token is never sent elsewhere), and what AccessTokens::Get and
  // http::Client::Send throw.
  http::Response Get(std::string_view path_and_query);

  const std::string& base_url() const { return base_url_; }

 private:
  std::string Url(std::string_view path_and_query) const;
  http::Response Send(const std::string& url);

  http::Client& client_;
  AccessTokens& tokens_;
  std::string base_url_;
  std::string origin_;  // scheme://host[:port] of base_url_
};

}  // namespace uw::spotify_api
