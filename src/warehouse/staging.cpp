#include "warehouse/staging.h"

#include <fmt/format.h>

#include <cmath>

#include "core/text.h"
#include "warehouse/sql_text.h"

namespace uw::warehouse {
namespace {

using parquet::ColumnType;

// The batch's rows as staging records: one "record" column (plus "entity" when given).
parquet::Batch Records(const parquet::Batch& rows, std::string_view entity) {
  std::vector<parquet::Field> fields;
  if (!entity.empty()) fields.push_back({"entity", ColumnType::kString, false});
  fields.push_back({"record", ColumnType::kString, false});
  parquet::Batch out{parquet::Schema(fields)};
  for (size_t r = 0; r < rows.num_rows(); ++r) {
    if (!entity.empty()) out.column(0).AppendString(entity);
    out.column(out.num_columns() - 1).AppendString(RowJson(rows, r));
  }
  return out;
}

std::string ColumnList(const parquet::Schema& schema, std::string_view prefix = {}) {
  std::string out;
  for (const parquet::Field& f : schema.fields()) {
    out += (out.empty() ? "" : ", ") + std::string(prefix) + f.name;
  }
  return out;
}

// SELECT of the staged values as core.<table>'s columns: PostgreSQL casts the whole record with
// jsonb_populate_record; SQLite extracts each field (JSON booleans read as 1/0).
std::string SelectStaged(Dialect d, const parquet::Schema& schema, const std::string& core_table,
                         const std::string& staging_table, std::string_view entity) {
  const std::string where =
      entity.empty() ? "" : fmt::format(" WHERE s.entity = {}", Quote(entity));
  if (d == Dialect::kPostgres) {
    return fmt::format(
        "SELECT {} FROM {} s CROSS JOIN LATERAL jsonb_populate_record(NULL::{}, "
        "s.record) r{}",
        ColumnList(schema, "r."), staging_table, core_table, where);
  }
  std::string values;
  for (const parquet::Field& f : schema.fields()) {
    values += fmt::format("{}json_extract(s.record, '$.{}')", values.empty() ? "" : ", ", f.name);
  }
  // SQLite needs a WHERE before ON CONFLICT to parse the upsert; "true" when there is no filter.
  return fmt::format("SELECT {} FROM {} s{}", values, staging_table,
                     where.empty() ? " WHERE true" : where);
}

int64_t Count(Connection& c, const std::string& table) {
  return std::stoll(*c.Query("SELECT COUNT(*) FROM " + table).at(0).at(0));
}

}  // namespace

std::string RowJson(const parquet::Batch& rows, size_t row) {
  std::string out = "{";
  for (size_t c = 0; c < rows.num_columns(); ++c) {
    const parquet::ColumnVector& column = rows.column(c);
    if (c) out += ',';
    core::AppendJsonString(out, rows.schema().field(c).name);
    out += ':';
    if (column.IsNull(row)) {
      out += "null";
      continue;
    }
    switch (column.type()) {
      case ColumnType::kString:
      case ColumnType::kDate:
      case ColumnType::kTimestamp:
        core::AppendJsonString(out, *ValueText(column, row));
        break;
      case ColumnType::kDouble:
        out += std::isfinite(column.GetDouble(row)) ? *ValueText(column, row) : "null";
        break;
      default:
        out += *ValueText(column, row);
    }
  }
  return out + "}";
}

UpsertCounts UpsertDimension(Connection& c, std::string_view table, std::string_view key,
                             const parquet::Batch& rows) {
  const Dialect d = c.dialect();
  const std::string core = TableName(d, "core", table),
                    staging = TableName(d, "staging", "dimensions");
  c.BulkInsert(staging, Records(rows, table));
  std::string set, differs;
  for (const parquet::Field& f : rows.schema().fields()) {
    if (f.name == key) continue;
    set += fmt::format("{}{} = excluded.{}", set.empty() ? "" : ", ", f.name, f.name);
    differs += fmt::format("{}{}.{} IS {} excluded.{}", differs.empty() ? "" : " OR ", core, f.name,
                           d == Dialect::kPostgres ? "DISTINCT FROM" : "NOT", f.name);
  }
  const int64_t before = Count(c, core);
  const int64_t changed = c.Execute(
      fmt::format("INSERT INTO {} ({}) {} ON CONFLICT ({}) DO UPDATE SET {} WHERE {}", core,
                  ColumnList(rows.schema()), SelectStaged(d, rows.schema(), core, staging, table),
                  key, set, differs));
  UpsertCounts counts;
  counts.inserted = Count(c, core) - before;
  counts.updated = changed - counts.inserted;
  counts.unchanged = static_cast<int64_t>(rows.num_rows()) - changed;
  c.Execute(fmt::format("DELETE FROM {} WHERE entity = {}", staging, Quote(table)));
  return counts;
}

int64_t InsertFacts(Connection& c, std::string_view staging_table, std::string_view table,
                    const parquet::Batch& rows) {
  const Dialect d = c.dialect();
  const std::string core = TableName(d, "core", table),
                    staging = TableName(d, "staging", staging_table);
  c.BulkInsert(staging, Records(rows, {}));
  const int64_t inserted =
      c.Execute(fmt::format("INSERT INTO {} ({}) {}", core, ColumnList(rows.schema()),
                            SelectStaged(d, rows.schema(), core, staging, {})));
  c.Execute((d == Dialect::kPostgres ? "TRUNCATE " : "DELETE FROM ") + staging);
  return inserted;
}

void TruncateStaging(Connection& c) {
  for (const char* table : {"listening_events", "podcast_events", "dimensions", "api_responses"}) {
    c.Execute((c.dialect() == Dialect::kPostgres ? "TRUNCATE " : "DELETE FROM ") +
              TableName(c.dialect(), "staging", table));
  }
}

}  // namespace uw::warehouse
