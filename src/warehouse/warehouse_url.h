// A warehouse address: `postgresql://user:pass@host:port/db?…` (also `postgres://`) or
// `sqlite:PATH`, either with `lock_wait=SECONDS` among its parameters (`sqlite:PATH?lock_wait=5`).
// A sqlite: address's parameters start at its LAST '?', so a path that itself contains '?' is
// written with a '?' after it: `sqlite:/data/what?.db?` or `sqlite:/data/what?.db?lock_wait=5`
// (without it, `.db` would be read as an unknown parameter, which is an error, never a guess).
// Parsing decides the dialect; `display` is the address with every secret replaced by *** and is
// the only form that may appear in messages and logs.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace uw::warehouse {

enum class Dialect { kPostgres, kSqlite };

// lock_wait's default: an hourly load waits out a manual one, a hung one is reported in time.
inline constexpr std::chrono::seconds kDefaultLockWait{60};
inline constexpr std::chrono::seconds kMaxLockWait{86'400};

struct WarehouseUrl {
  Dialect dialect = Dialect::kSqlite;
  std::string target;    // the libpq connection URI, or the SQLite file path
  std::string display;   // the address with the password redacted
  std::string password;  // empty when none; only for redacting library messages
  // How long a load waits for another load into the same warehouse (load_lock.h) and, in
  // SQLite, any statement for the database's lock, before failing with Error(kConflict).
  std::chrono::seconds lock_wait = kDefaultLockWait;
};

// Throws Error(kUsage) for any other scheme, an empty SQLite path, a lock_wait that is not whole
// seconds from 0 to a day, or another parameter after a SQLite path's last '?' (the message shows
// the redacted address). lock_wait is taken out of `target`: libpq does not know it.
WarehouseUrl ParseWarehouseUrl(std::string_view url);

// `url` with the password of user:password@ and any password=… parameter replaced by ***.
std::string RedactUrl(std::string_view url);

// `message` with every occurrence of the URL's password replaced by *** (libraries may echo it).
std::string Redact(const WarehouseUrl& url, std::string message);

}  // namespace uw::warehouse
