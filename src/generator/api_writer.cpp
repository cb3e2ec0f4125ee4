#include "generator/api_writer.h"

#include <fmt/format.h>

#include "core/civil_time.h"
#include "generator/file_sink.h"
#include "core/json.h"
#include "generator/rng.h"

namespace uw::generator {

using core::Json;
using core::JsonLayout;
namespace {

constexpr std::string_view kApi = "https://api.spotify.com/v1/";
constexpr std::string_view kOpen = "https://open.spotify.com/";

Json Urls(std::string_view kind, const std::string& id) {
  return Json::Object().Set("spotify", fmt::format("{}{}/{}", kOpen, kind, id));
}

Json ArtistObject(const Artist& a) {
  return Json::Object()
      .Set("external_urls", Urls("artist", a.id))
      .Set("href", fmt::format("{}artists/{}", kApi, a.id))
      .Set("id", a.id)
      .Set("name", a.name)
      .Set("type", "artist")
      .Set("uri", "spotify:artist:" + a.id);
}

Json Images(const std::string& album_id) {
  const std::string hash =
      fmt::format("{:016x}{:08x}", Mix64(HashTag(album_id)), Mix64(HashTag(album_id) + 1) >> 32);
  Json images = Json::Array();
  for (const auto& [size, prefix] :
       {std::pair{640, "ab67616d0000b273"}, {300, "ab67616d00001e02"}, {64, "ab67616d00004851"}}) {
    images.Push(Json::Object()
                    .Set("height", size)
                    .Set("url", fmt::format("https://i.scdn.co/image/{}{}", prefix, hash))
                    .Set("width", size));
  }
  return images;
}

// Real responses list ~180 markets; a European subset keeps the files small.
Json Markets() {
  static const char* const kMarkets[] = {
      "AD", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB",
      "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO",
      "PL", "PT", "RO", "SE", "SI", "SK", "US", "CA", "JP", "KR", "BR", "MX"};
  Json markets = Json::Array();
  for (const char* m : kMarkets) markets.Push(m);
  return markets;
}

Json AlbumObject(const Catalog& catalog, const Album& al) {
  return Json::Object()
      .Set("album_type", al.type)
      .Set("artists", Json::Array().Push(ArtistObject(catalog.artists[al.artist])))
      .Set("available_markets", Markets())
      .Set("external_urls", Urls("album", al.id))
      .Set("href", fmt::format("{}albums/{}", kApi, al.id))
      .Set("id", al.id)
      .Set("images", Images(al.id))
      .Set("name", al.name)
      .Set("release_date", al.release_date)
      .Set("release_date_precision", al.release_precision)
      .Set("total_tracks", int64_t{al.total_tracks})
      .Set("type", "album")
      .Set("uri", "spotify:album:" + al.id);
}

Json TrackObject(const Catalog& catalog, const Track& t) {
  Json artists = Json::Array().Push(ArtistObject(catalog.artists[t.artist]));
  if (t.featured >= 0) artists.Push(ArtistObject(catalog.artists[t.featured]));
  return Json::Object()
      .Set("album", AlbumObject(catalog, catalog.albums[t.album]))
      .Set("artists", std::move(artists))
      .Set("available_markets", Markets())
      .Set("disc_number", 1)
      .Set("duration_ms", t.duration_ms)
      .Set("explicit", t.is_explicit)
      .Set("external_ids", Json::Object().Set("isrc", t.isrc))
      .Set("external_urls", Urls("track", t.id))
      .Set("href", fmt::format("{}tracks/{}", kApi, t.id))
      .Set("id", t.id)
      .Set("is_local", false)
      .Set("name", t.name)
      .Set("popularity", int64_t{t.popularity})
      .Set("preview_url", nullptr)
      .Set("track_number", int64_t{t.track_number})
      .Set("type", "track")
      .Set("uri", "spotify:track:" + t.id);
}

Json ContextObject(const Catalog& catalog, const Session& s, const std::string& username) {
  std::string kind, id;
  switch (s.context) {
    case ContextKind::kAlbum:
      kind = "album", id = catalog.albums[s.context_id].id;
      break;
    case ContextKind::kArtist:
      kind = "artist", id = catalog.artists[s.context_id].id;
      break;
    case ContextKind::kPlaylist:
      kind = "playlist", id = catalog.playlists[s.context_id].id;
      break;
    case ContextKind::kCollection:
      return Json::Object()
          .Set("type", "collection")
          .Set("href", fmt::format("{}me/tracks", kApi))
          .Set("external_urls",
               Json::Object().Set("spotify", fmt::format("{}collection/tracks", kOpen)))
          .Set("uri", fmt::format("spotify:user:{}:collection", username));
    default:
      return Json();
  }
  return Json::Object()
      .Set("type", kind)
      .Set("href", fmt::format("{}{}s/{}", kApi, kind, id))
      .Set("external_urls", Urls(kind, id))
      .Set("uri", fmt::format("spotify:{}:{}", kind, id));
}

Json Response(const Catalog& catalog, const Timeline& timeline, const ApiCapture& capture,
              const ApiPoll& poll, const std::string& username) {
  Json items = Json::Array();
  for (const uint32_t i : poll.items) {
    const Play& p = timeline.plays[i];
    items.Push(Json::Object()
                   .Set("track", TrackObject(catalog, catalog.tracks[p.item]))
                   .Set("played_at", core::FormatIsoMillis(capture.PlayedAtOf(i)))
                   .Set("context", ContextObject(catalog, timeline.sessions[p.session], username)));
  }
  Json response = Json::Object().Set("items", std::move(items));
  if (poll.items.empty()) {
    response.Set("next", nullptr).Set("cursors", nullptr);
  } else {
    const int64_t newest =
        capture.PlayedAtOf(poll.items.front()) - (poll.after_one_ms_early ? 1 : 0);
    const int64_t oldest = capture.PlayedAtOf(poll.items.back());
    response
        .Set("next", fmt::format("{}me/player/recently-played?before={}&limit=50", kApi, oldest))
        .Set("cursors", Json::Object()
                            .Set("after", std::to_string(newest))
                            .Set("before", std::to_string(oldest)));
  }
  return response.Set("limit", 50)
      .Set("href", fmt::format("{}me/player/recently-played?limit=50", kApi));
}

}  // namespace

ApiStats WriteApi(const Catalog& catalog, const Timeline& timeline, const ApiCapture& capture,
                  const std::string& username, const std::filesystem::path& dir) {
  ApiStats stats;
  for (const ApiPoll& poll : capture.polls) {
    const std::string name = fmt::format("recently_played_{}.json", poll.fetched_ms);
    const std::string text =
        Response(catalog, timeline, capture, poll, username).Dump(JsonLayout::kJackson);
    WriteWholeFile(dir / name, text);
    stats.files.push_back(name);
    stats.items += static_cast<int64_t>(poll.items.size());
    stats.bytes += text.size();
  }
  stats.distinct_plays = static_cast<int64_t>(capture.played_at.size());
  return stats;
}

}  // namespace uw::generator
