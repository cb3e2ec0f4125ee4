// The PostgreSQL connection: the only file that includes libpqxx. libpqxx errors become
// uw::Error here, with the warehouse named by its redacted address: a lost connection or a
// rejected login is kIo, a failing statement kInput (data or schema), anything else kInternal.
#include <fmt/format.h>

#include <pqxx/pqxx>
#include <pqxx/tablewriter>

#include "core/error.h"
#include "warehouse/connection.h"

namespace uw::warehouse {
namespace {

// COPY's text format: backslash, tab, newline and carriage return are escaped.
void AppendCopyText(std::string& line, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\\':
        line += "\\\\";
        break;
      case '\t':
        line += "\\t";
        break;
      case '\n':
        line += "\\n";
        break;
      case '\r':
        line += "\\r";
        break;
      default:
        line += c;
    }
  }
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const WarehouseUrl& url) : url_(url) {
    Guard("connect", [&] {
      connection_ = std::make_unique<pqxx::connection>(url_.target);
      // libpqxx 6 silently reconnects a broken connection at the next statement. That new
      // session would lack this session's state: the SETs below and the load lock
      // (load_lock.h), so a second load could run beside this one. A lost connection stays lost.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
      connection_->inhibit_reactivation(true);
#pragma GCC diagnostic pop
      // Times are compared and shown as UTC whatever the server's or the user's TimeZone.
      pqxx::nontransaction(*connection_)
          .exec(
              "SET TimeZone = 'UTC'; SET client_min_messages = warning; SET client_encoding = "
              "'UTF8'");
    });
  }
  ~PostgresConnection() override { Rollback(); }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  const std::string& display() const override { return url_.display; }

  int64_t Execute(std::string_view sql) override {
    return Guard(sql, [&] {
      if (work_) return static_cast<int64_t>(work_->exec(std::string(sql)).affected_rows());
      pqxx::nontransaction tx(*connection_);
      return static_cast<int64_t>(tx.exec(std::string(sql)).affected_rows());
    });
  }

  std::vector<Row> Query(std::string_view sql) override {
    return Guard(sql, [&] {
      std::optional<pqxx::nontransaction> own;
      pqxx::transaction_base* tx = work_.get();
      if (!tx) tx = &own.emplace(*connection_);
      const pqxx::result result = tx->exec(std::string(sql));
      std::vector<Row> rows;
      rows.reserve(result.size());
      for (const auto& r : result) {
        Row& row = rows.emplace_back();
        for (const auto& field : r) {
          if (field.is_null())
            row.emplace_back();
          else
            row.emplace_back(field.c_str());
        }
      }
      return rows;
    });
  }

  void Begin() override {
    if (work_) Fail(ErrorCode::kInternal, "warehouse {}: a transaction is already open", display());
    Guard("BEGIN", [&] { work_ = std::make_unique<pqxx::work>(*connection_); });
  }
  void Commit() override {
    Guard("COMMIT", [&] {
      auto work = std::move(work_);
      work->commit();
    });
  }
  void Rollback() noexcept override {
    try {
      if (work_) work_->abort();
    } catch (...) {
      // The connection may be gone; the server rolls back an unfinished transaction itself.
    }
    work_.reset();
  }

  void BulkInsert(std::string_view table, const parquet::Batch& rows) override {
    if (!work_)
      Fail(ErrorCode::kInternal, "warehouse {}: BulkInsert outside a transaction", display());
    std::vector<std::string> columns;
    for (const parquet::Field& f : rows.schema().fields()) columns.push_back(f.name);
    Guard(fmt::format("COPY {}", table), [&] {
    // COPY … FROM STDIN, the fastest way in. libpqxx 6.4's stream_to only takes fixed-arity
    // tuples, so rows go through tablewriter's raw line writer with our own COPY text escaping
    // (the connection is UTF-8, where byte-wise escaping is safe).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
      pqxx::tablewriter writer(*work_, std::string(table), columns.begin(), columns.end());
#pragma GCC diagnostic pop
      std::string line;
      for (size_t r = 0; r < rows.num_rows(); ++r) {
        line.clear();
        for (size_t c = 0; c < columns.size(); ++c) {
          if (c) line += '\t';
          const auto text = ValueText(rows.column(c), r);
          if (!text)
            line += "\\N";
          else
            AppendCopyText(line, *text);
        }
        writer.write_raw_line(line);
      }
      writer.complete();
    });
  }

 private:
  // Runs `work`, turning libpqxx exceptions into uw::Error naming the warehouse.
  template <typename Work>
  auto Guard(std::string_view what, Work&& work) -> decltype(work()) {
    try {
      return work();
    } catch (const pqxx::broken_connection& e) {
      work_.reset();
      Fail(ErrorCode::kIo, "warehouse {}: {}: {}", display(), Lost(what),
           Redact(url_, Trim(e.what())));
    } catch (const pqxx::in_doubt_error& e) {
      Fail(ErrorCode::kIo,
           "warehouse {}: the connection was lost during COMMIT; the load may or "
           "may not have been applied: {}",
           display(), Redact(url_, Trim(e.what())));
    } catch (const pqxx::sql_error& e) {
      Fail(ErrorCode::kInput, "warehouse {}: {} failed: {}", display(), Short(e.query()),
           Redact(url_, Trim(e.what())));
    } catch (const pqxx::failure& e) {
      Fail(ErrorCode::kIo, "warehouse {}: {} failed: {}", display(), Short(what),
           Redact(url_, Trim(e.what())));
    }
  }

  std::string Lost(std::string_view what) const {
    return connection_ ? fmt::format("connection lost during {}", Short(what))
                       : std::string("cannot connect");
  }
  static std::string Short(std::string_view sql) {
    std::string s(sql.substr(0, 80));
    for (char& c : s)
      if (c == '\n') c = ' ';
    return sql.size() > 80 ? s + "…" : s;
  }
  static std::string Trim(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    for (char& c : text)
      if (c == '\n') c = ' ';
    return text;
  }

  WarehouseUrl url_;
  std::unique_ptr<pqxx::connection> connection_;
  std::unique_ptr<pqxx::work> work_;
};

}  // namespace

std::unique_ptr<Connection> ConnectPostgres(const WarehouseUrl& url) {
  return std::make_unique<PostgresConnection>(url);
}

}  // namespace uw::warehouse
