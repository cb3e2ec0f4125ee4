#include "pipeline/enrich/enrichment_state.h"

#include <simdjson.h>

#include <algorithm>

#include "core/error.h"
#include "core/lake_paths.h"
#include "core/text.h"

namespace uw::enrich {
namespace {

// Bump when the meaning of a field changes.
constexpr int64_t kFormat = 1;
constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kDayMs = 24 * 60 * kMinuteMs;

template <typename Entry>
const Entry* Find(const std::map<std::string, std::map<std::string, Entry>>& by_kind,
                  std::string_view kind, const std::string& id) {
  const auto k = by_kind.find(std::string(kind));
  if (k == by_kind.end()) return nullptr;
  const auto e = k->second.find(id);
  return e == k->second.end() ? nullptr : &e->second;
}

template <typename Entry>
void Erase(std::map<std::string, std::map<std::string, Entry>>& by_kind, std::string_view kind,
           const std::string& id) {
  const auto k = by_kind.find(std::string(kind));
  if (k == by_kind.end()) return;
  k->second.erase(id);
  if (k->second.empty()) by_kind.erase(k);
}

void AppendInt(std::string& json, const char* key, int64_t value, bool first = false) {
  json += first ? "\"" : ",\"";
  json += key;
  json += "\":" + std::to_string(value);
}

template <typename Entry, typename WriteEntry>
void AppendByKind(std::string& json, const char* name,
                  const std::map<std::string, std::map<std::string, Entry>>& by_kind,
                  WriteEntry write_entry) {
  json += ",\n\"" + std::string(name) + "\":{";
  bool first_kind = true;
  for (const auto& [kind, entries] : by_kind) {
    json += first_kind ? "" : ",";
    first_kind = false;
    core::AppendJsonString(json, kind);
    json += ":{";
    bool first = true;
    for (const auto& [id, entry] : entries) {
      json += first ? "\n" : ",\n";
      first = false;
      core::AppendJsonString(json, id);
      json += ":{";
      write_entry(json, entry);
      json += '}';
    }
    json += '}';
  }
  json += '}';
}

int64_t Int(simdjson::dom::element e, const char* key) {
  int64_t v = 0;
  if (e[key].get(v)) {
    double d = 0;  // tolerate a hand-edited 1.0
    if (e[key].get(d)) throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
    v = static_cast<int64_t>(d);
  }
  return v;
}

std::string Str(simdjson::dom::element e, const char* key) {
  std::string_view s;
  return e[key].get(s) ? std::string() : std::string(s);
}

template <typename Entry, typename ReadEntry>
void ReadByKind(simdjson::dom::element root, const char* name,
                std::map<std::string, std::map<std::string, Entry>>& out, ReadEntry read_entry) {
  simdjson::dom::object kinds;
  if (root[name].get(kinds)) return;
  for (auto [kind, entries] : kinds) {
    for (auto [id, value] : simdjson::dom::object(entries)) {
      out[std::string(kind)][std::string(id)] = read_entry(value);
    }
  }
}

}  // namespace

int64_t NotFoundRetryDelayMs(int attempts) {
  if (attempts <= 1) return 7 * kDayMs;
  if (attempts == 2) return 30 * kDayMs;
  if (attempts == 3) return 90 * kDayMs;
  return 180 * kDayMs;
}

int64_t FailureRetryDelayMs(int attempts) {
  const int doublings = std::clamp(attempts - 1, 0, 10);
  return std::min<int64_t>(15 * kMinuteMs << doublings, kDayMs);
}

void EnrichmentState::RecordNotFound(std::string_view kind, const std::string& id, int64_t now_ms,
                                     bool invalid) {
  NotFound& entry = not_found[std::string(kind)][id];
  if (entry.attempts == 0) entry.first_at_ms = now_ms;
  ++entry.attempts;
  entry.last_at_ms = now_ms;
  entry.invalid = invalid;
  entry.next_retry_at_ms = invalid ? 0 : now_ms + NotFoundRetryDelayMs(entry.attempts);
  Erase(failed, kind, id);
}

void EnrichmentState::RecordFailure(std::string_view kind, const std::string& id, int64_t now_ms,
                                    int status, std::string error) {
  Failure& entry = failed[std::string(kind)][id];
  ++entry.attempts;
  entry.last_status = status;
  entry.last_error = std::move(error);
  entry.last_at_ms = now_ms;
  entry.next_retry_at_ms = now_ms + FailureRetryDelayMs(entry.attempts);
}

void EnrichmentState::RecordFetched(std::string_view kind, const std::string& id) {
  Erase(not_found, kind, id);
  Erase(failed, kind, id);
}

bool EnrichmentState::Waiting(std::string_view kind, const std::string& id, int64_t now_ms) const {
  if (const NotFound* nf = FindNotFound(kind, id)) {
    if (nf->invalid || nf->next_retry_at_ms > now_ms) return true;
  }
  const Failure* failure = FindFailure(kind, id);
  return failure && failure->next_retry_at_ms > now_ms;
}

const NotFound* EnrichmentState::FindNotFound(std::string_view kind, const std::string& id) const {
  return Find(not_found, kind, id);
}

const Failure* EnrichmentState::FindFailure(std::string_view kind, const std::string& id) const {
  return Find(failed, kind, id);
}

std::string EnrichmentStateToJson(const EnrichmentState& state) {
  std::string json = "{\"format\":" + std::to_string(kFormat) + ",\"resume_after_ms\":";
  json += state.resume_after_ms ? std::to_string(*state.resume_after_ms) : "null";
  json += ",\"stop_reason\":";
  core::AppendJsonString(json, state.stop_reason);
  json += ",\n\"batch_unavailable\":{";
  bool first = true;
  for (const auto& [kind, since] : state.batch_unavailable) {
    json += first ? "" : ",";
    first = false;
    core::AppendJsonString(json, kind);
    json += ':' + std::to_string(since);
  }
  json += '}';
  AppendByKind(json, "not_found", state.not_found, [](std::string& out, const NotFound& e) {
    AppendInt(out, "attempts", e.attempts, true);
    AppendInt(out, "first_at_ms", e.first_at_ms);
    AppendInt(out, "last_at_ms", e.last_at_ms);
    AppendInt(out, "next_retry_at_ms", e.next_retry_at_ms);
    out += e.invalid ? ",\"invalid\":true" : ",\"invalid\":false";
  });
  AppendByKind(json, "failed", state.failed, [](std::string& out, const Failure& e) {
    AppendInt(out, "attempts", e.attempts, true);
    AppendInt(out, "last_status", e.last_status);
    out += ",\"last_error\":";
    core::AppendJsonString(out, e.last_error);
    AppendInt(out, "last_at_ms", e.last_at_ms);
    AppendInt(out, "next_retry_at_ms", e.next_retry_at_ms);
  });
  return json + "}\n";
}

EnrichmentState EnrichmentStateFromJson(std::string_view json, std::string_view where) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  int64_t format = 0;
  if (parser.parse(json.data(), json.size()).get(root) || root["format"].get(format)) {
    Fail(ErrorCode::kCorrupt, "{}: not an enrichment state file (expected JSON with \"format\")", where);
  }
  if (format != kFormat) {
    Fail(ErrorCode::kCorrupt, "{}: format {} is not the {} this version reads", where, format, kFormat);
  }
  try {
    EnrichmentState state;
    int64_t resume = 0;
    if (!root["resume_after_ms"].get(resume)) state.resume_after_ms = resume;
    state.stop_reason = Str(root, "stop_reason");
    simdjson::dom::object batch;
    if (!root["batch_unavailable"].get(batch)) {
      for (auto [kind, since] : batch) state.batch_unavailable[std::string(kind)] = int64_t(since);
    }
    ReadByKind(root, "not_found", state.not_found, [](simdjson::dom::element e) {
      bool invalid = false;
      if (e["invalid"].get(invalid)) invalid = false;
      return NotFound{static_cast<int>(Int(e, "attempts")), Int(e, "first_at_ms"), Int(e, "last_at_ms"),
                      Int(e, "next_retry_at_ms"), invalid};
    });
    ReadByKind(root, "failed", state.failed, [](simdjson::dom::element e) {
      return Failure{static_cast<int>(Int(e, "attempts")), static_cast<int>(Int(e, "last_status")),
                     Str(e, "last_error"), Int(e, "last_at_ms"), Int(e, "next_retry_at_ms")};
    });
    return state;
  } catch (const simdjson::simdjson_error& e) {
    Fail(ErrorCode::kCorrupt, "{}: damaged enrichment state ({}); move it aside to start over", where,
         e.what());
  }
}

EnrichmentState LoadEnrichmentState(const storage::ObjectStore& lake) {
  const std::string key(lake::kSpotifyEnrichmentKey);
  if (!lake.Exists(key)) return {};
  return EnrichmentStateFromJson(lake.Get(key), key);
}

void SaveEnrichmentState(storage::ObjectStore& lake, const EnrichmentState& state) {
  lake.Put(lake::kSpotifyEnrichmentKey, EnrichmentStateToJson(state));
}

}  // namespace uw::enrich
