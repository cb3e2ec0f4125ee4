// SQL text shared by both dialects. Schema SQL is written once with tokens that expand per
// dialect: PostgreSQL has schemas (core.dim_track), SQLite table prefixes (core_dim_track), and
// the column types differ (boolean, timestamptz, jsonb … against SQLite's INTEGER and TEXT).
#pragma once

#include <string>
#include <string_view>

#include "warehouse/warehouse_url.h"

namespace uw::warehouse {

// "core.dim_track" or "core_dim_track".
std::string TableName(Dialect dialect, std::string_view schema, std::string_view table);

// Expands the tokens of `sql`:
//   {staging} {core} {etl} {dm}  →  "staging." …  |  "staging_" …
//   {bool} {ts} {localts} {date} {json} {double} →  the column type
//   {id}                          →  an auto-numbered integer primary key
//   {unlogged}                    →  "UNLOGGED " (PostgreSQL staging tables) | ""
//   {now}                         →  the current UTC time as the dialect stores it
// Throws Error(kInternal) on an unknown token.
std::string ExpandSql(Dialect dialect, std::string_view sql);

// A string literal: 'it''s'.
std::string Quote(std::string_view text);

}  // namespace uw::warehouse
