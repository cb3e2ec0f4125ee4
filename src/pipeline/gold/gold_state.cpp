#include "pipeline/gold/gold_state.h"

#include <simdjson.h>

#include "core/lake_paths.h"
#include "core/text.h"

namespace uw::gold {
namespace {

// Bump when the meaning of a field changes: an older file then reads as absent.
constexpr int64_t kFormat = 1;

void AppendVersions(std::string& json, const char* name,
                    const std::map<std::string, int64_t>& map) {
  json += ",\"" + std::string(name) + "\":{";
  bool first = true;
  for (const auto& [table, version] : map) {
    json += first ? "" : ",";
    first = false;
    core::AppendJsonString(json, table);
    json += ':' + std::to_string(version);
  }
  json += '}';
}

}  // namespace

std::optional<GoldState> ReadGoldState(const storage::ObjectStore& lake) {
  const std::string key = lake::BuildState("gold");
  if (!lake.Exists(key)) return std::nullopt;
  const std::string text = lake.Get(key);
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  int64_t format = 0;
  if (parser.parse(text).get(root) || root["format"].get(format) || format != kFormat) {
    return std::nullopt;
  }
  try {
    GoldState state;
    state.options = std::string(std::string_view(root["options"]));
    for (auto [k, v] : simdjson::dom::object(root["silver"]))
      state.silver[std::string(k)] = int64_t(v);
    for (auto [k, v] : simdjson::dom::object(root["tables"]))
      state.versions[std::string(k)] = int64_t(v);
    return state;
  } catch (const simdjson::simdjson_error&) {
    return std::nullopt;  // a damaged state only costs a rebuild
  }
}

void WriteGoldState(storage::ObjectStore& lake, const GoldState& state) {
  std::string json = "{\"format\":" + std::to_string(kFormat) + ",\"options\":";
  core::AppendJsonString(json, state.options);
  AppendVersions(json, "silver", state.silver);
  AppendVersions(json, "tables", state.versions);
  lake.Put(lake::BuildState("gold"), json + "}\n");
}

}  // namespace uw::gold
