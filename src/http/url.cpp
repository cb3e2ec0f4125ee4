#include "http/url.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/secrets.h"

namespace uw::http {
namespace {

constexpr std::string_view kRedacted = "<redacted>";

// Parameter names whose values are credentials in OAuth (RFC 6749), Spotify's flows, Azure SAS
// URLs and common APIs.
constexpr std::array<std::string_view, 14> kSecretParams = {
    "code",      "access_token", "refresh_token", "id_token",     "client_secret",
    "token",     "key",          "api_key",       "apikey",       "sig",
    "signature", "password",     "secret",        "code_verifier"};

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool IsSecretParam(std::string_view name) {
  std::string lower = Lower(name);
  return std::find(kSecretParams.begin(), kSecretParams.end(), lower) != kSecretParams.end();
}

// The authority's bounds in `url`: after "scheme://" up to the first '/', '?' or '#'.
std::pair<size_t, size_t> AuthorityRange(std::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {url.size(), url.size()};
  size_t begin = scheme_end + 3;
  size_t end = url.find_first_of("/?#", begin);
  return {begin, end == std::string_view::npos ? url.size() : end};
}

std::string RedactUserInfo(std::string_view url) {
  auto [begin, end] = AuthorityRange(url);
  std::string_view authority = url.substr(begin, end - begin);
  size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  size_t colon = authority.find(':');
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, begin + colon + 1)) + std::string(kRedacted) +
         std::string(url.substr(begin + at));
}

std::string RedactQuery(std::string_view url) {
  size_t query = url.find('?');
  if (query == std::string_view::npos) return std::string(url);
  size_t fragment = url.find('#', query);
  if (fragment == std::string_view::npos) fragment = url.size();
  std::string out(url.substr(0, query + 1));
  std::string_view params = url.substr(query + 1, fragment - query - 1);
  while (true) {
    size_t amp = params.find('&');
    std::string_view pair = params.substr(0, amp);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && IsSecretParam(pair.substr(0, eq))) {
      out += pair.substr(0, eq + 1);
      out += kRedacted;
    } else {
      out += pair;
    }
    if (amp == std::string_view::npos) break;
    out += '&';
    params.remove_prefix(amp + 1);
  }
  out += url.substr(fragment);
  return out;
}

}  // namespace

std::string HostOf(std::string_view url) {
  auto [begin, end] = AuthorityRange(url);
  std::string_view authority = url.substr(begin, end - begin);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority.remove_prefix(at + 1);
  return std::string(authority);
}

std::string RedactUrl(std::string_view url) {
  return core::Redact(RedactQuery(RedactUserInfo(url)));
}

}  // namespace uw::http
