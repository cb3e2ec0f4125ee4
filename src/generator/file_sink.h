// Buffered output files for the generator. The caller appends to buffer() and calls
// MaybeFlush(); bytes go to disk in ~1 MiB writes, so a 1M-record export never holds a whole
// file in memory. Errors become Error(kIo) naming the file. Not thread safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace uw::generator {

class FileSink {
 public:
  // Creates (or truncates) `path`; its folder must exist. Throws Error(kIo).
  explicit FileSink(std::filesystem::path path);
  ~FileSink();
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;

  std::string& buffer() { return buffer_; }
  void Write(std::string_view data) {
    buffer_.append(data);
    MaybeFlush();
  }
  void MaybeFlush() {
    if (buffer_.size() >= kFlushBytes) Flush();
  }
  // Writes what is buffered and closes the file. Throws Error(kIo).
  void Close();
  uint64_t bytes() const { return bytes_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  static constexpr size_t kFlushBytes = 1 << 20;
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  void Flush();
  std::filesystem::path path_;
  std::unique_ptr<std::FILE, Closer> file_;
  std::string buffer_;
  uint64_t bytes_ = 0;
};

// Writes `data` to `path` in one go. Throws Error(kIo).
void WriteWholeFile(const std::filesystem::path& path, std::string_view data);

}  // namespace uw::generator
