// Text: the string type of PlayRecord. An immutable string interned in one process-wide pool, so
// a value is a 4-byte id: copying a record copies no bytes, equal strings are one entry
// (equality compares ids), and the few distinct URIs and names of a history (tens of thousands
// against millions of plays) are stored once. Entries are never freed; the pool only
// grows with distinct strings, so per-play unique values (event ids) are not Text.
// Reads as a std::string_view (implicitly), or as a std::string. Thread safe.
#pragma once

#include <fmt/core.h>

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace uw::silver {

namespace text_detail {
// The pool's id directory (interned_text.cpp): blocks of entries that never move, so view()
// reads it inline and without a lock.
inline constexpr uint32_t kBlockBits = 16;
inline constexpr size_t kBlocks = size_t{1} << (32 - kBlockBits);
struct Entry {
  const char* bytes = nullptr;
  uint32_t size = 0;
  // NormalisedName's memo: its id + 1, 0 = not yet.
  std::atomic<uint32_t> normalised{0};
};
extern std::atomic<Entry*> g_blocks[kBlocks];
inline const Entry& EntryOf(uint32_t id) {
  return g_blocks[id >> kBlockBits].load(std::memory_order_acquire)[id & ((1u << kBlockBits) - 1)];
}
}  // namespace text_detail

class Text {
 public:
  constexpr Text() = default;
  // The interned copy of `s` ("" is the empty Text).
  static Text Intern(std::string_view s);
  Text& operator=(std::string_view s) { return *this = Intern(s); }

  std::string_view view() const {
    if (id_ == 0) return "";
    const text_detail::Entry& e = text_detail::EntryOf(id_);
    return {e.bytes, e.size};
  }
  operator std::string_view() const { return view(); }
  operator std::string() const { return std::string(view()); }
  const char* data() const { return view().data(); }  // NUL-terminated
  size_t size() const { return view().size(); }
  bool empty() const { return id_ == 0; }
  const char* begin() const { return data(); }
  const char* end() const { return data() + size(); }
  bool starts_with(std::string_view prefix) const { return view().starts_with(prefix); }

  // A key for hash maps: equal strings have equal keys; 0 for "".
  uint32_t key() const { return id_; }

  friend bool operator==(Text a, Text b) { return a.id_ == b.id_; }
  friend bool operator==(Text a, std::string_view b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(Text a, Text b) { return a.view() <=> b.view(); }
  friend std::strong_ordering operator<=>(Text a, std::string_view b) { return a.view() <=> b; }

 private:
  friend class TextPool;
  friend class TextInterner;
  friend Text NormalisedName(Text name);  // play_record.h; memoised beside the entry
  explicit Text(uint32_t id) : id_(id) {}

  uint32_t id_ = 0;  // the pool entry; 0 = ""
};

std::ostream& operator<<(std::ostream& out, Text text);

// A per-thread front for Text::Intern: strings seen before cost one hash lookup and no lock.
// Not thread safe; use one per thread.
class TextInterner {
 public:
  TextInterner();
  Text Intern(std::string_view s);

  // Pipelined interning, faster than one by one: the lookups of several strings are in flight
  // at once instead of each waiting for memory. Submit strings (valid until Drain), then Drain
  // returns Intern() of each, in order; Clear() starts over.
  void Submit(std::string_view s);
  const std::vector<Text>& Drain();
  void Clear() { results_.clear(); }

 private:
  static constexpr size_t kAhead = 24, kRing = 2 * kAhead + 1;
  struct Pending {
    std::string_view bytes;
    uint64_t hash = 0;
  };

  struct Slot {
    uint32_t hash_high = 0;
    uint32_t id = 0;              // 0 = empty
    const char* bytes = nullptr;  // the entry's, so a hit reads no directory
  };

  Text Intern(std::string_view s, uint64_t hash);
  void PrefetchEntry(const Pending& p) const;
  void Finish(size_t i);
  void Grow();

  std::unique_ptr<Slot[]> slots_;
  size_t mask_ = 0, used_ = 0;
  Pending pending_[kRing];
  std::vector<Text> results_;
};

// The hash the pool and TextInterner use (exposed for tests).
uint64_t HashBytes(std::string_view s);

}  // namespace uw::silver

template <>
struct fmt::formatter<uw::silver::Text> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(uw::silver::Text text, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(text.view(), ctx);
  }
};
