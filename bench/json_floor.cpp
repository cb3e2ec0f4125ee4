// The least work any reader of an export must do: read every JSON file and parse it once with
// simdjson (the fastest parser we know), on N threads, with nothing done with the values. It is
// half of the floor under `import` + `build --layer silver` that bench/silver_vs_peers.sh reports
// beside the peers; the other half is making a copy of the export durable (`cp -r` and `sync`).
//   json_floor [--threads N] PATH...     PATH: a JSON file or a folder searched for *.json
// Prints one JSON line: files, bytes, top-level array elements, seconds.
#include <fcntl.h>
#include <fmt/format.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "sources/spotify_export/file_bytes.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> JsonFiles(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  for (const std::string& path : paths) {
    if (!fs::is_directory(path)) {
      files.emplace_back(path);
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(path)) {
      if (entry.is_regular_file() && entry.path().extension() == ".json")
        files.push_back(entry.path());
    }
  }
  return files;
}

// Reads a whole file into `bytes` (simdjson's padding after it); false when it cannot.
bool ReadFile(const fs::path& path, uw::spotify_export::FileBytes& bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0;
  if (ok) bytes.Resize(static_cast<size_t>(st.st_size));
  for (size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  ::close(fd);
  return ok;
}

struct Totals {
  std::atomic<uint64_t> bytes{0}, elements{0}, failed{0};
};

// Parses the files a worker takes from the shared cursor, with one buffer and one parser reused.
void Work(const std::vector<fs::path>& files, std::atomic<size_t>& next, Totals& totals) {
  uw::spotify_export::FileBytes bytes;
  simdjson::dom::parser parser;
  for (size_t i = next++; i < files.size(); i = next++) {
    if (!ReadFile(files[i], bytes)) {
      ++totals.failed;
      continue;
    }
    simdjson::dom::element root;
    if (parser.parse(bytes.data(), bytes.size(), false).get(root)) {
      ++totals.failed;
      continue;
    }
    totals.bytes += bytes.size();
    simdjson::dom::array array;
    if (!root.get(array)) totals.elements += array.size();
  }
}

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = 2;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) {
    fmt::print(stderr, "usage: json_floor [--threads N] PATH...\n");
    return 2;
  }
  const std::vector<fs::path> files = JsonFiles(paths);
  const auto start = std::chrono::steady_clock::now();
  Totals totals;
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back([&] { Work(files, next, totals); });
  for (std::thread& worker : workers) worker.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("{{\"files\":{},\"bytes\":{},\"elements\":{},\"failed\":{},\"threads\":{},\"seconds\":{:.3f}}}\n",
             files.size(), totals.bytes.load(), totals.elements.load(), totals.failed.load(),
             threads, seconds);
  return totals.failed == 0 ? 0 : 1;
}
