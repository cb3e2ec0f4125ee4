// Both connections, the same tests: values round-trip through BulkInsert (nulls, tabs,
// backslashes, newlines, quotes, non-ASCII), a rollback leaves nothing, migrations upgrade an
// older schema in place and are idempotent.
#include "warehouse/connection.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "testing/postgres_server.h"
#include "testing/testing.h"
#include "warehouse/migrations.h"
#include "warehouse/sql_text.h"

namespace uw::warehouse {
namespace {

using parquet::ColumnType;

class ConnectionTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    if (GetParam() == Dialect::kSqlite) {
      url_ = ParseWarehouseUrl("sqlite:" + (dir_ / "w.db").string());
    } else {
      UW_REQUIRE_POSTGRES(server);
      url_ = ParseWarehouseUrl(server->NewDatabase());
    }
    connection_ = Connect(url_);
  }
  std::string T(std::string_view table) { return TableName(GetParam(), "core", table); }

  testing::TempDir dir_;
  WarehouseUrl url_;
  std::unique_ptr<Connection> connection_;
};

TEST_P(ConnectionTest, BulkInsertRoundTripsAwkwardValues) {
  Connection& c = *connection_;
  c.Execute(
      ExpandSql(GetParam(), "CREATE TABLE t (s TEXT, n BIGINT, b {bool}, d {double}, ts {ts})"));
  parquet::Batch rows(parquet::Schema({{"s", ColumnType::kString, true},
                                       {"n", ColumnType::kInt64, true},
                                       {"b", ColumnType::kBoolean, true},
                                       {"d", ColumnType::kDouble, true},
                                       {"ts", ColumnType::kTimestamp, true}}));
  const std::vector<std::string> texts = {"tab\there", "back\\slash \\N", "new\nline\r",
                                          "it's \"quoted\"", "Łódź ♫"};
  for (size_t i = 0; i < texts.size(); ++i) {
    rows.column(0).AppendString(texts[i]);
    rows.column(1).AppendInt64(static_cast<int64_t>(i) - 2);
    rows.column(2).AppendBool(i % 2 == 0);
    rows.column(3).AppendDouble(0.1 * static_cast<double>(i));
    rows.column(4).AppendInt64(1'700'000'000'123'456 + static_cast<int64_t>(i));
  }
  for (size_t c = 0; c < rows.num_columns(); ++c) rows.column(c).AppendNull();
  InTransaction(c, [&] { c.BulkInsert("t", rows); });
  const bool pg = GetParam() == Dialect::kPostgres;
  const auto back = c.Query(pg ? "SELECT s, n, b::int, d, to_char(ts, 'YYYY-MM-DD HH24:MI:SS.US') "
                                 "FROM t ORDER BY n NULLS LAST"
                               : "SELECT s, n, b, d, ts FROM t ORDER BY n IS NULL, n");
  ASSERT_EQ(back.size(), texts.size() + 1);
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(back[i][0], texts[i]);
    EXPECT_EQ(back[i][1], std::to_string(static_cast<int>(i) - 2));
    EXPECT_EQ(back[i][2], i % 2 == 0 ? "1" : "0");
    EXPECT_DOUBLE_EQ(std::stod(*back[i][3]), 0.1 * static_cast<double>(i));
  }
  EXPECT_EQ(back[0][4], pg ? "2023-11-14 22:13:20.123456" : "2023-11-14T22:13:20.123456Z");
  for (size_t col = 0; col < 5; ++col) EXPECT_FALSE(back.back()[col].has_value()) << col;
}

TEST_P(ConnectionTest, RollbackLeavesNothingAndErrorsNameTheWarehouse) {
  Connection& c = *connection_;
  c.Execute("CREATE TABLE t (k INTEGER PRIMARY KEY)");
  EXPECT_THROW(
      InTransaction(c,
                    [&] {
                      c.Execute("INSERT INTO t VALUES (1)");
                      c.Execute(
                          "INSERT INTO t VALUES (1)");  // a duplicate key fails the transaction
                    }),
      Error);
  EXPECT_EQ(c.Query("SELECT COUNT(*) FROM t").at(0).at(0), "0");
  try {
    c.Execute("SELECT * FROM no_such_table");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(url_.display), std::string::npos) << e.what();
  }
}

TEST_P(ConnectionTest, MigrationsUpgradeAnOlderSchemaInPlace) {
  Connection& c = *connection_;
  EXPECT_EQ(SchemaVersion(c), 0);
  EXPECT_EQ(Migrate(c, 1), std::vector<int>{1});
  EXPECT_EQ(SchemaVersion(c), 1);
  EXPECT_EQ(c.Query("SELECT COUNT(*) FROM " + T("dim_time")).at(0).at(0), "1440");
  InTransaction(c, [&] {
    c.Execute("INSERT INTO " + T("dim_track") +
              " (track_id, name_only, first_played_at, last_played_at) VALUES ('kept', " +
              (GetParam() == Dialect::kPostgres ? "false" : "0") +
              ", '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");
  });
  // Version 1 has no parent_track_id; version 2 adds it and keeps the rows.
  EXPECT_THROW(c.Query("SELECT parent_track_id FROM " + T("dim_track")), Error);
  EXPECT_EQ(Migrate(c), std::vector<int>{2});
  EXPECT_EQ(SchemaVersion(c), LatestSchemaVersion());
  const auto rows = c.Query("SELECT track_id, parent_track_id FROM " + T("dim_track"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "kept");
  EXPECT_FALSE(rows[0][1].has_value());
  EXPECT_TRUE(Migrate(c).empty());
  const auto versions = c.Query(ExpandSql(GetParam(),
                                          "SELECT version FROM {etl}schema_migrations "
                                          "ORDER BY version"));
  ASSERT_EQ(versions.size(), 2u);
  // The data marts exist after the upgrade.
  EXPECT_EQ(c.Query("SELECT COUNT(*) FROM " + TableName(GetParam(), "dm", "yearly")).at(0).at(0),
            "0");
}

TEST_P(ConnectionTest, AWarehouseNewerThanTheBinaryIsRefused) {
  Connection& c = *connection_;
  Migrate(c);
  c.Execute(ExpandSql(GetParam(),
                      "INSERT INTO {etl}schema_migrations (version, description) "
                      "VALUES (999, 'from the future')"));
  EXPECT_THROW(Migrate(c), Error);
}

INSTANTIATE_TEST_SUITE_P(Dialects, ConnectionTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const auto& info) {
                           return info.param == Dialect::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace uw::warehouse
