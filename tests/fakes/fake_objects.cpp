#include "fakes/fake_objects.h"

#include <fmt/format.h>

#include "core/sha256.h"

namespace uw::fakes {
namespace {

// A few markets stand for the ~180 real ones; clients only need the key and an array.
const std::vector<std::string> kMarkets = {"DE", "GB", "SE", "US"};

Json ExternalUrls(std::string_view type, const std::string& id) {
  return Json::Object().Set("spotify", fmt::format("https://open.spotify.com/{}/{}", type, id));
}

std::string Href(const RenderOptions& options, std::string_view plural, const std::string& id) {
  return fmt::format("{}/{}/{}", options.api_url, plural, id);
}

std::string Uri(std::string_view type, const std::string& id) { return fmt::format("spotify:{}:{}", type, id); }

// Three sizes like the real covers; the image id is derived so it is stable per object.
Json Images(const std::string& id) {
  const std::string image_id = core::Sha256Hex(id).substr(0, 40);
  Json images = Json::Array();
  for (int size : {640, 300, 64}) {
    images.Push(Json::Object()
                    .Set("height", Json::Count(size))
                    .Set("url", fmt::format("https://i.scdn.co/image/{}{}", image_id, size))
                    .Set("width", Json::Count(size)));
  }
  return images;
}

Json Artists(const std::vector<ArtistRef>& artists, const RenderOptions& options) {
  Json array = Json::Array();
  for (const auto& artist : artists) array.Push(SimplifiedArtistJson(artist, options));
  return array;
}

Json Copyrights(const std::string& owner) {
  return Json::Array().Push(Json::Object().Set("text", "(C) " + owner).Set("type", "C"));
}

// The keys a simplified track and a full track share, before "name".
void SetTrackHead(Json& json, const TrackSpec& track, const RenderOptions& options) {
  json.Set("artists", Artists(track.artists, options));
  if (!options.development_mode) json.Set("available_markets", Json::Strings(kMarkets));
  json.Set("disc_number", Json::Count(track.disc_number));
  json.Set("duration_ms", Json::Count(track.duration_ms));
  json.Set("explicit", track.is_explicit);
}

Json SimplifiedTrackJson(const TrackSpec& track, const RenderOptions& options) {
  Json json = Json::Object();
  SetTrackHead(json, track, options);
  json.Set("external_urls", ExternalUrls("track", track.id))
      .Set("href", Href(options, "tracks", track.id))
      .Set("id", track.id)
      .Set("is_local", track.is_local)
      .Set("name", track.name)
      .Set("preview_url", nullptr)
      .Set("track_number", Json::Count(track.track_number))
      .Set("type", "track")
      .Set("uri", Uri("track", track.id));
  return json;
}

// The keys a simplified episode and a full episode share, up to "release_date_precision".
Json EpisodeHead(const EpisodeSpec& episode, const RenderOptions& options) {
  Json json = Json::Object();
  json.Set("audio_preview_url", "https://podz-content.spotifycdn.com/audio/clips/" + episode.id + ".mp3")
      .Set("description", episode.description)
      .Set("html_description", "<p>" + episode.description + "</p>")
      .Set("duration_ms", Json::Count(episode.duration_ms))
      .Set("explicit", episode.is_explicit)
      .Set("external_urls", ExternalUrls("episode", episode.id))
      .Set("href", Href(options, "episodes", episode.id))
      .Set("id", episode.id)
      .Set("images", Images(episode.id))
      .Set("is_externally_hosted", false)
      .Set("is_playable", episode.is_playable)
      .Set("language", episode.language)
      .Set("languages", Json::Strings({episode.language}))
      .Set("name", episode.name)
      .Set("release_date", episode.release_date)
      .Set("release_date_precision", episode.release_date_precision);
  return json;
}

Json SimplifiedEpisodeJson(const EpisodeSpec& episode, const RenderOptions& options) {
  return EpisodeHead(episode, options).Set("type", "episode").Set("uri", Uri("episode", episode.id));
}

// Show keys; `episodes` (a paging object) goes after "description" when given, as in the
// GetShowRequest fixture.
Json ShowBody(const ShowSpec& show, Json* episodes, const RenderOptions& options) {
  Json json = Json::Object();
  if (!options.development_mode) json.Set("available_markets", Json::Strings(kMarkets));
  json.Set("copyrights", Json::Array())
      .Set("description", show.description)
      .Set("html_description", "<p>" + show.description + "</p>");
  if (episodes) json.Set("episodes", std::move(*episodes));
  json.Set("explicit", show.is_explicit)
      .Set("external_urls", ExternalUrls("show", show.id))
      .Set("href", Href(options, "shows", show.id))
      .Set("id", show.id)
      .Set("images", Images(show.id))
      .Set("is_externally_hosted", false)
      .Set("languages", Json::Strings(show.languages))
      .Set("media_type", show.media_type)
      .Set("name", show.name);
  if (!options.development_mode) json.Set("publisher", show.publisher);
  json.Set("total_episodes", Json::Count(show.total_episodes)).Set("type", "show").Set("uri", Uri("show", show.id));
  return json;
}

}  // namespace

Json SimplifiedArtistJson(const ArtistRef& artist, const RenderOptions& options) {
  return Json::Object()
      .Set("external_urls", ExternalUrls("artist", artist.id))
      .Set("href", Href(options, "artists", artist.id))
      .Set("id", artist.id)
      .Set("name", artist.name)
      .Set("type", "artist")
      .Set("uri", Uri("artist", artist.id));
}

Json ArtistJson(const ArtistSpec& artist, const RenderOptions& options) {
  Json json = Json::Object();
  json.Set("external_urls", ExternalUrls("artist", artist.id));
  if (!options.development_mode) {
    json.Set("followers", Json::Object().Set("href", nullptr).Set("total", Json::Count(artist.followers)));
  }
  json.Set("genres", Json::Strings(artist.genres))
      .Set("href", Href(options, "artists", artist.id))
      .Set("id", artist.id)
      .Set("images", Images(artist.id))
      .Set("name", artist.name);
  if (!options.development_mode) json.Set("popularity", Json::Count(artist.popularity));
  json.Set("type", "artist").Set("uri", Uri("artist", artist.id));
  return json;
}

Json SimplifiedAlbumJson(const AlbumSpec& album, const RenderOptions& options) {
  Json json = Json::Object();
  json.Set("album_type", album.album_type).Set("artists", Artists(album.artists, options));
  if (!options.development_mode) json.Set("available_markets", Json::Strings(kMarkets));
  json.Set("external_urls", ExternalUrls("album", album.id))
      .Set("href", Href(options, "albums", album.id))
      .Set("id", album.id)
      .Set("images", Images(album.id))
      .Set("name", album.name)
      .Set("release_date", album.release_date)
      .Set("release_date_precision", album.release_date_precision)
      .Set("total_tracks", Json::Count(album.total_tracks))
      .Set("type", "album")
      .Set("uri", Uri("album", album.id));
  return json;
}

Json AlbumJson(const AlbumSpec& album, const std::vector<TrackSpec>& tracks, const RenderOptions& options) {
  Json items = Json::Array();
  for (const auto& track : tracks) items.Push(SimplifiedTrackJson(track, options));
  PageLinks links;
  links.href = fmt::format("{}/albums/{}/tracks?offset=0&limit=50", options.api_url, album.id);
  links.limit = 50;
  links.total = static_cast<int64_t>(tracks.size());
  Json json = Json::Object();
  json.Set("album_type", album.album_type).Set("artists", Artists(album.artists, options));
  if (!options.development_mode) json.Set("available_markets", Json::Strings(kMarkets));
  json.Set("copyrights", Copyrights(album.label))
      .Set("external_ids", Json::Object().Set("upc", album.upc))
      .Set("external_urls", ExternalUrls("album", album.id))
      .Set("genres", Json::Strings(album.genres))
      .Set("href", Href(options, "albums", album.id))
      .Set("id", album.id)
      .Set("images", Images(album.id));
  if (!options.development_mode) json.Set("label", album.label);
  json.Set("name", album.name);
  if (!options.development_mode) json.Set("popularity", Json::Count(album.popularity));
  json.Set("release_date", album.release_date)
      .Set("release_date_precision", album.release_date_precision)
      .Set("total_tracks", Json::Count(album.total_tracks))
      .Set("tracks", PagingJson(std::move(items), links))
      .Set("type", "album")
      .Set("uri", Uri("album", album.id));
  return json;
}

Json TrackJson(const TrackSpec& track, const std::string& requested_id, const RenderOptions& options) {
  Json json = Json::Object();
  json.Set("album", SimplifiedAlbumJson(track.album, options));
  SetTrackHead(json, track, options);
  Json external_ids = Json::Object();
  if (!track.isrc.empty()) external_ids.Set("isrc", track.isrc);
  json.Set("external_ids", std::move(external_ids))
      .Set("external_urls", ExternalUrls("track", track.id))
      .Set("href", Href(options, "tracks", track.id))
      .Set("id", track.id)
      .Set("is_local", track.is_local);
  if (!options.development_mode && requested_id != track.id) {
    json.Set("linked_from", Json::Object()
                                .Set("external_urls", ExternalUrls("track", requested_id))
                                .Set("href", Href(options, "tracks", requested_id))
                                .Set("id", requested_id)
                                .Set("type", "track")
                                .Set("uri", Uri("track", requested_id)));
  }
  json.Set("name", track.name);
  if (!options.development_mode) json.Set("popularity", Json::Count(track.popularity));
  json.Set("preview_url", nullptr)
      .Set("track_number", Json::Count(track.track_number))
      .Set("type", "track")
      .Set("uri", Uri("track", track.id));
  return json;
}

Json SimplifiedShowJson(const ShowSpec& show, const RenderOptions& options) {
  return ShowBody(show, nullptr, options);
}

Json ShowJson(const ShowSpec& show, const std::vector<EpisodeSpec>& episodes, const RenderOptions& options) {
  Json items = Json::Array();
  for (const auto& episode : episodes) items.Push(SimplifiedEpisodeJson(episode, options));
  PageLinks links;
  links.href = fmt::format("{}/shows/{}/episodes?offset=0&limit=50", options.api_url, show.id);
  links.limit = 50;
  links.total = static_cast<int64_t>(episodes.size());
  Json page = PagingJson(std::move(items), links);
  return ShowBody(show, &page, options);
}

Json EpisodeJson(const EpisodeSpec& episode, const RenderOptions& options) {
  return EpisodeHead(episode, options)
      .Set("resume_point", Json::Object().Set("fully_played", false).Set("resume_position_ms", 0))
      .Set("show", SimplifiedShowJson(episode.show, options))
      .Set("type", "episode")
      .Set("uri", Uri("episode", episode.id));
}

Json PagingJson(Json items, const PageLinks& links) {
  auto link = [](const std::string& url) { return url.empty() ? Json() : Json(url); };
  return Json::Object()
      .Set("href", links.href)
      .Set("items", std::move(items))
      .Set("limit", links.limit)
      .Set("next", link(links.next))
      .Set("offset", links.offset)
      .Set("previous", link(links.previous))
      .Set("total", Json::Count(links.total));
}

Json ContextJson(const std::string& uri, const RenderOptions& options) {
  if (uri.empty()) return Json();
  // spotify:<type>:<id> or the pre-2018 spotify:user:<user>:playlist:<id>.
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    const size_t colon = uri.find(':', start);
    parts.push_back(uri.substr(start, colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  const bool user_playlist = parts.size() == 5 && parts[1] == "user";
  const std::string type = user_playlist ? parts[3] : (parts.size() > 1 ? parts[1] : "");
  const std::string id = parts.back();
  const std::string path = user_playlist ? fmt::format("users/{}/playlists/{}", parts[2], id)
                                         : fmt::format("{}s/{}", type, id);
  const std::string web_path = user_playlist ? fmt::format("user/{}/playlist/{}", parts[2], id)
                                             : fmt::format("{}/{}", type, id);
  return Json::Object()
      .Set("type", type)
      .Set("href", fmt::format("{}/{}", options.api_url, path))
      .Set("external_urls", Json::Object().Set("spotify", "https://open.spotify.com/" + web_path))
      .Set("uri", uri);
}

}  // namespace uw::fakes
