// A connection to the warehouse database, the one interface the loader and migrations use.
// Two implementations: postgres_connection.cpp (libpqxx; bulk rows through COPY) and
// sqlite_connection.cpp (the sqlite3 C API; bulk rows through one prepared INSERT, batched
// inside the caller's transaction). Every failure is thrown as uw::Error whose message names the
// warehouse by its redacted address. Not thread safe: one connection per thread.
// A PostgreSQL connection that drops stays dropped (no silent reconnect that would lose session
// state such as the load lock, load_lock.h). A SQLite statement waits up to the address's
// lock_wait for a lock another session holds, then throws Error(kConflict).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "parquet/batch.h"
#include "warehouse/warehouse_url.h"

namespace uw::warehouse {

// One result row: each value as text, nullopt for SQL NULL.
using Row = std::vector<std::optional<std::string>>;

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // The redacted address, for messages.
  virtual const std::string& display() const = 0;

  // Runs one or more statements; returns the rows changed by the last one (0 when not a DML).
  virtual int64_t Execute(std::string_view sql) = 0;
  // Runs one statement and returns its rows as text.
  virtual std::vector<Row> Query(std::string_view sql) = 0;

  // A transaction; at most one at a time. Rollback never throws (it is used on error paths).
  // SQLite's Begin takes the database's write lock up front (BEGIN IMMEDIATE): concurrent writers
  // queue there, before reading anything they will write from.
  virtual void Begin() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() noexcept = 0;

  // Appends every row of `rows` to `table` (a qualified name); the columns are the batch's
  // field names. Values: kBoolean as true/false, kTimestamp as an ISO-8601 UTC instant, kDate as
  // YYYY-MM-DD. Must run inside a transaction.
  virtual void BulkInsert(std::string_view table, const parquet::Batch& rows) = 0;
};

// Connects to the warehouse at `url`. Throws Error(kIo) with a clear message (address redacted)
// when the server is unreachable, rejects the credentials, or the file cannot be opened.
std::unique_ptr<Connection> Connect(const WarehouseUrl& url);

// The two implementations (connection.cpp chooses by dialect).
std::unique_ptr<Connection> ConnectPostgres(const WarehouseUrl& url);
std::unique_ptr<Connection> ConnectSqlite(const WarehouseUrl& url);

// A value of `rows` as the text both databases parse (nullopt for null): see BulkInsert.
std::optional<std::string> ValueText(const parquet::ColumnVector& column, size_t row);

// Runs `work` in a transaction: commits when it returns, rolls back and rethrows when it throws.
template <typename Work>
auto InTransaction(Connection& connection, Work&& work) {
  connection.Begin();
  try {
    if constexpr (std::is_void_v<decltype(work())>) {
      work();
      connection.Commit();
    } else {
      auto result = work();
      connection.Commit();
      return result;
    }
  } catch (...) {
    connection.Rollback();
    throw;
  }
}

}  // namespace uw::warehouse
