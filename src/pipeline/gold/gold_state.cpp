#include "pipeline/gold/gold_state.h"

#include <simdjson.h>

#include "core/lake_paths.h"
#include "core/text.h"
#include "pipeline/tables/build_state_file.h"

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
  return tables::ReadBuildStateFile(lake, "gold", kFormat, [](simdjson::dom::element root) {
    GoldState state;
    state.options = std::string(std::string_view(root["options"]));
    for (auto [k, v] : simdjson::dom::object(root["silver"]))
      state.silver[std::string(k)] = int64_t(v);
    for (auto [k, v] : simdjson::dom::object(root["tables"]))
      state.versions[std::string(k)] = int64_t(v);
    return state;
  });
}

void WriteGoldState(storage::ObjectStore& lake, const GoldState& state) {
  std::string json = "{\"format\":" + std::to_string(kFormat) + ",\"options\":";
  core::AppendJsonString(json, state.options);
  AppendVersions(json, "silver", state.silver);
  AppendVersions(json, "tables", state.versions);
  lake.Put(lake::BuildState("gold"), json + "}\n");
}

}  // namespace uw::gold
