// A warehouse address: `postgresql://user:pass@host:port/db?…` (also `postgres://`) or
// `sqlite:PATH`. Parsing decides the dialect; `display` is the address with every secret
// replaced by *** and is the only form that may appear in messages and logs.
#pragma once

#include <string>
#include <string_view>

namespace uw::warehouse {

enum class Dialect { kPostgres, kSqlite };

struct WarehouseUrl {
  Dialect dialect = Dialect::kSqlite;
  std::string target;    // the libpq connection URI, or the SQLite file path
  std::string display;   // the address with the password redacted
  std::string password;  // empty when none; only for redacting library messages
};

// Throws Error(kUsage) for any other scheme or an empty SQLite path (the message shows the
// redacted address).
WarehouseUrl ParseWarehouseUrl(std::string_view url);

// `url` with the password of user:password@ and any password=… parameter replaced by ***.
std::string RedactUrl(std::string_view url);

// `message` with every occurrence of the URL's password replaced by *** (libraries may echo it).
std::string Redact(const WarehouseUrl& url, std::string message);

}  // namespace uw::warehouse
