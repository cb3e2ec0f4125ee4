#include "warehouse/sql_text.h"

#include <map>

#include "core/error.h"

namespace uw::warehouse {

std::string TableName(Dialect dialect, std::string_view schema, std::string_view table) {
  return std::string(schema) + (dialect == Dialect::kPostgres ? "." : "_") + std::string(table);
}

std::string ExpandSql(Dialect dialect, std::string_view sql) {
  const bool pg = dialect == Dialect::kPostgres;
  static const std::map<std::string, std::pair<std::string, std::string>, std::less<>> kTokens = {
      {"staging", {"staging.", "staging_"}},
      {"core", {"core.", "core_"}},
      {"etl", {"etl_internal.", "etl_internal_"}},
      {"dm", {"dm.", "dm_"}},
      {"bool", {"BOOLEAN", "INTEGER"}},
      {"ts", {"TIMESTAMPTZ", "TEXT"}},
      {"localts", {"TIMESTAMP", "TEXT"}},
      {"date", {"DATE", "TEXT"}},
      {"json", {"JSONB", "TEXT"}},
      {"double", {"DOUBLE PRECISION", "REAL"}},
      {"id", {"BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "INTEGER PRIMARY KEY"}},
      // Staging is transient (emptied by every load): PostgreSQL need not write it to the WAL.
      {"unlogged", {"UNLOGGED ", ""}},
      {"now", {"now()", "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"}},
  };
  std::string out;
  out.reserve(sql.size());
  for (size_t i = 0; i < sql.size();) {
    const size_t open = sql.find('{', i);
    if (open == std::string_view::npos) {
      out.append(sql.substr(i));
      break;
    }
    out.append(sql.substr(i, open - i));
    const size_t close = sql.find('}', open);
    if (close == std::string_view::npos) Fail(ErrorCode::kInternal, "unclosed token in SQL");
    const auto it = kTokens.find(sql.substr(open + 1, close - open - 1));
    if (it == kTokens.end()) {
      Fail(ErrorCode::kInternal, "unknown SQL token {}", sql.substr(open, close - open + 1));
    }
    out += pg ? it->second.first : it->second.second;
    i = close + 1;
  }
  return out;
}

std::string Quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

}  // namespace uw::warehouse
