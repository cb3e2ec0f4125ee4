#include "sources/spotify_export/file_bytes.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>

namespace uw::spotify_export {
namespace {

constexpr size_t kPageBytes = 4096;
constexpr size_t kHugePageBytes = size_t{2} << 20;

size_t RoundUp(size_t n, size_t multiple) { return (n + multiple - 1) / multiple * multiple; }

}  // namespace

void AlignedFree::operator()(char* p) const { ::operator delete[](p, std::align_val_t(alignment)); }

void FileBytes::Grow(size_t capacity) {
  capacity = std::max(capacity, capacity_ + capacity_ / 2);
  // Only buffers of several huge pages are worth them: a small file would pin 2 MiB.
  const bool huge = capacity >= 2 * kHugePageBytes;
  const size_t alignment = huge ? kHugePageBytes : kPageBytes;
  capacity = RoundUp(capacity, alignment);
  std::unique_ptr<char[], AlignedFree> bigger(
      static_cast<char*>(::operator new[](capacity, std::align_val_t(alignment))),
      AlignedFree{alignment});
  // Advice only (the system may have huge pages off): failure changes speed, not behaviour.
  if (huge) ::madvise(bigger.get(), capacity, MADV_HUGEPAGE);
  if (size_ > 0) std::memcpy(bigger.get(), data_.get(), size_);
  data_ = std::move(bigger);
  capacity_ = capacity;
}

}  // namespace uw::spotify_export
