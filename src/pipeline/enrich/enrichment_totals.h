// Counts of the enrichment queue for summaries and `status`: per kind how many ids are known,
// fetched (in bronze), not found, failed and still due, and the same for name-only searches.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "pipeline/enrich/enrichment_queue.h"
#include "pipeline/enrich/enrichment_state.h"
#include "pipeline/enrich/search_decisions.h"

namespace uw::enrich {

struct KindTotals {
  size_t known = 0;
  size_t fetched = 0;    // bronze object present
  size_t not_found = 0;  // recorded 404/400, whether due for a retry or not
  size_t failed = 0;     // recorded failures, whether due for a retry or not
  size_t pending = 0;    // due now: never tried, or a retry whose time has come
};

struct SearchTotals {
  size_t name_only = 0;  // name-only tracks in silver
  size_t decided = 0;    // searched (a decision is recorded)
  size_t accepted = 0;   // decisions with a confident id
  size_t failed = 0;     // searches that failed and wait for a retry
  size_t pending = 0;    // not searched yet and due
};

struct QueueTotals {
  std::array<KindTotals, kAllKinds.size()> kinds;  // indexed by ObjectKind
  SearchTotals search;
  const KindTotals& of(ObjectKind kind) const { return kinds[static_cast<size_t>(kind)]; }
  // True when anything is due at the time the totals were counted.
  bool work_due(bool include_search = true) const;
};

QueueTotals CountQueue(const EnrichmentQueue& queue, const EnrichmentState& state,
                       const SearchDecisions& decisions, int64_t now_ms);

}  // namespace uw::enrich
