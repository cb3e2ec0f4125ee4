#include "warehouse/load_ledger.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "core/civil_time.h"
#include "core/error.h"
#include "core/text.h"
#include "warehouse/sql_text.h"

namespace uw::warehouse {
namespace {

std::string Iso(int64_t us) {
  const int64_t seconds = core::FloorDiv(us, 1'000'000);
  const std::string iso = core::FormatIsoSeconds(seconds);
  return fmt::format("{}.{:06d}Z", iso.substr(0, iso.size() - 1), us - seconds * 1'000'000);
}

}  // namespace

std::map<std::string, SourceVersion> LastLoadedVersions(Connection& c) {
  const auto rows = c.Query(ExpandSql(c.dialect(),
                                      "SELECT source_versions FROM {etl}load_ledger WHERE status = "
                                      "'ok' ORDER BY load_id DESC LIMIT 1"));
  std::map<std::string, SourceVersion> out;
  if (rows.empty() || !rows[0][0]) return out;
  simdjson::dom::parser parser;
  simdjson::dom::object tables;
  if (parser.parse(*rows[0][0]).get(tables)) {
    Fail(ErrorCode::kCorrupt, "warehouse {}: the newest load_ledger row is not valid JSON",
         c.display());
  }
  for (auto [root, entry] : tables) {
    SourceVersion v;
    std::string_view id;
    int64_t version = -1;
    if (entry["table_id"].get(id) || entry["version"].get(version)) {
      Fail(ErrorCode::kCorrupt, "warehouse {}: load_ledger entry {} lacks table_id or version",
           c.display(), std::string_view(root));
    }
    out[std::string(root)] = {std::string(id), version};
  }
  return out;
}

void AppendLedgerRow(Connection& c, const LoadReport& report, int64_t started_at_us,
                     int64_t finished_at_us, const std::string& lake) {
  std::string versions, rows;
  for (const auto& [root, v] : report.versions) {
    versions += fmt::format("{}{}:{{\"table_id\":{},\"version\":{}}}", versions.empty() ? "" : ",",
                            core::JsonString(root), core::JsonString(v.table_id), v.version);
  }
  int64_t inserted = 0, deleted = 0;
  for (const TableLoad& t : report.tables) {
    rows += fmt::format("{}{}:{{\"inserted\":{},\"updated\":{},\"deleted\":{},\"unchanged\":{}}}",
                        rows.empty() ? "" : ",", core::JsonString(t.name), t.inserted, t.updated,
                        t.deleted, t.unchanged);
    inserted += t.inserted;
    deleted += t.deleted;
  }
  c.Execute(ExpandSql(c.dialect(),
                      "INSERT INTO {etl}load_ledger (started_at, finished_at, status, "
                      "lake, source_versions, table_rows, rows_inserted, rows_deleted) "
                      "VALUES (") +
            fmt::format("{}, {}, 'ok', {}, {}, {}, {}, {})", Quote(Iso(started_at_us)),
                        Quote(Iso(finished_at_us)), Quote(lake), Quote("{" + versions + "}"),
                        Quote("{" + rows + "}"), inserted, deleted));
}

}  // namespace uw::warehouse
