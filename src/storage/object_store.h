// The storage interface every layer writes the lake through. Keys are '/'-separated paths
// relative to the store's root (see core/lake_paths.h). Implementations: LocalStore (a folder),
// MemoryStore (tests); chosen by URL scheme in OpenStore(). All methods are thread safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uw::storage {

struct ObjectInfo {
  std::string key;
  uint64_t size_bytes = 0;
  int64_t modified_ms = 0;  // last modification, epoch milliseconds
};

class ObjectStore {
 public:
  virtual ~ObjectStore() = default;

  // The whole object. Throws Error(kNotFound) when it does not exist, Error(kIo) on failure.
  virtual std::string Get(std::string_view key) const = 0;
  // `length` bytes from `offset`; throws Error(kIo) when the range is outside the object.
  virtual std::string GetRange(std::string_view key, uint64_t offset, uint64_t length) const = 0;
  // Size and mtime, or nullopt when absent.
  virtual std::optional<ObjectInfo> Stat(std::string_view key) const = 0;
  bool Exists(std::string_view key) const { return Stat(key).has_value(); }

  // Creates or atomically replaces the object: readers see the old bytes or the new, never a mix.
  virtual void Put(std::string_view key, std::string_view data) = 0;
  // Creates the object only if absent, atomically. Returns false (and changes nothing) when it
  // already exists. This is the primitive for Delta commits and the lake lock.
  virtual bool PutIfAbsent(std::string_view key, std::string_view data) = 0;
  // PutIfAbsent for bytes that are also the contents of the local file `source` (an input being
  // imported). A store on the local file system copies inside the kernel (copy_file_range, as
  // `cp` does) instead of writing `bytes` from memory; `bytes` remain the truth: when the file
  // no longer matches them in size or modification time, `bytes` are written instead.
  virtual bool PutIfAbsentFromFile(std::string_view key, const std::filesystem::path& source,
                                   std::string_view bytes) {
    return PutIfAbsent(key, bytes);
  }
  // Every object whose key starts with `prefix`, sorted by key. Temporary files are not listed.
  virtual std::vector<ObjectInfo> List(std::string_view prefix) const = 0;
  // Returns false when the object did not exist.
  virtual bool Delete(std::string_view key) = 0;

  // Makes every completed write durable (fsync). Cheap to call once at the end of a batch.
  virtual void Sync() {}
  // Deletes the temporaries of interrupted writes under `prefix` (a folder) whose writer is
  // gone; returns how many. Only stores that stage writes in visible temporaries have any.
  virtual size_t RemoveAbandonedTemporaries(std::string_view prefix) { return 0; }
  // The store as a URL, for messages.
  virtual std::string Url() const = 0;
  // The local folder behind the store, when there is one (logs, benchmarks).
  virtual std::optional<std::filesystem::path> LocalRoot() const { return std::nullopt; }
};

// Opens a store by URL: "memory://name" (a process-wide in-memory store per name), "file:///abs"
// or a plain path (created if missing). Throws Error(kUsage) for an unknown scheme.
std::unique_ptr<ObjectStore> OpenStore(const std::string& url);

}  // namespace uw::storage
