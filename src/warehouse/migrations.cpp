#include "warehouse/migrations.h"

#include <fmt/format.h>

#include "core/error.h"
#include "warehouse/calendar.h"
#include "warehouse/sql_text.h"

namespace uw::warehouse {
namespace {

// The schema_migrations table itself (and PostgreSQL's schemas) exist before any migration, so
// the version can always be read.
void Bootstrap(Connection& c) {
  if (c.dialect() == Dialect::kPostgres) {
    c.Execute(
        "CREATE SCHEMA IF NOT EXISTS staging; CREATE SCHEMA IF NOT EXISTS core; "
        "CREATE SCHEMA IF NOT EXISTS etl_internal; CREATE SCHEMA IF NOT EXISTS dm");
  }
  c.Execute(ExpandSql(c.dialect(),
                      "CREATE TABLE IF NOT EXISTS {etl}schema_migrations ("
                      "version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                      "applied_at {ts} NOT NULL DEFAULT ({now}))"));
}

// Rows a migration adds besides its DDL: the fixed minute-grain dim_time of version 1.
void SeedData(Connection& c, int version) {
  if (version == 1) c.BulkInsert(TableName(c.dialect(), "core", "dim_time"), DimTimeRows());
}

// The highest version recorded in schema_migrations (which must exist), 0 for none.
int AppliedVersion(Connection& c) {
  const auto rows =
      c.Query(ExpandSql(c.dialect(), "SELECT MAX(version) FROM {etl}schema_migrations"));
  return rows.empty() || !rows[0][0] ? 0 : std::stoi(*rows[0][0]);
}

}  // namespace

int LatestSchemaVersion() { return Migrations().back().version; }

int SchemaVersion(Connection& connection) {
  Bootstrap(connection);
  return AppliedVersion(connection);
}

std::vector<int> Migrate(Connection& connection, int target) {
  if (target <= 0) target = LatestSchemaVersion();
  const int current = SchemaVersion(connection);
  if (current > LatestSchemaVersion()) {
    Fail(ErrorCode::kInput,
         "warehouse {}: schema version {} is newer than this unwrapped knows ({}); upgrade "
         "unwrapped",
         connection.display(), current, LatestSchemaVersion());
  }
  std::vector<int> applied;
  for (const Migration& m : Migrations()) {
    if (m.version <= current || m.version > target) continue;
    const bool applied_here = InTransaction(connection, [&] {
      // Read again inside the transaction: two first loads into one SQLite file both read
      // `current` before either migrated (SQLite has no load lock, load_lock.h). Its BEGIN
      // IMMEDIATE holds the write lock, so this read and the migration are one step; the other
      // process finds the version applied and moves on. (PostgreSQL loads migrate under the
      // load lock.)
      if (AppliedVersion(connection) >= m.version) return false;
      const bool pg = connection.dialect() == Dialect::kPostgres;
      connection.Execute(ExpandSql(connection.dialect(), pg ? m.postgres_sql : m.sqlite_sql));
      SeedData(connection, m.version);
      connection.Execute(ExpandSql(connection.dialect(),
                                   fmt::format("INSERT INTO {{etl}}schema_migrations (version, "
                                               "description) VALUES ({}, {})",
                                               m.version, Quote(m.description))));
      return true;
    });
    if (applied_here) applied.push_back(m.version);
  }
  return applied;
}

}  // namespace uw::warehouse
