#include "testing/postgres_server.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "testing/testing.h"

namespace uw::testing {
namespace {

std::string& Reason() {
  static std::string reason;
  return reason;
}

// Runs the script; returns its exit status and stdout.
int RunScript(const std::string& args, std::string* out) {
  const std::string command =
      (SourceDir() / "scripts" / "test-postgres.sh").string() + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  char buffer[4096];
  std::string text;
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
  const int status = pclose(pipe);
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Servers of test processes that died without stopping them (killed by a timeout, say): each
// server folder names its owner's pid; a dead owner's server is stopped and removed.
void StopOrphans() {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator("/tmp", ec)) {
    if (e.path().filename().string().rfind("uw-pg-", 0) != 0) continue;
    int owner = 0;
    if (!(std::ifstream(e.path() / "owner") >> owner) || owner <= 0) continue;
    if (kill(owner, 0) == 0 || errno != ESRCH) continue;
    RunScript("stop " + e.path().string(), nullptr);
  }
}

}  // namespace

const std::string& PostgresServer::SkipReason() { return Reason(); }

PostgresServer* PostgresServer::Shared() {
  static std::unique_ptr<PostgresServer> server = [] {
    // Directly under /tmp with a short name: the socket path must stay under 108 bytes and be
    // reachable by the unprivileged server user.
    StopOrphans();
    char templ[] = "/tmp/uw-pg-XXXXXX";
    if (!mkdtemp(templ)) throw std::runtime_error("mkdtemp failed");
    std::unique_ptr<PostgresServer> s(new PostgresServer());
    s->dir_ = templ;
    std::string out;
    const int rc = RunScript("start " + s->dir_.string(), &out);
    if (rc == 77) {
      Reason() = "PostgreSQL server binaries missing: " + out;
      std::filesystem::remove_all(s->dir_);
      return std::unique_ptr<PostgresServer>();
    }
    if (rc != 0) throw std::runtime_error("test-postgres.sh start failed: " + out);
    std::ifstream(s->dir_ / "port") >> s->port_;
    std::ofstream(s->dir_ / "owner") << getpid();
    return s;
  }();
  return server.get();
}

PostgresServer::~PostgresServer() { RunScript("stop " + dir_.string(), nullptr); }

std::string PostgresServer::NewDatabase() {
  const std::string name = "uw_test_" + std::to_string(++databases_);
  std::string out;
  if (RunScript("createdb " + dir_.string() + " " + name, &out) != 0) {
    throw std::runtime_error("createdb failed: " + out);
  }
  return "postgresql://postgres@/" + name + "?host=" + dir_.string() +
         "&port=" + std::to_string(port_);
}

std::string PostgresServer::TcpUrl(const std::string& database, const std::string& password) const {
  return "postgresql://uw_password:" + password + "@127.0.0.1:" + std::to_string(port_) + "/" +
         database;
}

}  // namespace uw::testing
