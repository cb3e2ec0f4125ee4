// RAII owner of a POSIX file descriptor: closes it on scope exit. Not copyable.
#pragma once

#include <unistd.h>

namespace uw::core {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace uw::core
