#include "pipeline/silver/zone_offsets.h"

#include <algorithm>

namespace uw::silver {
namespace {

// A period's single answer is certain when the instant is this far from both of its ends: no
// other period can then claim the wall clock (offsets differ by less than a day).
constexpr int64_t kSafeMarginS = 2 * 86400;

// 128-bit so the open ends of the first and last periods (int64 extremes) cannot overflow.
bool DeepInside(int64_t t, const core::TimeZone::Period& p) {
  return static_cast<__int128>(t) - p.begin_s >= kSafeMarginS &&
         static_cast<__int128>(p.end_s) - t > kSafeMarginS;
}

}  // namespace

ZoneOffsets::ZoneOffsets(core::TimeZone zone, int64_t from_s, int64_t to_s)
    : zone_(std::move(zone)) {
  if (from_s > to_s) return;
  core::TimeZone::Period p = zone_.PeriodAt(from_s);
  periods_.push_back(p);
  while (p.end_s <= to_s && p.end_s != INT64_MAX) {
    p = zone_.PeriodAt(p.end_s);
    periods_.push_back(p);
  }
  for (const auto& period : periods_) offsets_.push_back(period.offset_s);
  std::sort(offsets_.begin(), offsets_.end());
  offsets_.erase(std::unique(offsets_.begin(), offsets_.end()), offsets_.end());
}

int64_t ZoneOffsets::PeriodIndex(int64_t utc_s) const {
  if (periods_.empty() || utc_s < periods_.front().begin_s || utc_s >= periods_.back().end_s) {
    return -1;
  }
  const auto it = std::upper_bound(periods_.begin(), periods_.end(), utc_s,
                                   [](int64_t t, const auto& p) { return t < p.begin_s; });
  return (it - periods_.begin()) - 1;
}

int ZoneOffsets::OffsetSeconds(int64_t utc_s) const {
  const int64_t i = PeriodIndex(utc_s);
  return i < 0 ? zone_.OffsetSeconds(utc_s) : periods_[static_cast<size_t>(i)].offset_s;
}

void ZoneOffsets::FromLocal(int64_t local_s, std::vector<int64_t>& out) const {
  out.clear();
  // The period holding the wall clock read as UTC is next to the one holding the real instant.
  const int64_t guess = PeriodIndex(local_s);
  if (guess >= 0) {
    for (int64_t i = std::max<int64_t>(0, guess - 1);
         i <= std::min<int64_t>(static_cast<int64_t>(periods_.size()) - 1, guess + 1); ++i) {
      const auto& p = periods_[static_cast<size_t>(i)];
      const int64_t utc = local_s - p.offset_s;
      if (DeepInside(utc, p)) {
        out.push_back(utc);
        return;
      }
    }
  }
  out = zone_.FromLocal(local_s);  // near a transition or outside the range
}

}  // namespace uw::silver
