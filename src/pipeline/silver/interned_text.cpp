#include "pipeline/silver/interned_text.h"

#include <atomic>
#include <cstring>
#include <mutex>
#include <ostream>
#include <vector>

#include "core/error.h"
#include "pipeline/silver/play_record.h"

namespace uw::silver {
namespace {

// What precedes an entry's bytes in the pool.
struct Header {
  uint32_t size = 0;
};

Header* HeaderOf(const char* bytes) {
  return reinterpret_cast<Header*>(const_cast<char*>(bytes) - sizeof(Header));
}

constexpr size_t kChunkBytes = size_t{1} << 20;
using text_detail::Entry;
using text_detail::kBlockBits;
using text_detail::kBlocks;
constexpr size_t kBlockSize = size_t{1} << kBlockBits;

Entry& MutableEntryOf(uint32_t id) { return const_cast<Entry&>(text_detail::EntryOf(id)); }
const char* BytesOf(uint32_t id) { return text_detail::EntryOf(id).bytes; }

}  // namespace

std::atomic<Entry*> text_detail::g_blocks[kBlocks];

// The process-wide pool: an arena of entries, the id directory and an open-addressing set over
// them, behind one mutex (threads reach it through a TextInterner, so only first sightings lock).
class TextPool {
 public:
  static TextPool& Global() {
    static TextPool* pool = new TextPool;  // never destroyed: Texts may outlive static destructors
    return *pool;
  }

  Text Intern(std::string_view s, uint64_t hash) {
    std::lock_guard lock(mutex_);
    if ((count_ + 1) * 2 > mask_ + 1) Grow();
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.id == 0) {
        slot = {hash, Add(s)};
        return Text(slot.id);
      }
      if (slot.hash == hash && Text(slot.id).view() == s) return Text(slot.id);
    }
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = 0;  // 0 = empty
  };

  // Stores `s` and gives it the next id.
  uint32_t Add(std::string_view s) {
    if (count_ + 1 >= kBlocks * kBlockSize - 1) Fail(ErrorCode::kInternal, "string pool is full");
    const uint32_t id = static_cast<uint32_t>(++count_);
    if ((id & (kBlockSize - 1)) == 0 || id == 1) {
      blocks_.push_back(std::make_unique<Entry[]>(kBlockSize));
      text_detail::g_blocks[id >> kBlockBits].store(blocks_.back().get(),
                                                    std::memory_order_release);
    }
    Entry& entry = MutableEntryOf(id);
    entry.bytes = Store(s);
    entry.size = static_cast<uint32_t>(s.size());
    return id;
  }

  const char* Store(std::string_view s) {
    if (s.size() > UINT32_MAX / 2) Fail(ErrorCode::kInternal, "string too long to intern");
    const size_t need = (sizeof(Header) + s.size() + 1 + 7) & ~size_t{7};
    char* at;
    if (need > kChunkBytes / 4) {  // large strings get their own block
      chunks_.push_back(std::make_unique<char[]>(need));
      at = chunks_.back().get();
    } else {
      if (need > left_) {
        chunks_.push_back(std::make_unique<char[]>(kChunkBytes));
        next_ = chunks_.back().get();
        left_ = kChunkBytes;
      }
      at = next_;
      next_ += need;
      left_ -= need;
    }
    Header* header = new (at) Header;
    header->size = static_cast<uint32_t>(s.size());
    char* bytes = at + sizeof(Header);
    std::memcpy(bytes, s.data(), s.size());
    bytes[s.size()] = '\0';
    return bytes;
  }

  void Grow() {
    const size_t size = mask_ == 0 ? 4096 : (mask_ + 1) * 2;
    auto slots = std::make_unique<Slot[]>(size);
    for (size_t i = 0; mask_ != 0 && i <= mask_; ++i) {
      if (slots_[i].id == 0) continue;
      size_t j = slots_[i].hash & (size - 1);
      while (slots[j].id != 0) j = (j + 1) & (size - 1);
      slots[j] = slots_[i];
    }
    slots_ = std::move(slots);
    mask_ = size - 1;
  }

  std::mutex mutex_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<std::unique_ptr<Entry[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  std::unique_ptr<Slot[]> slots_;
  size_t mask_ = 0, count_ = 0;
};

namespace {

// The 128-bit product folded to 64 bits: one multiply mixes 16 input bytes.
uint64_t Fold(uint64_t a, uint64_t b) {
  const unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}

uint64_t Load64(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

uint64_t Load32(const char* p) {
  uint32_t word;
  std::memcpy(&word, p, 4);
  return word;
}

// Up to 16 bytes as two words; overlapping loads instead of a variable-length copy.
void LoadTail(const char* p, size_t n, uint64_t& a, uint64_t& b) {
  if (n > 8) {
    a = Load64(p), b = Load64(p + n - 8);
  } else if (n >= 4) {
    a = Load32(p), b = Load32(p + n - 4);
  } else if (n > 0) {
    a = (uint64_t(uint8_t(p[0])) << 16) | (uint64_t(uint8_t(p[n / 2])) << 8) | uint8_t(p[n - 1]);
    b = 0;
  } else {
    a = b = 0;
  }
}

}  // namespace

uint64_t HashBytes(std::string_view s) {
  constexpr uint64_t k0 = 0xA0761D6478BD642Full, k1 = 0xE7037ED1A0B428DBull;
  constexpr uint64_t k2 = 0x8EBC6AF09C88C6E3ull;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = k0 ^ (n * k2);
  for (; n > 16; p += 16, n -= 16) h = Fold(Load64(p) ^ k1, Load64(p + 8) ^ h);
  uint64_t a, b;
  LoadTail(p, n, a, b);
  return Fold(Fold(a ^ k1, b ^ h) ^ k2, n ^ k0);
}

Text Text::Intern(std::string_view s) {
  if (s.empty()) return Text();
  return TextPool::Global().Intern(s, HashBytes(s));
}

std::ostream& operator<<(std::ostream& out, Text text) { return out << text.view(); }

TextInterner::TextInterner() : slots_(std::make_unique<Slot[]>(1024)), mask_(1023) {}

Text TextInterner::Intern(std::string_view s) {
  return s.empty() ? Text() : Intern(s, HashBytes(s));
}

void TextInterner::Submit(std::string_view s) {
  // A three-stage pipeline, kAhead strings apart: hash (while the caller's bytes are still in
  // cache) and prefetch the table slot; then prefetch the candidate entry; then look up for real.
  const size_t i = results_.size();
  results_.emplace_back();
  Pending& now = pending_[i % kRing];
  now = {s, s.empty() ? 0 : HashBytes(s)};
  if (!s.empty()) __builtin_prefetch(&slots_[now.hash & mask_]);
  if (i >= kAhead) PrefetchEntry(pending_[(i - kAhead) % kRing]);
  if (i >= 2 * kAhead) Finish(i - 2 * kAhead);
}

const std::vector<Text>& TextInterner::Drain() {
  const size_t n = results_.size();
  for (size_t i = n > 2 * kAhead ? n - 2 * kAhead : 0; i < n; ++i) Finish(i);
  return results_;
}

void TextInterner::PrefetchEntry(const Pending& p) const {
  if (p.bytes.empty()) return;
  const auto high = static_cast<uint32_t>(p.hash >> 32);
  for (size_t j = p.hash & mask_; slots_[j].id != 0; j = (j + 1) & mask_) {
    if (slots_[j].hash_high != high) continue;
    __builtin_prefetch(slots_[j].bytes - sizeof(Header));
    return;
  }
}

void TextInterner::Finish(size_t i) {
  const Pending& p = pending_[i % kRing];
  results_[i] = p.bytes.empty() ? Text() : Intern(p.bytes, p.hash);
}

Text TextInterner::Intern(std::string_view s, uint64_t hash) {
  const auto high = static_cast<uint32_t>(hash >> 32);
  size_t i = hash & mask_;
  for (; slots_[i].id != 0; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.hash_high == high && HeaderOf(slot.bytes)->size == s.size() &&
        std::memcmp(slot.bytes, s.data(), s.size()) == 0) {
      return Text(slot.id);
    }
  }
  const Text text = TextPool::Global().Intern(s, hash);
  slots_[i] = {high, text.id_, BytesOf(text.id_)};
  if (++used_ * 2 > mask_ + 1) Grow();
  return text;
}

void TextInterner::Grow() {
  const size_t size = (mask_ + 1) * 2;
  auto slots = std::make_unique<Slot[]>(size);
  for (size_t i = 0; i <= mask_; ++i) {
    if (slots_[i].id == 0) continue;
    size_t j = HashBytes(Text(slots_[i].id).view()) & (size - 1);
    while (slots[j].id != 0) j = (j + 1) & (size - 1);
    slots[j] = slots_[i];
  }
  slots_ = std::move(slots);
  mask_ = size - 1;
}

Text NormalisedName(Text name) {
  if (name.empty()) return Text();
  std::atomic<uint32_t>& memo = MutableEntryOf(name.id_).normalised;
  uint32_t normalised = memo.load(std::memory_order_acquire);
  if (normalised == 0) {
    normalised = Text::Intern(NormaliseName(std::string(name.view()))).id_ + 1;
    memo.store(normalised, std::memory_order_release);  // racing threads store the same value
  }
  return Text(normalised - 1);
}

}  // namespace uw::silver
