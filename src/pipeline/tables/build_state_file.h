// Reading a layer's build state file (_state/builds/<layer>.json, lake::BuildState): what the
// last build read and wrote, which decides whether the next one is up to date or incremental.
// Reading is forgiving on purpose: an absent file, one that is not JSON, one of another format
// or one damaged inside all read as "no state", which costs a full build, never a wrong one.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/lake_paths.h"
#include "storage/object_store.h"

namespace uw::tables {

// The layer's state as `read(root)` makes it from the file's root object, when the file exists,
// parses, and says "format": `format`; nullopt otherwise, and when `read` meets a missing field
// or a value of the wrong type (simdjson_error).
template <typename Read>
auto ReadBuildStateFile(const storage::ObjectStore& lake, std::string_view layer, int64_t format,
                        Read&& read) -> std::optional<decltype(read(simdjson::dom::element()))> {
  const std::string key = lake::BuildState(layer);
  if (!lake.Exists(key)) return std::nullopt;
  const std::string text = lake.Get(key);
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  int64_t found = 0;
  if (parser.parse(text).get(root) || root["format"].get(found) || found != format) {
    return std::nullopt;
  }
  try {
    return read(root);
  } catch (const simdjson::simdjson_error&) {
    return std::nullopt;
  }
}

}  // namespace uw::tables
