// A growable byte buffer for whole input files: never zero-filled (a file is read straight into
// it) and always followed by simdjson's padding, so the parser needs no copy. Reused across the
// files one worker reads, which spares a fresh allocation and its page faults per file.
//
// The bytes start on a page boundary, and a large buffer asks for transparent huge pages:
// measured on the 1M-play benchmark, read() copies a file into page-aligned memory twice as
// fast as into malloc's (whose large blocks start 16 bytes into a page, an offset at which
// `rep movsb` on AMD Zen slows down), and huge pages make it cheaper still.
#pragma once

#include <simdjson.h>

#include <cstring>
#include <memory>
#include <string_view>

namespace uw::spotify_export {

// Frees FileBytes storage, which is allocated with an alignment that must be given back.
struct AlignedFree {
  size_t alignment = 0;
  void operator()(char* p) const;
};

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
  // Replaces the storage by one of at least `capacity` bytes, keeping the first size_ bytes.
  void Grow(size_t capacity);

  std::unique_ptr<char[], AlignedFree> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace uw::spotify_export
