// ObjectStore on a local folder. Put writes a temporary file beside the target and renames it
// over the target (atomic on POSIX); PutIfAbsent links the temporary file to the target, which
// fails if the target exists (tech.md §3.5). Temporary files start with ".tmp-" and are never
// listed.
#pragma once

#include <mutex>
#include <vector>

#include "storage/object_store.h"

namespace uw::storage {

class LocalStore final : public ObjectStore {
 public:
  // Creates `root` if missing. Throws Error(kIo) when it cannot.
  explicit LocalStore(std::filesystem::path root);

  std::string Get(std::string_view key) const override;
  std::string GetRange(std::string_view key, uint64_t offset, uint64_t length) const override;
  std::optional<ObjectInfo> Stat(std::string_view key) const override;
  void Put(std::string_view key, std::string_view data) override;
  bool PutIfAbsent(std::string_view key, std::string_view data) override;
  bool PutIfAbsentFromFile(std::string_view key, const std::filesystem::path& source,
                           std::string_view bytes) override;
  std::vector<ObjectInfo> List(std::string_view prefix) const override;
  bool Delete(std::string_view key) override;
  void Sync() override;
  size_t RemoveAbandonedTemporaries(std::string_view prefix) override;
  std::string Url() const override;
  std::optional<std::filesystem::path> LocalRoot() const override { return root_; }

 private:
  std::filesystem::path PathOf(std::string_view key) const;
  std::filesystem::path WriteTemp(const std::filesystem::path& target, std::string_view data) const;
  // Publishes `temp` as `target` unless it exists; removes `temp` either way.
  bool LinkTemp(const std::filesystem::path& temp, const std::filesystem::path& target) const;
  void Written(const std::filesystem::path& path) const;
  std::filesystem::path root_;
  // What Sync() must make durable: files published and folders whose entries changed since the
  // last Sync (written from several threads).
  mutable std::mutex pending_mutex_;
  mutable std::vector<std::filesystem::path> pending_files_, pending_folders_;
};

}  // namespace uw::storage
