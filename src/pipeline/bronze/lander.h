// Lands accepted export files in bronze, content addressed (DESIGN §2, §8.8): the bytes are
// stored unchanged with put-if-absent under a key derived from their SHA-256, so importing the
// same bytes again, under any name and in any run, writes nothing and says so. Thread safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "sources/spotify_export/export_kinds.h"
#include "storage/object_store.h"

namespace uw::bronze {

class Lander {
 public:
  // Reads the keys of the exports already in bronze (one listing).
  explicit Lander(storage::ObjectStore& lake);

  struct Landing {
    std::string key;
    bool written = false;  // false: the same bytes were already in bronze under `key`
  };

  // Stores `bytes` for an accepted file. Export kinds go to lake::BronzeExport(kind, sha,
  // name); recently-played responses to lake::BronzeRecentlyPlayed(newest played_at, …), the
  // layout `ingest` uses. Throws Error(kIo) when the store fails.
  // `newest_played_at_ms` is used for kRecentlyPlayed only.
  // `source_path` (may be empty) is a local file holding exactly `bytes`, copied in the kernel.
  Landing Land(spotify_export::FileKind kind, int64_t newest_played_at_ms, std::string_view name,
               std::string_view sha256_hex, std::string_view bytes,
               const std::filesystem::path& source_path = {});

 private:
  struct Known {
    std::string key;
    uint64_t size_bytes = 0;
  };
  storage::ObjectStore& lake_;
  std::mutex mutex_;
  std::unordered_map<std::string, Known> exports_by_sha16_;
};

}  // namespace uw::bronze
