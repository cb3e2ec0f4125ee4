// The event id of a play (DESIGN §2 silver, docs/silver_rules.md): the first 16 bytes of SHA-256
// of its content, resolved URI (else its normalised names), ended_at second and occurrence, the
// number of earlier plays of its list that share those. Worked out when the fact tables are
// written instead of stored per play, where 16 bytes a play are 80 MB at five million plays:
// only the few plays whose occurrence is not 0 are remembered.
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/silver/play_record.h"

namespace uw::silver {

// One event id: the first 16 bytes of a SHA-256, held as bytes and written as 32 lower-case
// hex digits.
class EventId {
 public:
  static constexpr size_t kBytes = 16, kHexSize = 2 * kBytes;
  void SetDigest(const unsigned char* digest) { std::memcpy(bytes_, digest, kBytes); }
  // The 32 hex digits into out[0..31].
  void HexTo(char* out) const;
  std::string Hex() const;

  friend bool operator==(const EventId& a, const EventId& b) {
    return std::memcmp(a.bytes_, b.bytes_, kBytes) == 0;
  }

 private:
  unsigned char bytes_[kBytes] = {};
};

std::ostream& operator<<(std::ostream& out, const EventId& id);

// The event ids of a list of plays.
class EventIds {
 public:
  // Counts the occurrences among `plays` (resolved, in their final order), which must outlive
  // this and not change meanwhile.
  explicit EventIds(const std::vector<PlayRecord>& plays);
  EventIds(const EventIds&) = delete;
  EventIds& operator=(const EventIds&) = delete;

  // The id of plays[i]. Thread safe.
  EventId Of(size_t i) const;

 private:
  const std::vector<PlayRecord>& plays_;
  std::vector<std::pair<uint32_t, uint32_t>> repeats_;  // (play, occurrence > 0), by play
};

}  // namespace uw::silver

template <>
struct fmt::formatter<uw::silver::EventId> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const uw::silver::EventId& id, Context& ctx) const {
    char hex[uw::silver::EventId::kHexSize];
    id.HexTo(hex);
    return fmt::formatter<std::string_view>::format(std::string_view(hex, sizeof hex), ctx);
  }
};
