#include "pipeline/enrich/search_decisions.h"

#include <simdjson.h>

#include "core/error.h"
#include "core/lake_paths.h"
#include "core/text.h"

namespace uw::enrich {
namespace {

constexpr int64_t kFormat = 1;

void AppendRecord(std::string& json, const SearchRecord& r) {
  json += "{\"track_name\":" + core::JsonString(r.track_name);
  json += ",\"artist_name\":" + core::JsonString(r.artist_name);
  json += ",\"queries\":[";
  for (size_t i = 0; i < r.queries.size(); ++i) json += (i ? "," : "") + core::JsonString(r.queries[i]);
  json += "],\"result_count\":" + std::to_string(r.result_count);
  json += ",\"candidate_count\":" + std::to_string(r.candidate_count);
  json += ",\"track_id\":" + (r.track_id.empty() ? std::string("null") : core::JsonString(r.track_id));
  json += ",\"reason\":" + core::JsonString(r.reason);
  json += ",\"decided_at_ms\":" + std::to_string(r.decided_at_ms) + "}";
}

std::string Str(simdjson::dom::element e, const char* key) {
  std::string_view s;
  return e[key].get(s) ? std::string() : std::string(s);
}

SearchRecord ReadRecord(simdjson::dom::element e) {
  SearchRecord r;
  r.track_name = Str(e, "track_name");
  r.artist_name = Str(e, "artist_name");
  for (simdjson::dom::element q : simdjson::dom::array(e["queries"])) r.queries.emplace_back(std::string_view(q));
  r.result_count = static_cast<int>(int64_t(e["result_count"]));
  r.candidate_count = static_cast<int>(int64_t(e["candidate_count"]));
  r.track_id = Str(e, "track_id");
  r.reason = Str(e, "reason");
  r.decided_at_ms = int64_t(e["decided_at_ms"]);
  return r;
}

}  // namespace

std::string SearchDecisionsToJson(const SearchDecisions& decisions) {
  std::string json = "{\"format\":" + std::to_string(kFormat) + ",\"decisions\":{";
  bool first = true;
  for (const auto& [key, record] : decisions) {
    json += first ? "\n" : ",\n";
    first = false;
    core::AppendJsonString(json, key);
    json += ':';
    AppendRecord(json, record);
  }
  return json + "}}\n";
}

SearchDecisions SearchDecisionsFromJson(std::string_view json, std::string_view where) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  int64_t format = 0;
  if (parser.parse(json.data(), json.size()).get(root) || root["format"].get(format) || format != kFormat) {
    Fail(ErrorCode::kCorrupt, "{}: not a search decisions file of format {}", where, kFormat);
  }
  try {
    SearchDecisions decisions;
    for (auto [key, value] : simdjson::dom::object(root["decisions"])) {
      decisions[std::string(key)] = ReadRecord(value);
    }
    return decisions;
  } catch (const simdjson::simdjson_error& e) {
    Fail(ErrorCode::kCorrupt, "{}: damaged search decisions ({})", where, e.what());
  }
}

SearchDecisions LoadSearchDecisions(const storage::ObjectStore& lake) {
  const std::string key(lake::kSpotifySearchDecisionsKey);
  if (!lake.Exists(key)) return {};
  return SearchDecisionsFromJson(lake.Get(key), key);
}

void SaveSearchDecisions(storage::ObjectStore& lake, const SearchDecisions& decisions) {
  lake.Put(lake::kSpotifySearchDecisionsKey, SearchDecisionsToJson(decisions));
}

}  // namespace uw::enrich
