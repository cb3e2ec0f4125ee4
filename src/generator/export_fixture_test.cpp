#include "generator/export_fixture_test.h"

#include <algorithm>
#include <fstream>
#include <memory>

namespace uw::generator::test {
namespace {

std::unique_ptr<GeneratedExport> Make(int64_t events, uint64_t seed, const std::string& zone) {
  auto e = std::make_unique<GeneratedExport>();
  GeneratorOptions o;
  o.events = events;
  o.seed = seed;
  o.account_zone = zone;
  o.out = e->dir.path();
  e->summary = Generate(o);
  return e;
}

}  // namespace

const GeneratedExport& Export100k() {
  static const std::unique_ptr<GeneratedExport> e = Make(100000, 1, "UTC");
  return *e;
}

const GeneratedExport& ExportBerlin() {
  static const std::unique_ptr<GeneratedExport> e = Make(40000, 2, "Europe/Berlin");
  return *e;
}

std::vector<std::string> ListFiles(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out.push_back(std::filesystem::relative(e.path(), dir).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::filesystem::path> FilesWithPrefix(const std::filesystem::path& dir,
                                                   const std::string& prefix) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> ReadLines(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Str(simdjson::dom::element e) {
  if (e.is_null()) return {};
  return std::string(std::string_view(e.get_string()));
}

bool IsNull(simdjson::dom::element e) { return e.is_null(); }

int64_t Int(simdjson::dom::element e) { return int64_t(e.get_int64()); }

}  // namespace uw::generator::test
