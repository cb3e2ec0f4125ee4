// Validation of one item of a GET /me/player/recently-played response (formats.md §3.1).
#include <fmt/format.h>

#include <cmath>

#include "core/civil_time.h"
#include "sources/spotify_export/json_fields.h"
#include "sources/spotify_export/record_validator.h"

namespace uw::spotify_export {
namespace {

// The Web API wrote integers as floats for months in 2024 ("duration_ms": 204053.0, formats.md
// §3.2): a whole number is an integer here whatever its notation.
std::string CheckApiInteger(std::string_view key, simdjson::dom::element value,
                            std::optional<int64_t>& out) {
  double number = 0;
  if (value.type() == simdjson::dom::element_type::DOUBLE && !value.get(number) &&
      std::trunc(number) == number && std::abs(number) < 9e15) {
    out = static_cast<int64_t>(number);
    return {};
  }
  return CheckInteger(key, value, out);
}

// The track object: only the fields later layers key on are checked; the rest is enrichment
// material that silver reads with its own tolerance.
std::string CheckTrack(simdjson::dom::element value, RecentlyPlayedItem& r) {
  if (value.is_null()) return {};
  simdjson::dom::object track;
  if (value.get(track)) return WrongType("track", value, "an object");
  std::optional<std::string_view> type;
  for (const auto field : track) {
    std::string reason;
    if (field.key == "id") {
      reason = CheckString("track.id", field.value, r.track_id);
    } else if (field.key == "uri") {
      reason = CheckString("track.uri", field.value, r.track_uri);
    } else if (field.key == "name") {
      reason = CheckString("track.name", field.value, r.track_name);
    } else if (field.key == "type") {
      reason = CheckString("track.type", field.value, type);
    } else if (field.key == "duration_ms") {
      reason = CheckApiInteger("track.duration_ms", field.value, r.duration_ms);
    }
    if (!reason.empty()) return reason;
  }
  if (Has(r.track_uri) || Has(r.track_id) || Has(r.track_name)) {
    r.content_type = type == "episode" ? ContentType::kPodcast : ContentType::kMusic;
  }
  return {};
}

std::string CheckContext(simdjson::dom::element value, RecentlyPlayedItem& r) {
  if (value.is_null()) return {};
  simdjson::dom::object context;
  if (value.get(context)) return WrongType("context", value, "an object");
  simdjson::dom::element uri;
  if (context["uri"].get(uri)) return {};
  return CheckString("context.uri", uri, r.context_uri);
}

}  // namespace

std::string ValidateRecentlyPlayedItem(simdjson::dom::element element, RecentlyPlayedItem& out) {
  out = RecentlyPlayedItem{};
  simdjson::dom::object object;
  if (element.get(object)) {
    return fmt::format("is {}, expected an object", JsonTypeName(element.type()));
  }
  simdjson::dom::element played_at, track, context;
  if (object["played_at"].get(played_at)) return "\"played_at\" is missing";
  std::string_view text;
  if (played_at.get(text)) return WrongType("played_at", played_at, "a string");
  const auto ms = core::ParseIsoUtcMillis(text);
  if (!ms) {
    return fmt::format("\"played_at\" is {}, expected a UTC time like 2023-09-22T15:43:33.750Z",
                       ValueExcerpt(played_at));
  }
  out.played_at_ms = *ms;
  if (object["track"].get(track)) return "\"track\" is missing";
  if (std::string reason = CheckTrack(track, out); !reason.empty()) return reason;
  if (!object["context"].get(context)) return CheckContext(context, out);
  return {};
}

}  // namespace uw::spotify_export
