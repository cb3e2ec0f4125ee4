// Splitting a batch lookup response ({"tracks":[{…}, null, …]}, formats.md §3.2) into one raw
// object per id, so each lands in bronze exactly as a single GET would have: one object per file,
// its JSON text cut out of the response byte for byte (numbers are not re-printed, so a 204053.0
// stays 204053.0 for silver's lenient parsing).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/enrich/object_kind.h"

namespace uw::enrich {

struct BatchEntry {
  std::string id;   // the object's own "id"
  std::string raw;  // its JSON text as it appeared in the response
};

// The objects of a batch response of `kind`, in response order (which the caller must not
// trust: entries are matched by their "id", never by position). null entries are left out: the
// caller confirms each missing id with a single GET, since a null in a batch is not proof that an
// id does not exist. nullopt when the body is not such a response or an entry is malformed or
// lacks an id.
std::optional<std::vector<BatchEntry>> SplitBatch(ObjectKind kind, std::string_view body);

}  // namespace uw::enrich
