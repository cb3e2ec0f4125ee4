// What of a URL may be shown: its host for error messages, and the whole URL with secrets
// removed for log lines.
#pragma once

#include <string>
#include <string_view>

namespace uw::http {

// The host (and port, when given) of an absolute URL: "api.spotify.com" from
// "https://user:pw@api.spotify.com/v1/me?x=1". Empty when there is none.
std::string HostOf(std::string_view url);

// `url` with the values of query parameters that may carry secrets (code, access_token,
// refresh_token, client_secret, token, key, sig, signature, password, ...; names compared
// case-insensitively) replaced by "<redacted>", a password in the user info removed likewise,
// then passed through core::Redact for any registered secret left elsewhere.
std::string RedactUrl(std::string_view url);

}  // namespace uw::http
