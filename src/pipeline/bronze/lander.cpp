#include "pipeline/bronze/lander.h"

#include <fmt/format.h>

#include "core/lake_paths.h"

namespace uw::bronze {
namespace {

constexpr size_t kShaPrefix = 16;  // the hex digits lake::BronzeExport puts in a key

}  // namespace

Lander::Lander(storage::ObjectStore& lake) : lake_(lake) {
  for (const auto& info : lake_.List(lake::kBronzeExportPrefix)) {
    const std::string_view key = info.key;
    const std::string_view file = key.substr(key.rfind('/') + 1);
    if (file.size() > kShaPrefix + 2 && file.substr(kShaPrefix, 2) == "__") {
      exports_by_sha16_.emplace(std::string(file.substr(0, kShaPrefix)),
                                Known{info.key, info.size_bytes});
    }
  }
}

Lander::Landing Lander::Land(spotify_export::FileKind kind, int64_t newest_played_at_ms,
                             std::string_view name, std::string_view sha256_hex,
                             std::string_view bytes, const std::filesystem::path& source_path) {
  const auto put = [&](const std::string& key) {
    return source_path.empty() ? lake_.PutIfAbsent(key, bytes)
                               : lake_.PutIfAbsentFromFile(key, source_path, bytes);
  };
  const std::string sha16(sha256_hex.substr(0, kShaPrefix));
  if (kind == spotify_export::FileKind::kRecentlyPlayed) {
    // The key is a function of the content alone, so put-if-absent is the whole de-duplication.
    const std::string key = lake::BronzeRecentlyPlayed(
        newest_played_at_ms, fmt::format("{}-{}.json", newest_played_at_ms, sha16));
    return {key, put(key)};
  }
  const std::string key = lake::BronzeExport(spotify_export::KindName(kind), sha256_hex, name);
  {
    // Same bytes under another name (a renamed copy, a second unpacked ZIP): already there.
    std::lock_guard lock(mutex_);
    const auto [it, inserted] = exports_by_sha16_.emplace(sha16, Known{key, bytes.size()});
    if (!inserted && it->second.size_bytes == bytes.size()) return {it->second.key, false};
  }
  return {key, put(key)};
}

}  // namespace uw::bronze
