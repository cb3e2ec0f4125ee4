// The Web API endpoints of the fake (formats.md §3.1–§3.3): single and batch catalogue
// lookups, search and recently-played. Authentication and faults were handled by the caller.
#include <charconv>

#include <fmt/format.h>

#include "core/civil_time.h"
#include "fakes/fake_service.h"
#include "fakes/fake_url.h"

namespace uw::fakes {
namespace {

std::optional<int64_t> ParseInt(const std::string& text) {
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// An optional integer parameter within [low, high]: `fallback` when absent, nullopt when invalid.
std::optional<int64_t> RangeParam(const HttpRequest& request, const std::string& key, int64_t fallback,
                                  int64_t low, int64_t high) {
  const std::string text = Param(request, key);
  if (text.empty()) return fallback;
  const auto value = ParseInt(text);
  if (!value || *value < low || *value > high) return std::nullopt;
  return value;
}

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    const size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

// Late, offline-synced plays show up between others: swap neighbours so no two adjacent items
// keep their order (deterministic, and out of order whenever there are two items).
void SwapNeighbours(std::vector<Json>& items) {
  for (size_t i = 0; i + 1 < items.size(); i += 2) std::swap(items[i], items[i + 1]);
}

}  // namespace

HttpResponse Service::Lookup(const HttpRequest& request, bool floats) {
  const std::string rest = request.path.substr(4);  // "<kind>/<id>"
  const size_t slash = rest.find('/');
  const std::string kind = rest.substr(0, slash);
  const std::string id = rest.substr(slash + 1);
  if (!IsBase62Id(id)) return ApiError(400, "Invalid base62 id");
  std::optional<Json> object = catalog_.Render(kind, id, options_);
  if (!object) return ApiError(404, "Resource not found");
  ++fetches_[{kind, id}];
  return JsonResponse(200, object->Dump({.counts_as_java_doubles = floats}));
}

HttpResponse Service::Batch(const HttpRequest& request, bool nulls, bool floats) {
  const std::string kind = request.path.substr(4);
  // The Feb-2026 change removed every batch lookup for Development-Mode apps.
  if (options_.development_mode) return JsonResponse(403, ApiErrorBody(403, ""));
  const std::string ids_param = Param(request, "ids");
  if (ids_param.empty()) return ApiError(400, "invalid id");
  const std::vector<std::string> ids = Split(ids_param, ',');
  if (static_cast<int>(ids.size()) > BatchLimit(kind)) return ApiError(400, "Too many ids requested");
  for (const auto& id : ids) {
    if (!IsBase62Id(id)) return ApiError(400, "Invalid base62 id");
  }
  Json items = Json::Array();
  int known = 0;
  std::vector<std::string> delivered;
  for (const auto& id : ids) {
    std::optional<Json> object = catalog_.Render(kind, id, options_);
    // kNullEntries: every other known object (the first always) comes back null.
    if (object && nulls && known++ % 2 == 0) object.reset();
    if (object) delivered.push_back(id);
    items.Push(object ? std::move(*object) : Json());
  }
  for (const auto& id : delivered) ++fetches_[{kind, id}];
  Json body = Json::Object();
  body.Set(kind, std::move(items));
  return JsonResponse(200, body.Dump({.counts_as_java_doubles = floats}));
}

HttpResponse Service::Search(const HttpRequest& request, bool floats) {
  const std::string q = Param(request, "q");
  if (q.empty()) return ApiError(400, "No search query");
  search_queries_.push_back(q);
  const std::string types = Param(request, "type");
  if (types.empty()) return ApiError(400, "Missing parameter type");
  // Development-Mode apps: limit at most 10, default 5 (Feb 2026); otherwise 50 and 20.
  const int max_limit = options_.development_mode ? 10 : 50;
  const auto limit = RangeParam(request, "limit", options_.development_mode ? 5 : 20, 0, max_limit);
  if (!limit) return ApiError(400, "Invalid limit");
  const auto offset = RangeParam(request, "offset", 0, 0, 1000);
  if (!offset) return ApiError(400, "Invalid offset");
  const SearchQuery query = ParseSearchQuery(q);
  Json body = Json::Object();
  for (const std::string& type : Split(types, ',')) {
    std::vector<Json> matches;
    if (type == "track") {
      for (const TrackSpec* track : catalog_.SearchTracks(query)) matches.push_back(TrackJson(*track, track->id, options_));
    } else if (type == "artist") {
      for (const ArtistSpec* artist : catalog_.SearchArtists(query)) matches.push_back(ArtistJson(*artist, options_));
    } else if (type != "album" && type != "playlist" && type != "show" && type != "episode" && type != "audiobook") {
      return ApiError(400, "Bad search type field " + type);
    }
    const int64_t total = static_cast<int64_t>(matches.size());
    auto page_href = [&](int64_t page_offset) {
      return fmt::format("{}/search?query={}&type={}&offset={}&limit={}", options_.api_url, UrlEncode(q), type,
                         page_offset, *limit);
    };
    Json items = Json::Array();
    for (int64_t i = *offset; i < std::min(total, *offset + *limit); ++i) items.Push(std::move(matches[i]));
    PageLinks links{.href = page_href(*offset),
                    .next = *offset + *limit < total ? page_href(*offset + *limit) : "",
                    .previous = *offset > 0 ? page_href(std::max<int64_t>(0, *offset - *limit)) : "",
                    .limit = static_cast<int>(*limit),
                    .offset = static_cast<int>(*offset),
                    .total = total};
    body.Set(type + "s", PagingJson(std::move(items), links));
  }
  return JsonResponse(200, body.Dump({.counts_as_java_doubles = floats}));
}

HttpResponse Service::RecentlyPlayed(const HttpRequest& request, const std::string& scope, bool shuffle,
                                     bool floats) {
  if (scope.find(FakeSpotify::kRecentlyPlayedScope) == std::string::npos) {
    return ApiError(403, "Insufficient client scope");
  }
  const std::string after = Param(request, "after");
  const std::string before = Param(request, "before");
  if (!after.empty() && !before.empty()) return ApiError(400, "Only one of after or before may be specified");
  const auto limit = RangeParam(request, "limit", 20, 1, 50);
  if (!limit) return ApiError(400, "Invalid limit");
  PlayWindow window;
  window.limit = static_cast<int>(*limit);
  if (!after.empty() && !(window.after_ms = ParseInt(after))) return ApiError(400, "Invalid after cursor");
  if (!before.empty() && !(window.before_ms = ParseInt(before))) return ApiError(400, "Invalid before cursor");
  const PlayPage page = plays_.Query(window, now_ms_);

  std::vector<Json> items;
  for (const Play& play : page.items) {
    const TrackSpec* track = catalog_.FindTrack(play.track_id);
    items.push_back(Json::Object()
                        .Set("track", track ? TrackJson(*track, play.track_id, options_) : Json())
                        .Set("played_at", core::FormatIsoMillis(play.played_at_ms))
                        .Set("context", ContextJson(play.context_uri, options_)));
  }
  if (shuffle) SwapNeighbours(items);
  Json array = Json::Array();
  for (auto& item : items) array.Push(std::move(item));

  const std::string base = options_.api_url + "/me/player/recently-played";
  std::string href = fmt::format("{}?limit={}", base, *limit);
  if (!after.empty()) href += "&after=" + after;
  if (!before.empty()) href += "&before=" + before;
  Json cursors;  // null without items; strings of ms otherwise
  std::string next;
  if (!page.items.empty()) {
    const int64_t newest = page.items.front().played_at_ms;
    const int64_t oldest = page.items.back().played_at_ms;
    cursors = Json::Object().Set("after", std::to_string(newest)).Set("before", std::to_string(oldest));
    if (page.more_older) next = fmt::format("{}?before={}&limit={}", base, oldest, *limit);
  }
  Json body = Json::Object();
  body.Set("items", std::move(array))
      .Set("next", next.empty() ? Json() : Json(next))
      .Set("cursors", std::move(cursors))
      .Set("limit", static_cast<int>(*limit))
      .Set("href", href);
  return JsonResponse(200, body.Dump({.counts_as_java_doubles = floats}));
}

}  // namespace uw::fakes
