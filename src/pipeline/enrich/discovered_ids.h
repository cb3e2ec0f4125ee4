// Ids a fetched catalogue object names that enrichment should fetch too: a track's album and
// every one of its artists, an episode's show. Found in the raw bronze responses, so ids learned
// in an earlier run are found again without any state.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/enrich/object_kind.h"

namespace uw::enrich {

// (kind, id) pairs named by one raw response of `kind`; empty for other kinds, unreadable
// bodies or missing fields. Order as in the response; may repeat an id.
std::vector<std::pair<ObjectKind, std::string>> DiscoverIds(ObjectKind kind, std::string_view body);

}  // namespace uw::enrich
