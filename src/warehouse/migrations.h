// Versioned schema migrations (docs/warehouse.md "Migrations"). The warehouse records every
// applied version in etl_internal.schema_migrations (version, applied_at); Migrate applies the
// missing ones in order, each in its own transaction, so an older warehouse is upgraded in place
// and a failed migration leaves the previous version intact.
#pragma once

#include <string>
#include <vector>

#include "warehouse/connection.h"

namespace uw::warehouse {

struct Migration {
  int version = 0;
  std::string description;
  std::string postgres_sql;  // with sql_text.h tokens
  std::string sqlite_sql;
};

// Every migration, ascending by version (migration_sql.cpp).
const std::vector<Migration>& Migrations();
int LatestSchemaVersion();

// The highest applied version, 0 for an empty database.
int SchemaVersion(Connection& connection);

// Applies every migration above the current version up to `target` (default: the latest) and
// returns the versions applied. Each one is checked again inside its transaction, so another
// process migrating the same SQLite file at the same moment is harmless (it applies the rest).
// Throws Error(kInput) when the warehouse is newer than this binary, or the database's error when
// a migration fails (that migration is rolled back).
std::vector<int> Migrate(Connection& connection, int target = 0);

}  // namespace uw::warehouse
