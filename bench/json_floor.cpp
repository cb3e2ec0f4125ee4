// The least work any import + silver build of an export must do, with nothing else: read every
// JSON file and parse it once with simdjson (the fastest parser we know), and, with --copy-to,
// also make a durable copy of it (bronze keeps the bytes as received, DESIGN §2), and with
// --sha256 hash it (bronze names a file by its SHA-256, DESIGN §2), on N threads.
// bench/silver_vs_peers.sh reports it as the `floor` row beside the peers.
//   json_floor [--threads N] [--copy-to DIR] [--sha256] PATH...
//   PATH: a JSON file or a folder searched for *.json
// Files are listed, read and landed by the code `import` uses (ListInputs, LoadInput,
// LocalStore::PutIfAbsentFromFile and Sync): a kernel copy per file with its writeback started
// at once, and one syncfs at the end. `cp -r && sync` measured slower than `import` itself at 5M.
// Prints one JSON line: files, bytes, top-level array elements, seconds.
#include <fmt/format.h>
#include <simdjson.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/error.h"
#include "core/sha256.h"
#include "sources/spotify_export/input_files.h"
#include "storage/local_store.h"

namespace fs = std::filesystem;
namespace se = uw::spotify_export;

namespace {

struct Totals {
  std::atomic<uint64_t> files{0}, bytes{0}, elements{0}, failed{0};
};

struct Options {
  std::optional<uw::storage::LocalStore> copy;  // where copies land, with --copy-to
  bool sha256 = false;
};

// Copies (when asked), hashes (when asked) and parses one JSON file.
void Floor(const se::InputFile& file, size_t index, Options& options,
           simdjson::dom::parser& parser, Totals& totals) {
  if (!file.name.ends_with(".json")) return;
  ++totals.files;
  bool ok = file.error.empty();
  try {
    if (ok && options.copy)
      options.copy->PutIfAbsentFromFile(fmt::format("{}__{}", index, file.name), file.source_path,
                                        file.bytes);
  } catch (const uw::Error& e) {  // a copy that fails counts as a failed file
    fmt::print(stderr, "{}: {}\n", file.display_name, e.what());
    ok = false;
  }
  if (ok && options.sha256) ok = uw::core::Sha256Hex(file.bytes).size() == 64;
  simdjson::dom::element root;
  if (!ok || parser.parse(file.bytes.data(), file.bytes.size(), false).get(root)) {
    ++totals.failed;
    return;
  }
  totals.bytes += file.bytes.size();
  simdjson::dom::array array;
  if (!root.get(array)) totals.elements += array.size();
}

// Takes inputs from the shared cursor, with one buffer and one parser reused.
void Work(const std::vector<se::InputRef>& inputs, Options& options, std::atomic<size_t>& next,
          Totals& totals) {
  se::FileBytes buffer;
  simdjson::dom::parser parser;
  for (size_t i = next++; i < inputs.size(); i = next++) {
    se::LoadInput(inputs[i], se::InputLimits{}, buffer, [&](const se::InputFile& file) {
      Floor(file, i, options, parser, totals);
    });
  }
}

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = 2;
  Options options;
  fs::path copy_to;
  std::vector<fs::path> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else if (arg == "--sha256") {
      options.sha256 = true;
    } else if (arg == "--copy-to" && i + 1 < argc) {
      copy_to = argv[++i];
    } else {
      paths.emplace_back(arg);
    }
  }
  if (paths.empty()) {
    fmt::print(stderr, "usage: json_floor [--threads N] [--copy-to DIR] [--sha256] PATH...\n");
    return 2;
  }
  const std::vector<se::InputRef> inputs = se::ListInputs(paths, se::InputLimits{});
  const auto start = std::chrono::steady_clock::now();
  if (!copy_to.empty()) options.copy.emplace(copy_to);
  Totals totals;
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back([&] { Work(inputs, options, next, totals); });
  for (std::thread& worker : workers) worker.join();
  if (options.copy) options.copy->Sync();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print(
      "{{\"files\":{},\"bytes\":{},\"elements\":{},\"failed\":{},\"threads\":{},\"copied\":{},"
      "\"sha256\":{},\"seconds\":{:.3f}}}\n",
      totals.files.load(), totals.bytes.load(), totals.elements.load(), totals.failed.load(),
      threads, options.copy.has_value(), options.sha256, seconds);
  return totals.failed == 0 ? 0 : 1;
}
