// ObjectStore in memory, for tests. Stores opened with the same memory:// name share contents for
// the life of the process.
#pragma once

#include <map>
#include <mutex>

#include "storage/object_store.h"

namespace uw::storage {

class MemoryStore final : public ObjectStore {
 public:
  explicit MemoryStore(std::string name = "test");

  std::string Get(std::string_view key) const override;
  std::string GetRange(std::string_view key, uint64_t offset, uint64_t length) const override;
  std::optional<ObjectInfo> Stat(std::string_view key) const override;
  void Put(std::string_view key, std::string_view data) override;
  bool PutIfAbsent(std::string_view key, std::string_view data) override;
  std::vector<ObjectInfo> List(std::string_view prefix) const override;
  bool Delete(std::string_view key) override;
  std::string Url() const override { return "memory://" + name_; }

 private:
  struct Object {
    std::string data;
    int64_t modified_ms;
  };
  struct Shared {
    std::mutex mutex;
    std::map<std::string, Object, std::less<>> objects;
  };
  std::string name_;
  std::shared_ptr<Shared> shared_;
};

}  // namespace uw::storage
