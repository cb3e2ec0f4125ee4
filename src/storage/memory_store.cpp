#include "storage/memory_store.h"

#include <chrono>

#include "core/error.h"

namespace uw::storage {
namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::shared_ptr<void> Registry(const std::string& name, std::shared_ptr<void> fresh) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<void>> stores;
  std::lock_guard lock(mutex);
  auto [it, inserted] = stores.emplace(name, std::move(fresh));
  return it->second;
}

}  // namespace

MemoryStore::MemoryStore(std::string name)
    : name_(std::move(name)),
      shared_(std::static_pointer_cast<Shared>(Registry(name_, std::make_shared<Shared>()))) {}

std::string MemoryStore::Get(std::string_view key) const {
  std::lock_guard lock(shared_->mutex);
  auto it = shared_->objects.find(key);
  if (it == shared_->objects.end()) Fail(ErrorCode::kNotFound, "{}/{} does not exist", Url(), key);
  return it->second.data;
}

std::string MemoryStore::GetRange(std::string_view key, uint64_t offset, uint64_t length) const {
  const std::string data = Get(key);
  if (offset > data.size() || length > data.size() - offset) {
    Fail(ErrorCode::kIo, "{}/{}: range {}+{} is past the end", Url(), key, offset, length);
  }
  return data.substr(offset, length);
}

std::optional<ObjectInfo> MemoryStore::Stat(std::string_view key) const {
  std::lock_guard lock(shared_->mutex);
  auto it = shared_->objects.find(key);
  if (it == shared_->objects.end()) return std::nullopt;
  return ObjectInfo{std::string(key), it->second.data.size(), it->second.modified_ms};
}

void MemoryStore::Put(std::string_view key, std::string_view data) {
  std::lock_guard lock(shared_->mutex);
  shared_->objects[std::string(key)] = Object{std::string(data), NowMs()};
}

bool MemoryStore::PutIfAbsent(std::string_view key, std::string_view data) {
  std::lock_guard lock(shared_->mutex);
  return shared_->objects.emplace(std::string(key), Object{std::string(data), NowMs()}).second;
}

std::vector<ObjectInfo> MemoryStore::List(std::string_view prefix) const {
  std::lock_guard lock(shared_->mutex);
  std::vector<ObjectInfo> out;
  for (auto it = shared_->objects.lower_bound(prefix); it != shared_->objects.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    out.push_back({it->first, it->second.data.size(), it->second.modified_ms});
  }
  return out;
}

bool MemoryStore::Delete(std::string_view key) {
  std::lock_guard lock(shared_->mutex);
  auto it = shared_->objects.find(key);
  if (it == shared_->objects.end()) return false;
  shared_->objects.erase(it);
  return true;
}

}  // namespace uw::storage
