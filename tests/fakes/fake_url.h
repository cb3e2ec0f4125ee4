// URL helpers of the fake: percent-encoding for the links and redirects it writes.
#pragma once

#include <string>
#include <string_view>

namespace uw::fakes {

// RFC 3986 percent-encoding of everything but unreserved characters (space becomes %20).
std::string UrlEncode(std::string_view text);

// `url` with "key=value" (value encoded) appended as a query parameter.
std::string WithParam(std::string url, std::string_view key, std::string_view value);

}  // namespace uw::fakes
