#include "pipeline/silver/event_ids.h"

#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <ostream>
#include <string>

#include "core/civil_time.h"
#include "core/error.h"
#include "pipeline/silver/parallel_ranges.h"
#include "pipeline/silver/play_keys.h"

namespace uw::silver {
namespace {

// What an event id is derived from: content, resolved URI (else names), ended_at second.
struct EventKey {
  uint8_t content = 0;
  Text uri;
  NamesKey names;
  int64_t second = 0;

  bool operator==(const EventKey&) const = default;
  uint64_t Hash() const {
    return HashFinish(HashMix(names.Hash(HashMix(content, uri.key())), uint64_t(second)));
  }
};

EventKey EventKeyOf(const PlayRecord& p) {
  return {static_cast<uint8_t>(p.content), p.resolved_uri,
          p.resolved_uri.empty() ? NamesKeyOf(p) : NamesKey{}, core::FloorDiv(p.ended_at_ms, 1000)};
}

// Counts, for plays[start, end) (one run of plays that may share keys), how many earlier plays
// of the run share each play's EventKey.
void CountRun(const std::vector<PlayRecord>& plays, size_t start, size_t end,
              std::vector<uint32_t>& out) {
  constexpr size_t kSmallRun = 16;
  if (end - start > 1 && end - start <= kSmallRun) {  // compare with each earlier play
    EventKey keys[kSmallRun];
    for (size_t i = start; i < end; ++i) {
      keys[i - start] = EventKeyOf(plays[i]);
      for (size_t j = start; j < i; ++j) out[i] += keys[j - start] == keys[i - start];
    }
  } else if (end - start > 1) {
    KeyIndex<EventKey> keys(end - start);
    std::vector<uint32_t> seen;
    for (size_t i = start; i < end; ++i) {
      const uint32_t id = keys.Insert(EventKeyOf(plays[i]));
      if (id == seen.size()) seen.push_back(0);
      out[i] = seen[id]++;
    }
  }
}

int64_t SecondOf(const PlayRecord& p) { return core::FloorDiv(p.ended_at_ms, 1000); }

// How many earlier plays share each play's EventKey. Plays sorted by time share keys only
// within one second, so only those short runs are compared, on every core (each range of plays
// taking the runs that start in it).
std::vector<uint32_t> Occurrences(const std::vector<PlayRecord>& plays) {
  std::vector<uint32_t> out(plays.size(), 0);
  std::atomic<bool> sorted{true};
  ParallelRanges(plays.size(), [&](size_t begin, size_t end) {
    for (size_t i = std::max<size_t>(begin, 1); i < end && sorted; ++i) {
      if (plays[i].ended_at_ms < plays[i - 1].ended_at_ms) sorted = false;
    }
  });
  if (!sorted) {
    CountRun(plays, 0, plays.size(), out);
    return out;
  }
  // The first play at or after `i` that starts a second.
  const auto run_start = [&](size_t i) {
    while (i > 0 && i < plays.size() && SecondOf(plays[i]) == SecondOf(plays[i - 1])) ++i;
    return i;
  };
  ParallelRanges(plays.size(), [&](size_t begin, size_t end) {
    size_t start = run_start(begin);
    const size_t last = run_start(end);
    while (start < last) {
      const int64_t second = SecondOf(plays[start]);
      size_t run_end = start + 1;
      while (run_end < plays.size() && SecondOf(plays[run_end]) == second) ++run_end;
      CountRun(plays, start, run_end, out);
      start = run_end;
    }
  });
  return out;
}

// SHA-256 with one reused OpenSSL context: a short digest then costs ~0.1 µs, not ~0.4 µs.
class EventIdHasher {
 public:
  EventIdHasher() : md_(EVP_MD_fetch(nullptr, "SHA256", nullptr)), ctx_(EVP_MD_CTX_new()) {
    if (!md_ || !ctx_) {
      Free();
      Fail(ErrorCode::kInternal, "OpenSSL SHA-256 is unavailable");
    }
  }
  ~EventIdHasher() { Free(); }
  EventIdHasher(const EventIdHasher&) = delete;
  EventIdHasher& operator=(const EventIdHasher&) = delete;

  // The first 16 bytes of the digest.
  EventId Prefix(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestInit_ex2(ctx_, md_, nullptr) != 1 ||
        EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(ctx_, digest, &length) != 1) {
      Fail(ErrorCode::kInternal, "OpenSSL SHA-256 failed");
    }
    EventId id;
    id.SetDigest(digest);
    return id;
  }

 private:
  void Free() {
    EVP_MD_CTX_free(ctx_);
    EVP_MD_free(md_);
  }

  EVP_MD* md_;
  EVP_MD_CTX* ctx_;
};

// `value` in decimal, as std::to_string writes it, without a string per call (ids are made
// row by row as the fact tables are written).
void AppendDecimal(std::string& out, int64_t value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

}  // namespace

void EventId::HexTo(char* out) const {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < kBytes; ++i) {
    out[2 * i] = kHex[bytes_[i] >> 4];
    out[2 * i + 1] = kHex[bytes_[i] & 15];
  }
}

std::string EventId::Hex() const {
  std::string hex(kHexSize, '0');
  HexTo(hex.data());
  return hex;
}

std::ostream& operator<<(std::ostream& out, const EventId& id) { return out << id.Hex(); }

EventIds::EventIds(const std::vector<PlayRecord>& plays) : plays_(plays) {
  const std::vector<uint32_t> occurrences = Occurrences(plays);
  for (size_t i = 0; i < occurrences.size(); ++i) {
    if (occurrences[i] != 0) repeats_.emplace_back(static_cast<uint32_t>(i), occurrences[i]);
  }
}

EventId EventIds::Of(size_t i) const {
  // Ids are asked for row by row on the threads writing the fact tables: each keeps its own
  // context and buffer.
  thread_local EventIdHasher sha;
  thread_local std::string identity;
  const PlayRecord& p = plays_[i];
  const auto repeat = std::lower_bound(repeats_.begin(), repeats_.end(), i,
                                       [](const auto& r, size_t play) { return r.first < play; });
  const uint32_t occurrence = repeat != repeats_.end() && repeat->first == i ? repeat->second : 0;
  identity.assign(ContentName(p.content));
  identity += '\x1f';
  identity += p.resolved_uri.empty() ? NameKey(p) : std::string_view(p.resolved_uri);
  identity += '\x1f';
  AppendDecimal(identity, core::FloorDiv(p.ended_at_ms, 1000));
  identity += '\x1f';
  AppendDecimal(identity, occurrence);
  return sha.Prefix(identity);
}

}  // namespace uw::silver
