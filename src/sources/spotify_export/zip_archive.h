// Reading ZIP archives (libzip) under the import limits against hostile archives (DESIGN §8.8):
// sizes are counted while inflating, never taken from the archive's own claims, and reading
// stops as soon as a limit is crossed. Not thread safe: open one ZipArchive per thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sources/spotify_export/file_bytes.h"

namespace uw::spotify_export {

// A byte allowance shared by every entry of one archive (and of the ZIPs nested in it).
class ByteBudget {
 public:
  explicit ByteBudget(uint64_t limit) : limit_(limit) {}
  // Counts n more bytes; false once the total is over the limit.
  bool Take(uint64_t n) { return used_.fetch_add(n) + n <= limit_; }
  uint64_t limit() const { return limit_; }

 private:
  uint64_t limit_;
  std::atomic<uint64_t> used_{0};
};

struct ZipLimits {
  uint64_t max_entry_bytes = 0;  // uncompressed bytes of one entry
  double max_ratio = 0;          // uncompressed / compressed bytes of one entry
};

// Entries smaller than this are never judged by ratio: a tiny file of repeated bytes compresses
// better than any real bomb threshold yet can do no harm.
inline constexpr uint64_t kRatioFloorBytes = 1 << 20;

class ZipArchive {
 public:
  struct Entry {
    uint64_t index = 0;
    std::string name;  // as stored (UTF-8), '/'-separated
    uint64_t compressed_bytes = 0;
    bool is_directory = false;
    bool encrypted = false;
  };

  // Throws Error(kInput) naming `path` when it is not a readable ZIP archive.
  static std::unique_ptr<ZipArchive> Open(const std::filesystem::path& path);
  // An archive held in memory; `bytes` must outlive the archive. Throws Error(kInput).
  static std::unique_ptr<ZipArchive> OpenBuffer(std::string_view bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  const std::vector<Entry>& entries() const { return entries_; }

  // Inflates one entry into `out`. Every byte counts against `limits` and `budget`. Throws
  // Error(kInput) with a message (the caller names the entry) when a limit is crossed or the
  // data is corrupt; `out` then holds what was read so far.
  void Read(const Entry& entry, const ZipLimits& limits, ByteBudget& budget, FileBytes& out) const;

 private:
  struct Handle;
  explicit ZipArchive(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> handle_;
  std::vector<Entry> entries_;
};

// True for an entry name that would escape an extraction folder: an absolute path ("/x",
// "\\x", "C:x") or any ".." component, with '/' or '\\' separators.
bool IsUnsafeEntryName(std::string_view name);

// True when the bytes start like a ZIP archive (a local file header or an empty archive).
bool LooksLikeZip(std::string_view bytes);

}  // namespace uw::spotify_export
