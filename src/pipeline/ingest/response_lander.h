// Landing one recently-played response in bronze: the raw bytes under
// bronze/spotify_api/recently_played/year=/month=/day=/<fetched_at_ms>[-pN].json (the UTC day of
// the fetch), written with put-if-absent so an object once landed is never changed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/object_store.h"

namespace uw::ingest {

// The bronze key of page `page` (1 = no suffix) of the poll fetched at `fetched_at_ms`.
std::string ResponseKey(int64_t fetched_at_ms, int page);

// Lands `body` under ResponseKey and returns the key it is stored under. When that key already
// holds other bytes (two polls in one millisecond, e.g. after a clock step back), the name gets
// the first 16 hex digits of the body's SHA-256 instead of being overwritten. Not synced: the
// caller syncs once after the last response. Throws Error(kIo) when the store fails.
std::string LandResponse(storage::ObjectStore& lake, int64_t fetched_at_ms, int page,
                         std::string_view body);

}  // namespace uw::ingest
