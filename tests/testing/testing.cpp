#include "testing/testing.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace uw::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  path_ =
      fs::temp_directory_path() / ("uw-test-" + std::to_string(rd()) + std::to_string(::getpid()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path SourceDir() { return UW_SOURCE_DIR; }
fs::path BinaryPath() { return UW_BINARY_PATH; }

std::optional<fs::path> SharedDir() {
  if (const char* dir = std::getenv("UW_SHARED_DIR")) {
    if (fs::is_directory(dir)) return fs::path(dir);
    return std::nullopt;
  }
  const fs::path shared = SourceDir().parent_path() / "shared";
  if (fs::is_directory(shared / "samples")) return shared;
  return std::nullopt;
}

void WriteFile(const fs::path& path, std::string_view data) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

RunResult RunUnwrapped(const std::vector<std::string>& args,
                       const std::map<std::string, std::string>& env,
                       const std::optional<fs::path>& cwd) {
  TempDir io;
  const fs::path out_path = io / "out", err_path = io / "err";
  std::vector<std::string> argv_s{BinaryPath().string()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  // A clean environment: only PATH, HOME (pointing into the temp dir) and what the test sets.
  std::map<std::string, std::string> full{{"PATH", "/usr/bin:/bin"}, {"HOME", io.path().string()}};
  for (const auto& [k, v] : env) full[k] = v;
  std::vector<std::string> env_s;
  for (const auto& [k, v] : full) env_s.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  if (cwd) posix_spawn_file_actions_addchdir_np(&actions, cwd->c_str());
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv_s[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  return result;
}

std::filesystem::path NpmDir() {
  if (const char* dir = std::getenv("UNWRAPPED_NPM_DIR")) return dir;
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home ? home : "/nonexistent") / ".cache" / "unwrapped-npm";
}

std::string MissingNodeTools() {
  if (std::system("command -v node >/dev/null 2>&1") != 0) return "node is not installed";
  for (const char* package :
       {"@duckdb/node-api", "nodejs-polars", "parquet-wasm", "apache-arrow"}) {
    if (!std::filesystem::exists(NpmDir() / "node_modules" / package)) {
      return "npm package " + std::string(package) + " is missing from " + NpmDir().string() +
             " (run scripts/install-npm-tools.sh)";
    }
  }
  return "";
}

RunResult RunNodeScript(const std::filesystem::path& script, const std::vector<std::string>& args) {
  std::string command = "UNWRAPPED_NPM_DIR='" + NpmDir().string() + "' node '" +
                        (SourceDir() / script).string() + "'";
  for (const std::string& arg : args) command += " '" + arg + "'";
  command += " 2>&1";
  RunResult run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace uw::testing
