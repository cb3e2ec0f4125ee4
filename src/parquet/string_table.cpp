#include "parquet/string_table.h"

#include <cstring>

#include "core/error.h"
#include "parquet/encoders/dictionary.h"

namespace uw::parquet {
namespace {

constexpr size_t kInitialSlots = 1024;

uint32_t Hash32(std::string_view value) { return static_cast<uint32_t>(detail::HashBytes(value)); }

}  // namespace

uint32_t StringTable::Add(std::string_view value) {
  const uint32_t code = Append(value);
  if (!slots_.empty()) {
    IndexCode(code);
  } else if (code != 0) {
    unindexed_ = true;
  }
  return code;
}

uint32_t StringTable::Append(std::string_view value) {
  if (size() >= UINT32_MAX - 1)
    Fail(ErrorCode::kInput, "more than 2^32 - 1 strings in a column's dictionary");
  chars_.append(value);
  offsets_.push_back(chars_.size());
  return static_cast<uint32_t>(size() - 1);
}

void StringTable::EnsureIndex() {
  if (!slots_.empty()) return;
  slots_.assign(kInitialSlots, 0);
  for (size_t code = 0; code < size(); ++code) IndexCode(static_cast<uint32_t>(code));
  unindexed_ = false;
}

uint32_t StringTable::Intern(std::string_view value) {
  EnsureIndex();
  return InternHashed(value, Hash32(value));
}

uint32_t StringTable::InternHashed(std::string_view value, uint32_t hash) {
  uint64_t* slot = Probe(value, hash);
  if (*slot != 0) return static_cast<uint32_t>(*slot) - 1;
  const uint32_t code = Append(value);
  Occupy(*slot, hash, code);
  return code;
}

void StringTable::InternMany(std::span<const std::string_view> values, uint32_t* codes) {
  EnsureIndex();
  const size_t n = values.size();
  std::vector<uint32_t> hashes(n);
  for (size_t i = 0; i < n; ++i) hashes[i] = Hash32(values[i]);
  // Three stages ahead of the value being interned: its first slot, then the offsets of the
  // string that slot holds, then that string's bytes. Only hints: the index may grow meanwhile.
  constexpr size_t kSlotAhead = 12, kOffsetAhead = 6, kBytesAhead = 3;
  for (size_t i = 0; i < n; ++i) {
    const size_t mask = slots_.size() - 1;
    if (i + kSlotAhead < n) __builtin_prefetch(&slots_[hashes[i + kSlotAhead] & mask]);
    if (i + kOffsetAhead < n) {
      const uint64_t slot = slots_[hashes[i + kOffsetAhead] & mask];
      if (slot != 0) __builtin_prefetch(&offsets_[static_cast<uint32_t>(slot) - 1]);
    }
    if (i + kBytesAhead < n) {
      const uint64_t slot = slots_[hashes[i + kBytesAhead] & mask];
      if (slot != 0) __builtin_prefetch(chars_.data() + offsets_[static_cast<uint32_t>(slot) - 1]);
    }
    codes[i] = InternHashed(values[i], hashes[i]);
  }
}

void StringTable::Reserve(size_t strings, size_t bytes) {
  offsets_.reserve(offsets_.size() + strings);
  chars_.reserve(chars_.size() + bytes);
}

uint64_t* StringTable::Probe(std::string_view value, uint32_t hash) {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    uint64_t& slot = slots_[i];
    if (slot == 0) return &slot;
    if (static_cast<uint32_t>(slot >> 32) == hash && Get(static_cast<uint32_t>(slot) - 1) == value)
      return &slot;
  }
}

void StringTable::IndexCode(uint32_t code) {
  const std::string_view value = Get(code);
  const uint32_t hash = Hash32(value);
  uint64_t* slot = Probe(value, hash);
  if (*slot == 0) {
    Occupy(*slot, hash, code);
  } else {
    unique_ = false;  // an equal string indexed earlier keeps the slot
  }
}

void StringTable::Occupy(uint64_t& slot, uint32_t hash, uint32_t code) {
  slot = (uint64_t{hash} << 32) | (code + 1);
  if (++indexed_ * 2 > slots_.size()) GrowIndex();
}

void StringTable::GrowIndex() {
  std::vector<uint64_t> old(slots_.size() * 2, 0);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const uint64_t slot : old) {
    if (slot == 0) continue;
    size_t i = (slot >> 32) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace uw::parquet
