// A growable byte buffer for whole input files: never zero-filled (a file is read straight into
// it) and always followed by simdjson's padding, so the parser needs no copy. Reused across the
// files one worker reads, which spares a fresh allocation and its page faults per file.
#pragma once

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>

namespace uw::spotify_export {

class FileBytes {
 public:
  FileBytes() = default;
  explicit FileBytes(std::string_view bytes) { Assign(bytes); }

  // Sets the size; bytes past the old size are unspecified until written. The padding after
  // the new size is zeroed (it is small).
  void Resize(size_t size) {
    if (size + simdjson::SIMDJSON_PADDING > capacity_) Grow(size + simdjson::SIMDJSON_PADDING);
    size_ = size;
    std::memset(data_.get() + size_, 0, simdjson::SIMDJSON_PADDING);
  }
  void Assign(std::string_view bytes) {
    Resize(bytes.size());
    if (!bytes.empty()) std::memcpy(data_.get(), bytes.data(), bytes.size());
  }
  void Clear() { size_ = 0; }

  char* data() { return data_.get(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {data_.get(), size_}; }

 private:
  void Grow(size_t capacity) {
    capacity = std::max(capacity, capacity_ + capacity_ / 2);
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
    if (size_ > 0) std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = capacity;
  }

  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace uw::spotify_export
