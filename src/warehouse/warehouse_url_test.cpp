#include "warehouse/warehouse_url.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace uw::warehouse {
namespace {

TEST(WarehouseUrl, PostgresKeepsTheUriAndRedactsThePassword) {
  const auto url =
      ParseWarehouseUrl("postgresql://me:s3cr%21t@db.example:5433/music?sslmode=require");
  EXPECT_EQ(url.dialect, Dialect::kPostgres);
  EXPECT_EQ(url.target, "postgresql://me:s3cr%21t@db.example:5433/music?sslmode=require");
  EXPECT_EQ(url.display, "postgresql://me:***@db.example:5433/music?sslmode=require");
  EXPECT_EQ(Redact(url, "auth failed for s3cr%21t"), "auth failed for ***");
  EXPECT_EQ(ParseWarehouseUrl("postgres://me@host/db").display, "postgres://me@host/db");
  EXPECT_EQ(ParseWarehouseUrl("postgresql:///db?host=/tmp/x&password=pw&port=1").display,
            "postgresql:///db?host=/tmp/x&password=***&port=1");
  EXPECT_EQ(ParseWarehouseUrl("postgresql:///db?password=pw").password, "pw");
}

TEST(WarehouseUrl, SqlitePaths) {
  EXPECT_EQ(ParseWarehouseUrl("sqlite:lake/warehouse.db").target, "lake/warehouse.db");
  EXPECT_EQ(ParseWarehouseUrl("sqlite:///abs/w.db").target, "/abs/w.db");
  EXPECT_EQ(ParseWarehouseUrl("sqlite:/abs/w.db").dialect, Dialect::kSqlite);
}

TEST(WarehouseUrl, OtherSchemesAreUsageErrorsWithoutThePassword) {
  try {
    ParseWarehouseUrl("mysql://root:hunter2@localhost/db");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("mysql://root:***@localhost/db"), std::string::npos);
  }
  EXPECT_THROW(ParseWarehouseUrl("sqlite:"), Error);
}

}  // namespace
}  // namespace uw::warehouse
