#include "sources/spotify_api/api_client.h"

#include <spdlog/spdlog.h>

#include "core/error.h"
#include "http/url.h"

namespace uw::spotify_api {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool IsAbsolute(std::string_view url) {
  return StartsWith(url, "https://") || StartsWith(url, "http://");
}

// "https://api.spotify.com" from "https://api.spotify.com/v1".
std::string OriginOf(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  const auto path = url.find_first_of("/?#", scheme_end + 3);
  return std::string(url.substr(0, path));
}

}  // namespace

ApiClient::ApiClient(http::Client& client, AccessTokens& tokens, std::string api_base_url)
    : client_(client), tokens_(tokens), base_url_(std::move(api_base_url)) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
  origin_ = OriginOf(base_url_);
}

std::string ApiClient::Url(std::string_view path_and_query) const {
  if (IsAbsolute(path_and_query)) {
    // A `next` link must point at the API itself: the bearer token goes nowhere else. The
    // character after the origin must end it, so "https://api.spotify.com.evil" is refused.
    const bool same_origin =
        StartsWith(path_and_query, origin_) &&
        (path_and_query.size() == origin_.size() ||
         std::string_view("/?#").find(path_and_query[origin_.size()]) != std::string_view::npos);
    if (!same_origin) {
      Fail(ErrorCode::kInput, "refusing to send the Spotify token to {}: not the API at {}",
           http::HostOf(path_and_query), http::HostOf(origin_));
    }
    return std::string(path_and_query);
  }
  std::string url = base_url_;
  if (!StartsWith(path_and_query, "/")) url += '/';
  return url + std::string(path_and_query);
}

http::Response ApiClient::Send(const std::string& url) {
  http::Request request;
  request.url = url;
  request.headers.push_back({"Authorization", "Bearer " + tokens_.Get()});
  request.headers.push_back({"Accept", "application/json"});
  return client_.Send(request);
}

http::Response ApiClient::Get(std::string_view path_and_query) {
  const std::string url = Url(path_and_query);
  http::Response response = Send(url);
  if (response.status != 401) return response;
  // The access token expired early or was revoked: one fresh token, one more try. A second 401
  // goes back to the caller rather than looping.
  spdlog::debug("Spotify answered 401; refreshing the access token once");
  tokens_.Invalidate();
  return Send(url);
}

}  // namespace uw::spotify_api
