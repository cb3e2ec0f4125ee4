// URL and form encoding for requests (RFC 3986 §2.3, WHATWG application/x-www-form-urlencoded
// with %20 for space, which every server accepts).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uw::http {

using Params = std::vector<std::pair<std::string, std::string>>;

// Percent-encodes everything except the unreserved characters A-Z a-z 0-9 - . _ ~.
std::string UrlEncode(std::string_view text);

// "k1=v1&k2=v2" with keys and values UrlEncoded, in the given order.
std::string FormBody(const Params& params);

// `url` with `params` appended as a query ('?' or '&' as needed); `url` unchanged when empty.
std::string WithQuery(std::string url, const Params& params);

}  // namespace uw::http
