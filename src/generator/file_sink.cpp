#include "generator/file_sink.h"

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace uw::generator {

FileSink::FileSink(std::filesystem::path path) : path_(std::move(path)) {
  file_.reset(std::fopen(path_.c_str(), "wb"));
  if (!file_) Fail(ErrorCode::kIo, "cannot create {}: {}", path_.string(), std::strerror(errno));
  buffer_.reserve(kFlushBytes + (kFlushBytes >> 2));
}

FileSink::~FileSink() = default;  // an unclosed sink was abandoned by an exception: drop it

void FileSink::Flush() {
  if (buffer_.empty()) return;
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_.get()) != buffer_.size()) {
    Fail(ErrorCode::kIo, "cannot write {}: {}", path_.string(), std::strerror(errno));
  }
  bytes_ += buffer_.size();
  buffer_.clear();
}

void FileSink::Close() {
  if (!file_) return;
  Flush();
  std::FILE* f = file_.release();
  if (std::fclose(f) != 0)
    Fail(ErrorCode::kIo, "cannot write {}: {}", path_.string(), std::strerror(errno));
}

void WriteWholeFile(const std::filesystem::path& path, std::string_view data) {
  FileSink sink(path);
  sink.Write(data);
  sink.Close();
}

}  // namespace uw::generator
