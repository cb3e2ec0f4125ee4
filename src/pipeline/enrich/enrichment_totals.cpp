#include "pipeline/enrich/enrichment_totals.h"

namespace uw::enrich {
namespace {

template <typename Entries>
size_t CountOf(const Entries& by_kind, std::string_view kind) {
  const auto it = by_kind.find(std::string(kind));
  return it == by_kind.end() ? 0 : it->second.size();
}

}  // namespace

bool QueueTotals::work_due(bool include_search) const {
  for (const KindTotals& k : kinds) {
    if (k.pending > 0) return true;
  }
  return include_search && search.pending > 0;
}

QueueTotals CountQueue(const EnrichmentQueue& queue, const EnrichmentState& state,
                       const SearchDecisions& decisions, int64_t now_ms) {
  QueueTotals totals;
  for (const ObjectKind kind : kAllKinds) {
    KindTotals& t = totals.kinds[static_cast<size_t>(kind)];
    t.known = queue.known(kind).size();
    t.fetched = queue.fetched(kind).size();
    t.not_found = CountOf(state.not_found, KindName(kind));
    t.failed = CountOf(state.failed, KindName(kind));
    t.pending = queue.Due(kind, state, now_ms).size();
  }
  SearchTotals& s = totals.search;
  for (const auto& [key, track] : queue.name_only()) {
    ++s.name_only;
    const auto decision = decisions.find(key);
    if (decision != decisions.end()) {
      ++s.decided;
      s.accepted += decision->second.track_id.empty() ? 0 : 1;
    } else if (state.FindFailure(kSearchKind, key)) {
      ++s.failed;
      s.pending += state.Waiting(kSearchKind, key, now_ms) ? 0 : 1;
    } else {
      ++s.pending;
    }
  }
  return totals;
}

}  // namespace uw::enrich
