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

TEST(WarehouseUrl, LockWaitIsTakenOutOfTheAddressLibpqAndSqliteSee) {
  EXPECT_EQ(ParseWarehouseUrl("sqlite:w.db").lock_wait, kDefaultLockWait);
  EXPECT_EQ(ParseWarehouseUrl("postgresql://me@h/db").lock_wait, kDefaultLockWait);
  const auto sqlite = ParseWarehouseUrl("sqlite:/abs/w.db?lock_wait=5");
  EXPECT_EQ(sqlite.target, "/abs/w.db");
  EXPECT_EQ(sqlite.lock_wait, std::chrono::seconds(5));
  EXPECT_EQ(sqlite.display, "sqlite:/abs/w.db?lock_wait=5");
  const auto only = ParseWarehouseUrl("postgresql://me:pw@h/db?lock_wait=0");
  EXPECT_EQ(only.target, "postgresql://me:pw@h/db");
  EXPECT_EQ(only.lock_wait, std::chrono::seconds(0));
  const auto among = ParseWarehouseUrl("postgresql:///db?host=/tmp/x&lock_wait=90&password=pw");
  EXPECT_EQ(among.target, "postgresql:///db?host=/tmp/x&password=pw");
  EXPECT_EQ(among.lock_wait, std::chrono::seconds(90));
  EXPECT_EQ(among.password, "pw");
  EXPECT_EQ(among.display, "postgresql:///db?host=/tmp/x&lock_wait=90&password=***");
  for (const char* bad : {"sqlite:w.db?lock_wait=-1", "sqlite:w.db?lock_wait=2.5",
                          "sqlite:w.db?lock_wait=", "postgresql://h/db?lock_wait=86401",
                          "sqlite:w.db?mode=ro", "postgresql://me:hunter2@h/db?lock_wait=x"}) {
    try {
      ParseWarehouseUrl(bad);
      ADD_FAILURE() << bad << ": no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kUsage) << bad;
      EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos) << e.what();
    }
  }
}

TEST(WarehouseUrl, SqlitePathsWithAQuestionMarkEndWithOne) {
  // Parameters start at the last '?': a trailing one keeps every earlier '?' in the path.
  const auto bare = ParseWarehouseUrl("sqlite:/data/what?.db?");
  EXPECT_EQ(bare.target, "/data/what?.db");
  EXPECT_EQ(bare.lock_wait, kDefaultLockWait);
  const auto waited = ParseWarehouseUrl("sqlite:///data/a?b/w?.db?lock_wait=5");
  EXPECT_EQ(waited.target, "/data/a?b/w?.db");
  EXPECT_EQ(waited.lock_wait, std::chrono::seconds(5));
  EXPECT_EQ(ParseWarehouseUrl("sqlite:w.db?").target, "w.db");
  // Without the trailing '?' the rest is read as parameters, and refused with the way out named.
  try {
    ParseWarehouseUrl("sqlite:/data/what?.db");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_NE(std::string(e.what()).find("sqlite:PATH?"), std::string::npos) << e.what();
  }
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
