// The load summary: text for people, JSON (--json) for scripts. Rates are rows written
// (inserted + updated + deleted) per second of the whole load, migrations included.
#include <fmt/format.h>

#include "core/text.h"
#include "warehouse/loader.h"

namespace uw::warehouse {
namespace {

std::string Grouped(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

double RowsPerSecond(const LoadReport& r) {
  return r.seconds > 0 ? static_cast<double>(r.rows_written()) / r.seconds : 0;
}

std::string Migrations(const std::vector<int>& applied) {
  std::string out;
  for (const int v : applied) out += (out.empty() ? "" : ", ") + std::to_string(v);
  return out;
}

}  // namespace

std::string LoadReportToText(const LoadReport& r) {
  std::string out;
  if (!r.migrations_applied.empty()) {
    out += fmt::format("Schema migrated to version {} (applied {})\n", r.schema_version,
                       Migrations(r.migrations_applied));
  }
  if (r.up_to_date) {
    return out + fmt::format(
                     "Warehouse {} is up to date (the lake's tables are at the versions "
                     "of the last load; 0 rows touched)\n",
                     r.warehouse);
  }
  out += fmt::format("Loaded into {} in {:.1f} s{}\n", r.warehouse, r.seconds,
                     r.full_reload ? " (full reload: the last load's versions are gone)" : "");
  out += fmt::format("  {:<36} {:>10} {:>9} {:>9} {:>10}\n", "table", "inserted", "updated",
                     "deleted", "unchanged");
  for (const TableLoad& t : r.tables) {
    out += fmt::format("  {:<36} {:>10} {:>9} {:>9} {:>10}{}\n", t.name, Grouped(t.inserted),
                       Grouped(t.updated), Grouped(t.deleted), Grouped(t.unchanged),
                       t.note.empty() ? "" : "  " + t.note);
  }
  out += fmt::format("  {} rows written, {} rows/s\n", Grouped(r.rows_written()),
                     Grouped(static_cast<int64_t>(RowsPerSecond(r))));
  return out;
}

std::string LoadReportToJson(const LoadReport& r) {
  std::string tables;
  for (const TableLoad& t : r.tables) {
    tables += fmt::format(
        "{}{{\"name\":{},\"inserted\":{},\"updated\":{},\"deleted\":{},"
        "\"unchanged\":{},\"note\":{}}}",
        tables.empty() ? "" : ",", core::JsonString(t.name), t.inserted, t.updated, t.deleted,
        t.unchanged, core::JsonString(t.note));
  }
  std::string versions;
  for (const auto& [root, v] : r.versions) {
    versions +=
        fmt::format("{}{}:{}", versions.empty() ? "" : ",", core::JsonString(root), v.version);
  }
  return fmt::format(
      "{{\"warehouse\":{},\"schema_version\":{},\"migrations_applied\":[{}],"
      "\"up_to_date\":{},\"full_reload\":{},\"seconds\":{:.3f},"
      "\"rows_written\":{},\"rows_per_second\":{:.0f},\"versions\":{{{}}},"
      "\"tables\":[{}]}}\n",
      core::JsonString(r.warehouse), r.schema_version, Migrations(r.migrations_applied),
      r.up_to_date, r.full_reload, r.seconds, r.rows_written(), RowsPerSecond(r), versions, tables);
}

}  // namespace uw::warehouse
