// A throwaway PostgreSQL server for tests (scripts/test-postgres.sh): started on first use, one
// per test process, stopped and deleted when the process exits (a server whose process died is
// stopped by the next test process). Tests call
// UW_REQUIRE_POSTGRES(server), which skips them only when the server binaries are missing.
#pragma once

#include <filesystem>
#include <string>

namespace uw::testing {

class PostgresServer {
 public:
  // The process's server, started on the first call; nullptr when it cannot start (then
  // SkipReason() says why).
  static PostgresServer* Shared();
  static const std::string& SkipReason();

  // A fresh, empty database; returns its URL (unix socket, trust auth, user postgres).
  std::string NewDatabase();
  // The same database over TCP as the password-checked user `uw_password`.
  std::string TcpUrl(const std::string& database, const std::string& password) const;
  int port() const { return port_; }

  ~PostgresServer();

 private:
  PostgresServer() = default;
  std::filesystem::path dir_;
  int port_ = 0;
  int databases_ = 0;
};

}  // namespace uw::testing

#define UW_REQUIRE_POSTGRES(var)                                                \
  ::uw::testing::PostgresServer* var = ::uw::testing::PostgresServer::Shared(); \
  if (!var) GTEST_SKIP() << ::uw::testing::PostgresServer::SkipReason()
