// KeyIndex: numbers distinct keys 0, 1, 2, … in first-insertion order (an open-addressing hash
// table of ids over a vector of keys). Resolution groups plays by small structural keys; this
// replaces std::unordered_map<std::string, …> and its allocation per entry. Not thread safe.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace uw::silver {

// Folds v into hash h (a multiply-xorshift step; finish keys with HashFinish).
inline uint64_t HashMix(uint64_t h, uint64_t v) {
  h = (h ^ v) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}
inline uint64_t HashFinish(uint64_t h) {
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  return h ^ (h >> 32);
}

// Key needs operator== and a `uint64_t Hash() const`.
template <typename Key>
class KeyIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  explicit KeyIndex(size_t expected = 0) {
    size_t size = 16;
    while (size < expected * 2) size *= 2;
    slots_.assign(size, Slot{});
    keys_.reserve(expected);
  }

  // The id of `key`, numbering it when new.
  uint32_t Insert(const Key& key) {
    const uint64_t hash = key.Hash();
    Slot& slot = slots_[Probe(key, hash)];
    if (slot.id_plus_one != 0) return slot.id_plus_one - 1;
    const auto id = static_cast<uint32_t>(keys_.size());
    slot = {id + 1, static_cast<uint32_t>(hash >> 32)};
    keys_.push_back(key);
    if (keys_.size() * 2 > slots_.size()) Grow();
    return id;
  }
  // The id of `key`, or kNone. Concurrent Finds are safe.
  uint32_t Find(const Key& key) const {
    const Slot& slot = slots_[Probe(key, key.Hash())];
    return slot.id_plus_one == 0 ? kNone : slot.id_plus_one - 1;
  }
  size_t size() const { return keys_.size(); }
  const Key& key(uint32_t id) const { return keys_[id]; }

 private:
  struct Slot {
    uint32_t id_plus_one = 0;  // 0 = empty
    uint32_t hash_high = 0;    // spares most key comparisons
  };

  // The slot holding `key`, or the empty slot where it would go.
  size_t Probe(const Key& key, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    const auto high = static_cast<uint32_t>(hash >> 32);
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.id_plus_one == 0) return i;
      if (slot.hash_high == high && keys_[slot.id_plus_one - 1] == key) return i;
    }
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{});
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.id_plus_one == 0) continue;
      size_t i = keys_[s.id_plus_one - 1].Hash() & mask;
      while (slots_[i].id_plus_one != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::vector<Key> keys_;
};

}  // namespace uw::silver
