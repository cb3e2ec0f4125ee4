// Test helpers for the generator: one shared generated export per configuration (generated once
// per test binary, deleted at exit) and readers for its files.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "generator/generator.h"
#include "testing/testing.h"

namespace uw::generator::test {

struct GeneratedExport {
  uw::testing::TempDir dir;
  GeneratorSummary summary;
  std::filesystem::path extended_dir() const {
    return summary.export_dir / "Spotify Extended Streaming History";
  }
  std::filesystem::path account_dir() const { return summary.export_dir / "Spotify Account Data"; }
  std::filesystem::path api_dir() const { return summary.export_dir / "recently_played"; }
};

// 100,000 events, seed 1, account data in UTC.
const GeneratedExport& Export100k();
// 40,000 events, seed 2, account data in Europe/Berlin.
const GeneratedExport& ExportBerlin();

// Regular files under `dir` (recursively) sorted, relative paths.
std::vector<std::string> ListFiles(const std::filesystem::path& dir);
// Files of `dir` whose name starts with `prefix` (not recursive), sorted.
std::vector<std::filesystem::path> FilesWithPrefix(const std::filesystem::path& dir,
                                                   const std::string& prefix);

// One line of a JSONL file per entry.
std::vector<std::string> ReadLines(const std::filesystem::path& path);

std::string Str(simdjson::dom::element e);  // a string value ("" when null)
bool IsNull(simdjson::dom::element e);
int64_t Int(simdjson::dom::element e);

}  // namespace uw::generator::test
