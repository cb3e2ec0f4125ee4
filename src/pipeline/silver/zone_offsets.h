// Fast stand-ins for TimeZone::OffsetSeconds and TimeZone::FromLocal over the instants of one
// history: the zone's offset periods covering the range are fetched once, so converting or
// scoring a row is a short binary search instead of a tz database query. Results are exactly
// the zone's: anything outside the range or near a transition is asked of the zone itself.
#pragma once

#include <cstdint>
#include <vector>

#include "core/time_zone.h"

namespace uw::silver {

class ZoneOffsets {
 public:
  // Covers UTC seconds [from_s, to_s].
  ZoneOffsets(core::TimeZone zone, int64_t from_s, int64_t to_s);

  int OffsetSeconds(int64_t utc_s) const;
  // zone.FromLocal(local_s) into `out`: one instant, two in a fall-back hour (earlier first),
  // none in a spring-forward gap.
  void FromLocal(int64_t local_s, std::vector<int64_t>& out) const;
  // Every offset the zone has inside the range.
  const std::vector<int>& offsets() const { return offsets_; }
  const core::TimeZone& zone() const { return zone_; }

 private:
  // Index of the period holding utc_s, or -1 outside the range.
  int64_t PeriodIndex(int64_t utc_s) const;

  core::TimeZone zone_;
  std::vector<core::TimeZone::Period> periods_;  // contiguous, ascending
  std::vector<int> offsets_;
};

}  // namespace uw::silver
