#include "fakes/fake_url.h"

#include <cctype>

#include <fmt/format.h>

namespace uw::fakes {

std::string UrlEncode(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

std::string WithParam(std::string url, std::string_view key, std::string_view value) {
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += key;
  url += '=';
  url += UrlEncode(value);
  return url;
}

}  // namespace uw::fakes
