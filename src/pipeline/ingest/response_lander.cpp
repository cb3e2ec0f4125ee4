#include "pipeline/ingest/response_lander.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/lake_paths.h"
#include "core/sha256.h"

namespace uw::ingest {
namespace {

std::string Stem(int64_t fetched_at_ms, int page) {
  return page <= 1 ? std::to_string(fetched_at_ms) : fmt::format("{}-p{}", fetched_at_ms, page);
}

}  // namespace

std::string ResponseKey(int64_t fetched_at_ms, int page) {
  return lake::BronzeRecentlyPlayed(fetched_at_ms, Stem(fetched_at_ms, page) + ".json");
}

std::string LandResponse(storage::ObjectStore& lake, int64_t fetched_at_ms, int page,
                         std::string_view body) {
  const std::string key = ResponseKey(fetched_at_ms, page);
  if (lake.PutIfAbsent(key, body) || lake.Get(key) == body) return key;
  const std::string other = lake::BronzeRecentlyPlayed(
      fetched_at_ms,
      fmt::format("{}-{}.json", Stem(fetched_at_ms, page), core::Sha256Hex(body).substr(0, 16)));
  if (lake.PutIfAbsent(other, body) || lake.Get(other) == body) return other;
  Fail(ErrorCode::kIo, "cannot land a recently-played response: {} and {} hold other bytes", key,
       other);
}

}  // namespace uw::ingest
