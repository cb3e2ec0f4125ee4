#include "pipeline/ingest/ingest_state.h"

#include <simdjson.h>

#include <algorithm>
#include <iterator>

#include "core/error.h"
#include "core/lake_paths.h"
#include "core/text.h"

namespace uw::ingest {
namespace {

// Bump when the meaning of a field changes.
constexpr int64_t kFormat = 1;

void TrimRecent(std::set<PlayKey>& recent) {
  while (recent.size() > kRecentKeysKept) recent.erase(recent.begin());  // the oldest go first
}

int64_t IntOr(simdjson::dom::object object, std::string_view field, int64_t fallback) {
  int64_t value = 0;
  return object[field].get(value) ? fallback : value;
}

std::string StringOr(simdjson::dom::object object, std::string_view field) {
  std::string_view value;
  return object[field].get(value) ? std::string() : std::string(value);
}

}  // namespace

std::string IngestStateToJson(const IngestState& state) {
  std::string json = "{\"format\":" + std::to_string(kFormat);
  json += ",\"cursor_ms\":" + std::to_string(state.cursor_ms);
  json += ",\"last_poll_ms\":" + std::to_string(state.last_poll_ms);
  json += ",\"resume_after_ms\":" +
          (state.resume_after_ms ? std::to_string(*state.resume_after_ms) : std::string("null"));
  json += ",\"stop_reason\":";
  core::AppendJsonString(json, state.stop_reason);
  json += ",\"last_error\":";
  core::AppendJsonString(json, state.last_error);
  json += ",\"last_error_ms\":" + std::to_string(state.last_error_ms);
  // Newest first: a reader looking at the file sees the latest plays at the top.
  json += ",\"recent\":[";
  size_t written = 0;
  for (auto it = state.recent.rbegin(); it != state.recent.rend() && written < kRecentKeysKept;
       ++it, ++written) {
    json += written ? ",\n[" : "\n[";
    json += std::to_string(it->played_at_ms) + ',';
    core::AppendJsonString(json, it->track);
    json += ']';
  }
  return json + "]}\n";
}

IngestState IngestStateFromJson(std::string_view json, std::string_view where) {
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  const simdjson::padded_string padded(json);
  if (parser.parse(padded).get(root)) {
    Fail(ErrorCode::kCorrupt, "{}: not a JSON object; move it aside to start the cursor over",
         where);
  }
  if (IntOr(root, "format", 0) != kFormat) {
    Fail(ErrorCode::kCorrupt, "{}: unknown format (expected {}); move it aside to start over",
         where, kFormat);
  }
  IngestState state;
  state.cursor_ms = IntOr(root, "cursor_ms", 0);
  state.last_poll_ms = IntOr(root, "last_poll_ms", 0);
  int64_t resume = 0;
  if (!root["resume_after_ms"].get(resume)) state.resume_after_ms = resume;
  state.stop_reason = StringOr(root, "stop_reason");
  state.last_error = StringOr(root, "last_error");
  state.last_error_ms = IntOr(root, "last_error_ms", 0);
  simdjson::dom::array recent;
  if (root["recent"].get(recent)) {
    Fail(ErrorCode::kCorrupt, "{}: \"recent\" is missing or not an array", where);
  }
  for (simdjson::dom::element entry : recent) {
    simdjson::dom::array pair;
    int64_t played_at_ms = 0;
    std::string_view track;
    if (entry.get(pair) || pair.size() != 2 || pair.at(0).get(played_at_ms) ||
        pair.at(1).get(track)) {
      Fail(ErrorCode::kCorrupt, "{}: \"recent\" holds an entry that is not [played_at_ms, track]",
           where);
    }
    state.recent.insert({played_at_ms, std::string(track)});
  }
  TrimRecent(state.recent);
  return state;
}

IngestState ReadIngestState(const storage::ObjectStore& lake) {
  const std::string key(lake::kSpotifyCursorKey);
  if (!lake.Exists(key)) return {};
  return IngestStateFromJson(lake.Get(key), key);
}

void WriteIngestState(storage::ObjectStore& lake, const IngestState& state) {
  lake.Put(lake::kSpotifyCursorKey, IngestStateToJson(state));
}

void RecordLanded(IngestState& state, const std::set<PlayKey>& keys) {
  if (keys.empty()) return;
  state.recent.insert(keys.begin(), keys.end());
  state.cursor_ms = std::max(state.cursor_ms, std::prev(keys.end())->played_at_ms);
  TrimRecent(state.recent);
}

}  // namespace uw::ingest
