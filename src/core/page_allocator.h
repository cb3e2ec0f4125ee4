// PageAllocator: a std::allocator replacement that takes memory straight from the kernel (mmap)
// and gives it back on free (munmap). For large, short-lived buffers freed while the process
// goes on growing elsewhere: glibc keeps freed heap memory mapped (and raises its mmap threshold
// after the first large free), so such buffers would otherwise stay in the peak RSS. Silver's
// per-file bronze rows are the case: 550 MB at 5M plays, freed file by file while the plays they
// become are written.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <new>

namespace uw::core {

template <typename T>
struct PageAllocator {
  using value_type = T;

  PageAllocator() = default;
  template <typename U>
  PageAllocator(const PageAllocator<U>&) {}

  T* allocate(size_t n) {
    if (n > size_t(-1) / sizeof(T)) throw std::bad_array_new_length();
    void* p = mmap(nullptr, n * sizeof(T), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) { munmap(p, n * sizeof(T)); }

  template <typename U>
  friend bool operator==(const PageAllocator&, const PageAllocator<U>&) {
    return true;
  }
};

}  // namespace uw::core
