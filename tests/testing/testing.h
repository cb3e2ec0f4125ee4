// Helpers for every test binary: temporary folders, the real `unwrapped` binary, fixtures and the
// optional ../shared folder (tests that need it skip cleanly when it is absent).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace uw::testing {

// A fresh folder under the system temp dir, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::filesystem::path SourceDir();
std::filesystem::path BinaryPath();
// ../shared beside the project (or $UW_SHARED_DIR), when present.
std::optional<std::filesystem::path> SharedDir();

void WriteFile(const std::filesystem::path& path, std::string_view data);
std::string ReadFile(const std::filesystem::path& path);

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the real binary with `args`, a clean environment plus `env`, in `cwd` (if given).
RunResult RunUnwrapped(const std::vector<std::string>& args,
                       const std::map<std::string, std::string>& env = {},
                       const std::optional<std::filesystem::path>& cwd = std::nullopt);

// Node.js with the npm tools of scripts/install-npm-tools.sh (DuckDB, Polars, parquet-wasm,
// apache-arrow) in $UNWRAPPED_NPM_DIR (default ~/.cache/unwrapped-npm).
std::filesystem::path NpmDir();
// Why node-based interop tests cannot run here, or "" when they can.
std::string MissingNodeTools();
// Runs `node SOURCE_DIR/<script> args...` with stderr merged into `out`.
RunResult RunNodeScript(const std::filesystem::path& script, const std::vector<std::string>& args);

}  // namespace uw::testing

// Skips the current test when ../shared is absent.
#define UW_REQUIRE_SHARED(var)                           \
  const auto var##_opt = ::uw::testing::SharedDir();     \
  if (!var##_opt) GTEST_SKIP() << "../shared is absent"; \
  const std::filesystem::path var = *var##_opt
