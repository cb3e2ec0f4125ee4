// The listener's decade as a list of plays: how much they listen each day (growing over the
// years, more at weekends and in winter, nothing on some days, less while travelling), where they
// are (trips abroad change conn_country and the IP), and the sessions of each day (listener.h).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/time_zone.h"
#include "generator/catalog.h"
#include "generator/play.h"
#include "generator/rng.h"

namespace uw::generator {

// Plays for the whole scenario. Exactly `events` plays belong to sessions that start before the
// extended export's end; the last two days add their own. When the account zone falls back from
// summer time inside the account window, two extra sessions (at most 24 plays) sit in the repeated
// hour, so that account rows with an ambiguous endTime always exist. Plays still running at
// scenario::kEnd are dropped (they have not ended yet). The result is sorted by (end_ms, seq).
Timeline BuildTimeline(const Catalog& catalog, Rng rng, int64_t events,
                       const core::TimeZone& account_zone);

// The UTC instants in [from, to) at which `zone` turns its clocks back, with the size of the step
// in seconds.
std::vector<std::pair<int64_t, int>> FallBackTransitions(const core::TimeZone& zone, int64_t from,
                                                         int64_t to);

}  // namespace uw::generator
