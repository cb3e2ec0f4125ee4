// The event id of a play (DESIGN §2 silver, docs/silver_rules.md): the first 16 bytes of SHA-256
// of its content, resolved URI (else its normalised names), ended_at second and occurrence, the
// number of earlier plays of its list that share those. Worked out when the fact tables are
// written instead of stored per play, where 16 bytes a play are 80 MB at five million plays:
// only the few plays whose occurrence is not 0 are remembered.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "pipeline/silver/play_record.h"

namespace uw::silver {

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
