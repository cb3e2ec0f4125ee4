// The SQLite connection: the only file that includes sqlite3.h. Handles are owned by
// unique_ptrs with the sqlite3 deleters. A full disk, a read-only file or a corrupt database
// surface as uw::Error(kIo) naming the file; a failing statement as kInput; a lock another
// session held for longer than the address's lock_wait as kConflict.
#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>

#include "core/error.h"
#include "warehouse/connection.h"

namespace uw::warehouse {
namespace {

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const WarehouseUrl& url) : url_(url) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(url_.target.c_str(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    db_.reset(db);
    if (rc != SQLITE_OK) {
      Fail(ErrorCode::kIo, "warehouse {}: cannot open the database file: {}", display(),
           db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    }
    sqlite3_extended_result_codes(db, 1);
    // Wait for another writer (another load: load_lock.h) instead of failing at once, and as
    // long for every statement, not only BEGIN: a long load holds the database exclusively once
    // it spills its cache, so even a waiting load's first reads may have to wait for its commit.
    // One load is one transaction, so the rollback journal plus synchronous=NORMAL keeps it
    // atomic and durable enough at commit.
    sqlite3_busy_timeout(db, static_cast<int>(std::chrono::milliseconds(url_.lock_wait).count()));
    Execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536");
  }
  ~SqliteConnection() override { Rollback(); }

  Dialect dialect() const override { return Dialect::kSqlite; }
  const std::string& display() const override { return url_.display; }

  int64_t Execute(std::string_view sql) override {
    char* error = nullptr;
    const int rc = sqlite3_exec(db_.get(), std::string(sql).c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
      const std::string message = error ? error : sqlite3_errstr(rc);
      sqlite3_free(error);
      Throw(rc, sql, message);
    }
    return sqlite3_changes64(db_.get());
  }

  std::vector<Row> Query(std::string_view sql) override {
    Statement statement = Prepare(sql);
    std::vector<Row> rows;
    while (true) {
      const int rc = sqlite3_step(statement.get());
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) Throw(rc, sql, sqlite3_errmsg(db_.get()));
      Row& row = rows.emplace_back();
      const int n = sqlite3_column_count(statement.get());
      for (int c = 0; c < n; ++c) {
        const auto* text = sqlite3_column_text(statement.get(), c);
        if (text == nullptr)
          row.emplace_back();
        else
          row.emplace_back(reinterpret_cast<const char*>(text));
      }
    }
    return rows;
  }

  void Begin() override {
    if (in_transaction_)
      Fail(ErrorCode::kInternal, "warehouse {}: a transaction is already open", display());
    // IMMEDIATE: take the write lock now, so a concurrent writer waits here, not mid-load.
    Execute("BEGIN IMMEDIATE");
    in_transaction_ = true;
  }
  void Commit() override {
    in_transaction_ = false;
    Execute("COMMIT");
  }
  void Rollback() noexcept override {
    if (!in_transaction_) return;
    in_transaction_ = false;
    // After SQLITE_FULL and similar errors SQLite may already have rolled back; then there is no
    // transaction left and this fails harmlessly.
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }

  void BulkInsert(std::string_view table, const parquet::Batch& rows) override {
    if (!in_transaction_)
      Fail(ErrorCode::kInternal, "warehouse {}: BulkInsert outside a transaction", display());
    std::string columns, marks;
    for (const parquet::Field& f : rows.schema().fields()) {
      columns += (columns.empty() ? "" : ", ") + f.name;
      marks += marks.empty() ? "?" : ", ?";
    }
    const std::string sql = fmt::format("INSERT INTO {} ({}) VALUES ({})", table, columns, marks);
    Statement statement = Prepare(sql);
    for (size_t r = 0; r < rows.num_rows(); ++r) {
      for (size_t c = 0; c < rows.num_columns(); ++c)
        Bind(statement.get(), c + 1, rows.column(c), r);
      const int rc = sqlite3_step(statement.get());
      if (rc != SQLITE_DONE) Throw(rc, sql, sqlite3_errmsg(db_.get()));
      sqlite3_reset(statement.get());
    }
  }

 private:
  Statement Prepare(std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    const int rc =
        sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    Statement statement(raw);
    if (rc != SQLITE_OK) Throw(rc, sql, sqlite3_errmsg(db_.get()));
    return statement;
  }

  // Binds natively where SQLite has the type (integers, reals, booleans as 0/1); dates and
  // timestamps as ISO-8601 text, which SQLite's date functions read.
  void Bind(sqlite3_stmt* s, size_t index, const parquet::ColumnVector& column, size_t row) {
    using parquet::ColumnType;
    const int i = static_cast<int>(index);
    if (column.IsNull(row)) {
      sqlite3_bind_null(s, i);
      return;
    }
    switch (column.type()) {
      case ColumnType::kBoolean:
        sqlite3_bind_int(s, i, column.GetBool(row) ? 1 : 0);
        return;
      case ColumnType::kInt32:
        sqlite3_bind_int(s, i, column.GetInt32(row));
        return;
      case ColumnType::kInt64:
        sqlite3_bind_int64(s, i, column.GetInt64(row));
        return;
      case ColumnType::kDouble:
        sqlite3_bind_double(s, i, column.GetDouble(row));
        return;
      case ColumnType::kString: {
        const std::string_view text = column.GetString(row);
        sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return;
      }
      case ColumnType::kDate:
      case ColumnType::kTimestamp: {
        const std::string text = *ValueText(column, row);
        sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return;
      }
    }
  }

  [[noreturn]] void Throw(int rc, std::string_view sql, const std::string& message) const {
    const int primary = rc & 0xff;
    const bool io = primary == SQLITE_FULL || primary == SQLITE_IOERR ||
                    primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN ||
                    primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
    std::string statement(sql.substr(0, 80));
    for (char& c : statement)
      if (c == '\n') c = ' ';
    if (primary == SQLITE_BUSY) {  // the busy timeout (lock_wait) ran out
      Fail(ErrorCode::kConflict,
           "warehouse {}: {}{} failed: another load (or another writer) has held the database's "
           "lock for over {} s; try again once it has finished, or wait longer with "
           "lock_wait=SECONDS in the address ({})",
           display(), statement, sql.size() > 80 ? "…" : "", url_.lock_wait.count(), message);
    }
    Fail(io ? ErrorCode::kIo : ErrorCode::kInput, "warehouse {}: {}{} failed: {}", display(),
         statement, sql.size() > 80 ? "…" : "", message);
  }

  WarehouseUrl url_;
  std::unique_ptr<sqlite3, CloseDb> db_;
  bool in_transaction_ = false;
};

}  // namespace

std::unique_ptr<Connection> ConnectSqlite(const WarehouseUrl& url) {
  return std::make_unique<SqliteConnection>(url);
}

}  // namespace uw::warehouse
