#include "http/form.h"

namespace uw::http {
namespace {

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

void AppendPairs(std::string& out, const Params& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    if (i > 0) out += '&';
    out += UrlEncode(params[i].first);
    out += '=';
    out += UrlEncode(params[i].second);
  }
}

}  // namespace

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

std::string FormBody(const Params& params) {
  std::string out;
  AppendPairs(out, params);
  return out;
}

std::string WithQuery(std::string url, const Params& params) {
  if (params.empty()) return url;
  // A fragment must stay last; the query goes before it.
  std::string fragment;
  if (size_t hash = url.find('#'); hash != std::string::npos) {
    fragment = url.substr(hash);
    url.resize(hash);
  }
  if (url.find('?') == std::string::npos) {
    url += '?';
  } else if (url.back() != '?' && url.back() != '&') {
    url += '&';
  }
  AppendPairs(url, params);
  return url + fragment;
}

}  // namespace uw::http
