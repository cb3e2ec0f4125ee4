// The least work any import + silver build of an export must do, with nothing else: read every
// JSON file and parse it once with simdjson (the fastest parser we know), and, with --copy-to,
// also make a durable copy of it (bronze keeps the bytes as received, DESIGN §2), and with
// --sha256 hash it (bronze names a file by its SHA-256, DESIGN §2), on N threads.
// bench/silver_vs_peers.sh reports it as the `floor` row beside the peers.
//   json_floor [--threads N] [--copy-to DIR] [--sha256] PATH...
//   PATH: a JSON file or a folder searched for *.json
// The copy is made the cheapest way we know, the way `import` lands files: the kernel copies
// each file (copy_file_range), its writeback starts at once, and one syncfs waits for all of
// them at the end. `cp -r && sync` measured slower than `import` itself at 5M events.
// Prints one JSON line: files, bytes, top-level array elements, seconds.
#include <fcntl.h>
#include <fmt/format.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "core/fd.h"
#include "core/sha256.h"
#include "sources/spotify_export/file_bytes.h"

namespace fs = std::filesystem;
using uw::core::Fd;

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

// Reads the whole open file into `bytes` (simdjson's padding after it); false when it cannot.
bool ReadAll(int fd, uw::spotify_export::FileBytes& bytes) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return false;
  bytes.Resize(static_cast<size_t>(st.st_size));
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::pread(fd, bytes.data() + done, bytes.size() - done, off_t(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// Copies `size` bytes of `in` to a new file `to` in the kernel and starts its writeback.
bool CopyOut(int in, uint64_t size, const fs::path& to) {
  const Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (out.get() < 0) return false;
  loff_t in_off = 0, out_off = 0;
  while (static_cast<uint64_t>(in_off) < size) {
    const ssize_t n = ::copy_file_range(in, &in_off, out.get(), &out_off, size - in_off, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
  }
  ::sync_file_range(out.get(), 0, 0, SYNC_FILE_RANGE_WRITE);
  return true;
}

struct Totals {
  std::atomic<uint64_t> bytes{0}, elements{0}, failed{0};
};

// Takes files from the shared cursor: copies (when `copy_to` is set), reads and parses each,
// with one buffer and one parser reused.
void Work(const std::vector<fs::path>& files, const fs::path& copy_to, bool sha256,
          std::atomic<size_t>& next, Totals& totals) {
  uw::spotify_export::FileBytes bytes;
  simdjson::dom::parser parser;
  for (size_t i = next++; i < files.size(); i = next++) {
    const Fd in(::open(files[i].c_str(), O_RDONLY | O_CLOEXEC));
    bool ok = in.get() >= 0 && ReadAll(in.get(), bytes);
    if (ok && !copy_to.empty())
      ok = CopyOut(in.get(), bytes.size(), copy_to / fmt::format("{}.json", i));
    if (ok && sha256) ok = uw::core::Sha256Hex(bytes.view()).size() == 64;
    simdjson::dom::element root;
    if (!ok || parser.parse(bytes.data(), bytes.size(), false).get(root)) {
      ++totals.failed;
      continue;
    }
    totals.bytes += bytes.size();
    simdjson::dom::array array;
    if (!root.get(array)) totals.elements += array.size();
  }
}

// Waits until everything written on the file system holding `dir` is durable.
bool SyncFileSystem(const fs::path& dir) {
  const Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  return fd.get() >= 0 && ::syncfs(fd.get()) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = 2;
  fs::path copy_to;
  bool sha256 = false;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else if (arg == "--sha256") {
      sha256 = true;
    } else if (arg == "--copy-to" && i + 1 < argc) {
      copy_to = argv[++i];
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) {
    fmt::print(stderr, "usage: json_floor [--threads N] [--copy-to DIR] [--sha256] PATH...\n");
    return 2;
  }
  const std::vector<fs::path> files = JsonFiles(paths);
  const auto start = std::chrono::steady_clock::now();
  if (!copy_to.empty()) fs::create_directories(copy_to);
  Totals totals;
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back([&] { Work(files, copy_to, sha256, next, totals); });
  for (std::thread& worker : workers) worker.join();
  if (!copy_to.empty() && !SyncFileSystem(copy_to)) ++totals.failed;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print(
      "{{\"files\":{},\"bytes\":{},\"elements\":{},\"failed\":{},\"threads\":{},\"copied\":{},"
      "\"sha256\":{},\"seconds\":{:.3f}}}\n",
      files.size(), totals.bytes.load(), totals.elements.load(), totals.failed.load(), threads,
      !copy_to.empty(), sha256, seconds);
  return totals.failed == 0 ? 0 : 1;
}
