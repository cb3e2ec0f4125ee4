#include "parquet/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace uw::parquet {
namespace {

class BorrowedSource : public ByteSource {
 public:
  BorrowedSource(std::string_view bytes, std::string name)
      : bytes_(bytes), name_(std::move(name)) {}
  uint64_t size() const override { return bytes_.size(); }
  std::string_view Read(uint64_t offset, uint64_t length, std::string&) const override {
    return bytes_.substr(offset, length);
  }
  const std::string& name() const override { return name_; }

 protected:
  std::string_view bytes_;
  std::string name_;
};

class OwnedSource final : public BorrowedSource {
 public:
  OwnedSource(std::string bytes, std::string name)
      : BorrowedSource({}, std::move(name)), owned_(std::move(bytes)) {
    bytes_ = owned_;
  }

 private:
  std::string owned_;
};

class StoreSource final : public ByteSource {
 public:
  StoreSource(const storage::ObjectStore& store, std::string key)
      : store_(store), key_(std::move(key)) {
    const auto info = store_.Stat(key_);
    if (!info) Fail(ErrorCode::kNotFound, "{}: no such object in {}", key_, store_.Url());
    size_ = info->size_bytes;
  }
  uint64_t size() const override { return size_; }
  std::string_view Read(uint64_t offset, uint64_t length, std::string& scratch) const override {
    scratch = store_.GetRange(key_, offset, length);
    if (scratch.size() != length) {
      Fail(ErrorCode::kIo, "{}: read {} of {} bytes at offset {}", key_, scratch.size(), length,
           offset);
    }
    return scratch;
  }
  const std::string& name() const override { return key_; }

 private:
  const storage::ObjectStore& store_;
  std::string key_;
  uint64_t size_ = 0;
};

// The descriptor is closed when the source goes; pread keeps concurrent reads independent.
class FileSource final : public ByteSource {
 public:
  explicit FileSource(std::string path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      if (errno == ENOENT) Fail(ErrorCode::kNotFound, "{}: no such file", path_);
      Fail(ErrorCode::kIo, "{}: cannot open: {}", path_, std::strerror(errno));
    }
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd_);
      Fail(ErrorCode::kIo, "{}: not a regular file", path_);
    }
    size_ = static_cast<uint64_t>(st.st_size);
  }
  ~FileSource() override { ::close(fd_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  uint64_t size() const override { return size_; }
  std::string_view Read(uint64_t offset, uint64_t length, std::string& scratch) const override {
    scratch.resize(length);
    uint64_t done = 0;
    while (done < length) {
      const ssize_t n =
          ::pread(fd_, scratch.data() + done, length - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) Fail(ErrorCode::kIo, "{}: read failed at offset {}", path_, offset + done);
      done += static_cast<uint64_t>(n);
    }
    return scratch;
  }
  const std::string& name() const override { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
  uint64_t size_ = 0;
};

}  // namespace

std::unique_ptr<ByteSource> MakeFileSource(const std::string& path) {
  return std::make_unique<FileSource>(path);
}

std::unique_ptr<ByteSource> MakeBytesSource(std::string bytes, std::string name) {
  return std::make_unique<OwnedSource>(std::move(bytes), std::move(name));
}

std::unique_ptr<ByteSource> MakeBorrowedSource(std::string_view bytes, std::string name) {
  return std::make_unique<BorrowedSource>(bytes, std::move(name));
}

std::unique_ptr<ByteSource> MakeStoreSource(const storage::ObjectStore& store, std::string key) {
  return std::make_unique<StoreSource>(store, std::move(key));
}

}  // namespace uw::parquet
