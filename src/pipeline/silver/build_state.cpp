#include "pipeline/silver/build_state.h"

#include <simdjson.h>

#include "core/lake_paths.h"
#include "core/text.h"
#include "pipeline/silver/spotify_objects.h"
#include "pipeline/tables/build_state_file.h"

namespace uw::silver {
namespace {

// Bump when the meaning of a field changes: an older file then reads as absent. 3: `bronze`
// includes the Spotify catalogue responses, and the dimensions gained their columns.
constexpr int64_t kFormat = 3;

void AppendStringMap(std::string& json, const char* name,
                     const std::unordered_map<std::string, std::string>& map) {
  json += ",\"" + std::string(name) + "\":{";
  const std::map<std::string, std::string> sorted(map.begin(), map.end());
  bool first = true;
  for (const auto& [key, value] : sorted) {
    if (!first) json += ',';
    first = false;
    core::AppendJsonString(json, key);
    json += ':';
    core::AppendJsonString(json, value);
  }
  json += '}';
}

std::string Str(simdjson::dom::element e) {
  std::string_view s;
  return e.get(s) ? std::string() : std::string(s);
}

}  // namespace

std::map<std::string, uint64_t> ListSilverInputs(const storage::ObjectStore& lake) {
  std::map<std::string, uint64_t> inputs;
  for (const storage::ObjectInfo& object : lake.List(lake::kBronzeExportPrefix))
    inputs[object.key] = object.size_bytes;
  // One listing for recently-played, the catalogue responses and the track searches (they can
  // resolve name-only plays, search_resolution.h).
  for (const storage::ObjectInfo& object : lake.List(lake::kBronzeSpotifyApiPrefix)) {
    if (object.key.starts_with(lake::kBronzeRecentlyPlayedPrefix) ||
        object.key.starts_with(lake::kBronzeSpotifySearchPrefix) || SpotifyObjectOfKey(object.key))
      inputs[object.key] = object.size_bytes;
  }
  return inputs;
}

std::vector<std::string> CatalogueKeys(const std::map<std::string, uint64_t>& inputs) {
  std::vector<std::string> keys;
  for (auto it = inputs.lower_bound(std::string(lake::kBronzeSpotifyApiPrefix));
       it != inputs.end() && it->first.starts_with(lake::kBronzeSpotifyApiPrefix); ++it) {
    if (SpotifyObjectOfKey(it->first)) keys.push_back(it->first);
  }
  return keys;
}

std::optional<SilverState> ReadSilverState(const storage::ObjectStore& lake) {
  return tables::ReadBuildStateFile(lake, "silver", kFormat, [](simdjson::dom::element root) {
    SilverState state;
    state.options = Str(root["options"]);
    state.account_zone = Str(root["account_zone"]);
    state.newest_play_end_ms = int64_t(root["newest_play_end_ms"]);
    state.newest_account_end_ms = int64_t(root["newest_account_end_ms"]);
    for (auto [k, v] : simdjson::dom::object(root["bronze"]))
      state.bronze[std::string(k)] = uint64_t(v);
    for (auto [k, v] : simdjson::dom::object(root["tables"]))
      state.versions[std::string(k)] = int64_t(v);
    for (auto [k, v] : simdjson::dom::object(root["name_only_keys"]))
      state.name_only_keys[std::string(k)] = Str(v);
    for (auto [k, v] : simdjson::dom::object(root["artist_by_name"]))
      state.learned.artist_by_name[std::string(k)] = Str(v);
    for (auto [k, v] : simdjson::dom::object(root["track_facts"])) {
      state.learned.by_track_uri[std::string(k)] = {Str(v["artist_id"]), Str(v["album_id"])};
    }
    return state;
  });
}

void WriteSilverState(storage::ObjectStore& lake, const SilverState& state) {
  std::string json = "{\"format\":" + std::to_string(kFormat) + ",\"options\":";
  core::AppendJsonString(json, state.options);
  json += ",\"account_zone\":";
  core::AppendJsonString(json, state.account_zone);
  json += ",\"newest_play_end_ms\":" + std::to_string(state.newest_play_end_ms);
  json += ",\"newest_account_end_ms\":" + std::to_string(state.newest_account_end_ms);
  json += ",\"tables\":{";
  bool first = true;
  for (const auto& [name, version] : state.versions) {
    json += first ? "" : ",";
    first = false;
    core::AppendJsonString(json, name);
    json += ':' + std::to_string(version);
  }
  json += "},\"bronze\":{";
  first = true;
  for (const auto& [key, size] : state.bronze) {
    json += first ? "\n" : ",\n";
    first = false;
    core::AppendJsonString(json, key);
    json += ':' + std::to_string(size);
  }
  json += "},\"name_only_keys\":{";
  first = true;
  for (const auto& [key, uri] : state.name_only_keys) {
    json += first ? "" : ",";
    first = false;
    core::AppendJsonString(json, key);
    json += ':';
    core::AppendJsonString(json, uri);
  }
  json += '}';
  AppendStringMap(json, "artist_by_name", state.learned.artist_by_name);
  json += ",\"track_facts\":{";
  const std::map<std::string, LearnedIds::TrackFacts> facts(state.learned.by_track_uri.begin(),
                                                            state.learned.by_track_uri.end());
  first = true;
  for (const auto& [uri, f] : facts) {
    json += first ? "" : ",";
    first = false;
    core::AppendJsonString(json, uri);
    json += ":{\"artist_id\":";
    core::AppendJsonString(json, f.artist_id);
    json += ",\"album_id\":";
    core::AppendJsonString(json, f.album_id);
    json += '}';
  }
  lake.Put(lake::BuildState("silver"), json + "}}\n");
}

}  // namespace uw::silver
