// Writes export/recently_played/recently_played_<fetched_at_ms>.json: one raw
// GET /me/player/recently-played response per poll, in the Web API's own pretty layout, with
// full-ish TrackObjects (formats.md §3.1). The poll results come from api_polls.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "generator/api_polls.h"
#include "generator/catalog.h"

namespace uw::generator {

struct ApiStats {
  std::vector<std::string> files;
  int64_t items = 0;
  int64_t distinct_plays = 0;
  uint64_t bytes = 0;
};

// `dir` must exist. Throws Error(kIo).
ApiStats WriteApi(const Catalog& catalog, const Timeline& timeline, const ApiCapture& capture,
                  const std::string& username, const std::filesystem::path& dir);

}  // namespace uw::generator
