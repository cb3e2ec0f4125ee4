// Base64 (RFC 4648 §4) and its URL- and file-name-safe alphabet (§5, no padding). base64url
// names bronze objects by Spotify id and Last.fm key, and carries the PKCE challenge; plain
// base64 is the HTTP Basic credential.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace uw::core {

std::string Base64(std::string_view bytes);     // with '=' padding
std::string Base64Url(std::string_view bytes);  // '-' and '_', no padding
// The bytes of a base64url text (padding tolerated), or nullopt when it is not one.
std::optional<std::string> FromBase64Url(std::string_view text);

}  // namespace uw::core
