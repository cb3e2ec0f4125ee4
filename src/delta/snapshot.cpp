#include "delta/snapshot.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "core/error.h"
#include "core/lake_paths.h"
#include "delta/action_json.h"

namespace uw::delta {
namespace {

constexpr size_t kVersionDigits = 20;

// The version of a "%020d.json" log file name, or nullopt for any other name.
std::optional<int64_t> CommitVersionOf(std::string_view name) {
  if (name.size() != kVersionDigits + 5 || name.substr(kVersionDigits) != ".json")
    return std::nullopt;
  int64_t version = 0;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + kVersionDigits, version);
  if (ec != std::errc() || end != name.data() + kVersionDigits) return std::nullopt;
  return version;
}

// Sorted committed versions; refuses checkpoints (tech.md §3.6: replaying only the JSON after a
// checkpoint written elsewhere would need its Parquet, which we cannot read as nested data).
std::vector<int64_t> ListVersions(const storage::ObjectStore& store, std::string_view table_root) {
  const std::string prefix = lake::DeltaLogPrefix(table_root);
  std::vector<int64_t> versions;
  for (const auto& info : store.List(prefix)) {
    const std::string_view name = std::string_view(info.key).substr(prefix.size());
    if (name.find(".checkpoint.") != std::string_view::npos && name.ends_with(".parquet")) {
      Fail(ErrorCode::kInput,
           "{}: Delta checkpoints are not supported (written by another engine); found {}",
           table_root, info.key);
    }
    if (const auto version = CommitVersionOf(name)) versions.push_back(*version);
  }
  std::sort(versions.begin(), versions.end());
  return versions;
}

}  // namespace

std::string DataFileKey(std::string_view table_root, std::string_view relative_path) {
  std::string key(table_root);
  if (!key.empty() && key.back() != '/') key.push_back('/');
  key += relative_path;
  return key;
}

std::optional<int64_t> LatestVersion(const storage::ObjectStore& store,
                                     std::string_view table_root) {
  const auto versions = ListVersions(store, table_root);
  if (versions.empty()) return std::nullopt;
  return versions.back();
}

void ApplyCommit(Snapshot& snapshot, int64_t version, const Commit& commit) {
  if (commit.protocol) snapshot.protocol = *commit.protocol;
  if (commit.metadata) snapshot.metadata = *commit.metadata;
  if (version == 0 && (!commit.protocol || !commit.metadata)) {
    Fail(ErrorCode::kCorrupt, "Delta log version 0 lacks its protocol or metaData action");
  }
  for (const auto& remove : commit.removes) snapshot.live_files.erase(remove.path);
  for (const auto& add : commit.adds) snapshot.live_files[add.path] = add;
  snapshot.version = version;
}

std::optional<Snapshot> ReadSnapshot(const storage::ObjectStore& store, std::string_view table_root,
                                     std::optional<int64_t> as_of) {
  const auto versions = ListVersions(store, table_root);
  if (versions.empty()) return std::nullopt;
  const int64_t last = as_of ? *as_of : versions.back();
  Snapshot snapshot;
  for (int64_t version = 0; version <= last; ++version) {
    // Versions are contiguous from 0; a gap means a commit file was lost.
    if (!std::binary_search(versions.begin(), versions.end(), version)) {
      Fail(ErrorCode::kCorrupt, "{}: Delta log version {} is missing", table_root, version);
    }
    std::string text;
    try {
      text = store.Get(lake::DeltaCommit(table_root, version));
    } catch (const Error& e) {
      Fail(ErrorCode::kCorrupt, "{}: Delta log version {} cannot be read: {}", table_root, version,
           e.what());
    }
    try {
      ApplyCommit(snapshot, version, ParseCommit(text, version));
    } catch (const Error& e) {
      if (e.code() != ErrorCode::kCorrupt) throw;
      Fail(ErrorCode::kCorrupt, "{}: {}", table_root, e.what());
    }
  }
  return snapshot;
}

}  // namespace uw::delta
