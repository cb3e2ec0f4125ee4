// Dictionary builders for dictionary encoding (Encodings.md "Dictionary Encoding"): each distinct
// value gets the next index; the dictionary page is the PLAIN encoding of the values in index
// order. Doubles are keyed by their bit pattern, so -0.0/+0.0 and NaN payloads round-trip exactly.
// Open addressing with linear probing; not thread safe.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "parquet/encoders/plain.h"

namespace uw::parquet {

namespace detail {
// Slot table shared by both builders: slots hold index + 1 (0 = empty).
class SlotTable {
 public:
  SlotTable() : slots_(kInitialSlots, 0), mask_(kInitialSlots - 1) {}
  size_t mask() const { return mask_; }
  uint32_t& slot(size_t i) { return slots_[i & mask_]; }
  // Call after adding an entry; rehash(index) must return the hash of entry `index`.
  template <typename Rehash>
  void Grow(size_t entries, Rehash&& rehash) {
    if (entries * 2 <= slots_.size()) return;
    std::vector<uint32_t> bigger(slots_.size() * 2, 0);
    const size_t mask = bigger.size() - 1;
    for (uint32_t s : slots_) {
      if (s == 0) continue;
      size_t i = rehash(s - 1) & mask;
      while (bigger[i] != 0) i = (i + 1) & mask;
      bigger[i] = s;
    }
    slots_.swap(bigger);
    mask_ = mask;
  }
  void Clear() {
    slots_.assign(kInitialSlots, 0);
    mask_ = kInitialSlots - 1;
  }

 private:
  static constexpr size_t kInitialSlots = 1024;
  std::vector<uint32_t> slots_;
  size_t mask_;
};

inline uint64_t MixBits(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

// A fast, non-cryptographic string hash: 8-byte words folded with multiply-xor. Good enough to
// spread dictionary entries; never used for anything an attacker could exploit beyond slowness.
inline uint64_t HashBytes(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t h = s.size() * kMul;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * kMul;
  }
  return MixBits(h);
}
}  // namespace detail

// For int32_t, int64_t and double.
template <typename T>
class DictionaryBuilder {
 public:
  uint32_t Insert(T value) {
    const uint64_t key = Key(value);
    // Columns in row order repeat their last value often (a month, a day, a session): one
    // compare instead of a probe.
    if (!values_.empty() && key == last_key_) return last_index_;
    last_key_ = key;
    size_t i = detail::MixBits(key);
    while (true) {
      uint32_t& s = table_.slot(i);
      if (s == 0) break;
      if (Key(values_[s - 1]) == key) return last_index_ = s - 1;
      ++i;
    }
    table_.slot(i) = static_cast<uint32_t>(values_.size() + 1);
    values_.push_back(value);
    table_.Grow(values_.size(),
                [this](uint32_t index) { return detail::MixBits(Key(values_[index])); });
    return last_index_ = static_cast<uint32_t>(values_.size() - 1);
  }
  size_t size() const { return values_.size(); }
  size_t plain_bytes() const { return values_.size() * sizeof(T); }
  void EncodePlain(std::string& out) const {
    PlainEncodeFixed(values_.data(), values_.size(), out);
  }
  const std::vector<T>& values() const { return values_; }
  void Clear() {
    values_.clear();
    table_.Clear();
  }

 private:
  static uint64_t Key(T v) {
    if constexpr (sizeof(T) == 8)
      return std::bit_cast<uint64_t>(v);
    else
      return static_cast<uint32_t>(v);
  }
  std::vector<T> values_;
  detail::SlotTable table_;
  // The key of the last value inserted and its index (meaningless while values_ is empty).
  uint64_t last_key_ = 0;
  uint32_t last_index_ = 0;
};

template <>
class DictionaryBuilder<std::string_view> {
 public:
  uint32_t Insert(std::string_view value) {
    if (indexed_ < hashes_.size()) IndexAdded();
    const uint64_t hash = Hash(value);
    size_t i = hash;
    while (true) {
      uint32_t& s = table_.slot(i);
      if (s == 0) break;
      if (hashes_[s - 1] == hash && Equal(s - 1, value)) return s - 1;
      ++i;
    }
    table_.slot(i) = static_cast<uint32_t>(hashes_.size() + 1);
    chars_.append(value);
    offsets_.push_back(chars_.size());
    hashes_.push_back(hash);
    ++indexed_;
    table_.Grow(hashes_.size(), [this](uint32_t index) { return hashes_[index]; });
    return static_cast<uint32_t>(hashes_.size() - 1);
  }
  // Appends `value`, which the caller knows no entry equals, without hashing it (the strings of
  // a dictionary with UniqueStrings()); the next Insert indexes such entries first.
  uint32_t AddUnique(std::string_view value) {
    chars_.append(value);
    offsets_.push_back(chars_.size());
    hashes_.push_back(0);
    return static_cast<uint32_t>(hashes_.size() - 1);
  }
  size_t size() const { return hashes_.size(); }
  size_t plain_bytes() const { return chars_.size() + 4 * hashes_.size(); }
  std::string_view Get(size_t index) const {
    return std::string_view(chars_).substr(offsets_[index], offsets_[index + 1] - offsets_[index]);
  }
  void EncodePlain(std::string& out) const {
    out.reserve(out.size() + plain_bytes());
    for (size_t i = 0; i < size(); ++i) PlainEncodeByteArray(Get(i), out);
  }
  void Clear() {
    chars_.clear();
    offsets_.assign(1, 0);
    hashes_.clear();
    indexed_ = 0;
    table_.Clear();
  }

 private:
  static uint64_t Hash(std::string_view v) { return detail::HashBytes(v); }
  void IndexAdded() {
    for (; indexed_ < hashes_.size(); ++indexed_) {
      const uint64_t hash = Hash(Get(indexed_));
      hashes_[indexed_] = hash;
      size_t i = hash;
      while (table_.slot(i) != 0) ++i;
      table_.slot(i) = static_cast<uint32_t>(indexed_ + 1);
      table_.Grow(indexed_ + 1, [this](uint32_t index) { return hashes_[index]; });
    }
  }
  bool Equal(size_t index, std::string_view v) const {
    const uint64_t begin = offsets_[index];
    return offsets_[index + 1] - begin == v.size() &&
           std::memcmp(chars_.data() + begin, v.data(), v.size()) == 0;
  }
  std::string chars_;
  std::vector<uint64_t> offsets_{0};
  std::vector<uint64_t> hashes_;  // 0 for entries not indexed yet
  size_t indexed_ = 0;            // entries [0, indexed_) are in table_
  detail::SlotTable table_;
};

// Dictionary indices already given to the codes of a coded string column (column_vector.h): one
// integer probe per value instead of hashing and comparing its bytes.
class CodeIndexMap {
 public:
  static constexpr uint32_t kAbsent = UINT32_MAX;
  uint32_t Find(uint32_t code) const {
    for (size_t i = detail::MixBits(code);; ++i) {
      const Slot& s = slots_[i & mask_];
      if (s.index == kAbsent || s.code == code) return s.index;
    }
  }
  void Put(uint32_t code, uint32_t index) {
    size_t i = detail::MixBits(code);
    while (slots_[i & mask_].index != kAbsent) ++i;
    slots_[i & mask_] = {code, index};
    if (++used_ * 2 > slots_.size()) Grow();
  }
  void Clear() {
    if (used_ == 0) return;
    slots_.assign(kInitialSlots, Slot{});
    mask_ = kInitialSlots - 1;
    used_ = 0;
  }

 private:
  static constexpr size_t kInitialSlots = 1024;
  struct Slot {
    uint32_t code = 0;
    uint32_t index = kAbsent;
  };
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{});
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    used_ = 0;
    for (const Slot& s : old) {
      if (s.index != kAbsent) Put(s.code, s.index);
    }
  }
  std::vector<Slot> slots_ = std::vector<Slot>(kInitialSlots);
  size_t mask_ = kInitialSlots - 1;
  size_t used_ = 0;
};

}  // namespace uw::parquet
