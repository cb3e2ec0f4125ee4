#include "delta/uuid.h"

#include <fmt/format.h>

#include <random>

namespace uw::delta {

std::string RandomUuid() {
  // One engine per thread, seeded from the OS, so concurrent writers never share state.
  thread_local std::mt19937_64 engine{(uint64_t{std::random_device{}()} << 32) ^
                                      std::random_device{}()};
  uint64_t hi = engine();
  uint64_t lo = engine();
  hi = (hi & ~uint64_t{0xF000}) | 0x4000;                      // version 4
  lo = (lo & ~(uint64_t{0xC} << 60)) | (uint64_t{0x8} << 60);  // RFC 4122 variant
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", hi >> 32, (hi >> 16) & 0xFFFF,
                     hi & 0xFFFF, lo >> 48, lo & 0xFFFFFFFFFFFFull);
}

}  // namespace uw::delta
