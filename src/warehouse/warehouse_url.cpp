#include "warehouse/warehouse_url.h"

#include <charconv>
#include <cstdint>

#include "core/error.h"

namespace uw::warehouse {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The password between "user:" and "@" of the authority, as written (percent-encoded).
std::string_view PasswordOf(std::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  const size_t start = scheme_end + 3;
  const size_t end = url.find_first_of("/?", start);
  const std::string_view authority =
      url.substr(start, end == std::string_view::npos ? end : end - start);
  const size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return {};
  const size_t colon = authority.substr(0, at).find(':');
  if (colon == std::string_view::npos) return {};
  return authority.substr(colon + 1, at - colon - 1);
}

std::chrono::seconds ParseLockWait(std::string_view text, const std::string& display) {
  int64_t seconds = -1;
  const char* end = text.data() + text.size();
  const auto parsed = std::from_chars(text.data(), end, seconds);
  if (parsed.ec != std::errc() || parsed.ptr != end || seconds < 0 ||
      seconds > kMaxLockWait.count()) {
    Fail(ErrorCode::kUsage, "warehouse {}: lock_wait must be whole seconds from 0 to {}, not '{}'",
         display, kMaxLockWait.count(), text);
  }
  return std::chrono::seconds(seconds);
}

// Takes lock_wait=SECONDS out of `query` (the text after '?') into `out` and returns the other
// parameters in their order. A SQLite path takes no other parameter (`allow_others` false).
std::string TakeLockWait(std::string_view query, bool allow_others, WarehouseUrl& out) {
  std::string rest;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view item = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (StartsWith(item, "lock_wait=")) {
      out.lock_wait = ParseLockWait(item.substr(10), out.display);
    } else if (!allow_others && !item.empty()) {
      Fail(ErrorCode::kUsage,
           "warehouse {}: unknown parameter '{}': a sqlite: address takes only lock_wait=SECONDS "
           "(a path that contains '?' is written with a '?' after it: sqlite:PATH?)",
           out.display, item.substr(0, item.find('=')));
    } else if (!item.empty()) {
      if (!rest.empty()) rest += '&';
      rest += item;
    }
  }
  return rest;
}

}  // namespace

std::string RedactUrl(std::string_view url) {
  std::string out(url);
  if (const std::string_view pw = PasswordOf(url); !pw.empty()) {
    const size_t pos = static_cast<size_t>(pw.data() - url.data());
    out.replace(pos, pw.size(), "***");
  }
  // Query parameters: password=… up to the next '&'.
  for (size_t pos = out.find("password="); pos != std::string::npos;
       pos = out.find("password=", pos + 1)) {
    const size_t value = pos + 9;
    const size_t end = out.find('&', value);
    out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
  }
  return out;
}

WarehouseUrl ParseWarehouseUrl(std::string_view url) {
  WarehouseUrl out;
  out.display = RedactUrl(url);
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    out.dialect = Dialect::kPostgres;
    const size_t query = url.find('?');
    out.target = std::string(url.substr(0, query));
    if (query != std::string_view::npos) {
      const std::string rest = TakeLockWait(url.substr(query + 1), true, out);
      if (!rest.empty()) out.target += "?" + rest;
    }
    out.password = std::string(PasswordOf(url));
    if (const size_t p = url.find("password="); p != std::string_view::npos) {
      const size_t end = url.find('&', p);
      out.password =
          std::string(url.substr(p + 9, end == std::string_view::npos ? end : end - p - 9));
    }
    return out;
  }
  if (StartsWith(url, "sqlite:")) {
    out.dialect = Dialect::kSqlite;
    std::string_view path = url.substr(7);
    if (StartsWith(path, "//")) path.remove_prefix(2);  // sqlite:///abs/path
    // The last '?': a path may contain '?' (written `sqlite:PATH?`), a parameter value may not.
    if (const size_t query = path.rfind('?'); query != std::string_view::npos) {
      TakeLockWait(path.substr(query + 1), false, out);
      path = path.substr(0, query);
    }
    if (path.empty()) Fail(ErrorCode::kUsage, "warehouse {}: no database file after sqlite:", url);
    out.target = std::string(path);
    return out;
  }
  Fail(ErrorCode::kUsage,
       "warehouse {}: expected postgresql://user:password@host:port/database or sqlite:PATH",
       out.display);
}

std::string Redact(const WarehouseUrl& url, std::string message) {
  if (url.password.empty()) return message;
  for (size_t pos = message.find(url.password); pos != std::string::npos;
       pos = message.find(url.password, pos + 3)) {
    message.replace(pos, url.password.size(), "***");
  }
  return message;
}

}  // namespace uw::warehouse
