// Random-access input for the reader: the bytes of a file in memory, or an object in a
// storage::ObjectStore read with ranged gets (footer first, then only the column chunks a
// query needs). Thread safe for concurrent reads when the underlying store is.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "storage/object_store.h"

namespace uw::parquet {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual uint64_t size() const = 0;
  // `length` bytes at `offset`, which the caller has checked lie inside size(). The view points
  // into the source's own memory or into `scratch`.
  virtual std::string_view Read(uint64_t offset, uint64_t length, std::string& scratch) const = 0;
  // Names the file in messages.
  virtual const std::string& name() const = 0;
};

// Owns the bytes.
std::unique_ptr<ByteSource> MakeBytesSource(std::string bytes, std::string name);
// Borrows bytes that must outlive the source.
std::unique_ptr<ByteSource> MakeBorrowedSource(std::string_view bytes, std::string name);
// Reads a local file with positioned reads. Throws Error(kNotFound) when it does not exist,
// Error(kIo) when it cannot be read.
std::unique_ptr<ByteSource> MakeFileSource(const std::string& path);
// Reads `key` from `store` (which must outlive the source). Throws Error(kNotFound) when absent.
std::unique_ptr<ByteSource> MakeStoreSource(const storage::ObjectStore& store, std::string key);

}  // namespace uw::parquet
