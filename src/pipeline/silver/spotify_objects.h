// The Spotify catalogue responses silver fills its dimensions from (docs/lake.md "Spotify
// catalogue"). bronze/spotify_api/<kind>/<base64url(id)>.json holds the raw body of one 200
// response of GET /v1/<kind>/{id} (kind: tracks, artists, albums, episodes, shows), exactly as
// Spotify sent it; not-found and failed lookups never land there.
//
// Parsing is lenient where Spotify has been inconsistent (formats.md §3.2): every integer field
// may arrive as an integer, a float (`204053.0`) or in exponent notation (`4.9022656E7`), a
// duration also as {"totalMilliseconds": N}; fields development-mode apps no longer get
// (popularity, followers, label, publisher, genres) are simply absent. A field of the wrong type
// reads as absent. A whole file is rejected (named in the build summary, never fatal) only when
// it is not JSON, not an object of its kind, or not the object its name says.
#pragma once

#include <simdjson.h>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/object_store.h"

namespace uw::silver {

enum class SpotifyKind : uint8_t { kTrack, kArtist, kAlbum, kEpisode, kShow };
inline constexpr size_t kSpotifyKinds = 5;

// The bronze folder of a kind: "tracks", "artists", "albums", "episodes", "shows".
std::string_view SpotifyKindFolder(SpotifyKind kind);

// The kind and id a bronze key names (bronze/spotify_api/<folder>/<base64url(id)>.json); nullopt
// for keys of other folders (recently_played, search, …). `id` is empty when the file name is
// not base64url (such a file is rejected, not ignored).
struct SpotifyObjectName {
  SpotifyKind kind;
  std::string id;
};
std::optional<SpotifyObjectName> SpotifyObjectOfKey(std::string_view key);

// An artist (or, for tracks, an album's artist) as another object names it.
struct SpotifyRef {
  std::string id;  // empty for local files
  std::string name;
};

// An album response, or the simplified album inside a track response (`full` false: no label,
// upc or popularity there).
struct SpotifyAlbum {
  std::string id, name, album_type, release_date, release_date_precision, label, upc, image_url;
  std::optional<int64_t> total_tracks, popularity;
  std::vector<SpotifyRef> artists;
  bool full = false;
};

struct SpotifyTrack {
  std::string id, name, isrc;
  std::optional<int64_t> duration_ms, popularity, track_number, disc_number;
  std::optional<bool> is_explicit, is_local;
  std::vector<SpotifyRef> artists;  // in credit order: the first is the primary artist
  std::optional<SpotifyAlbum> album;
};

struct SpotifyArtist {
  std::string id, name, image_url;
  std::optional<std::vector<std::string>> genres;  // absent: the response had no genres field
  std::optional<int64_t> popularity, followers;
};

// A show response, or the simplified show inside an episode response.
struct SpotifyShow {
  std::string id, name, publisher, media_type, description, languages, image_url;
  std::optional<int64_t> total_episodes;
  std::optional<bool> is_explicit;
};

struct SpotifyEpisode {
  std::string id, name, release_date, release_date_precision, languages, description, image_url;
  std::optional<int64_t> duration_ms;
  std::optional<bool> is_explicit;
  std::optional<SpotifyShow> show;
};

// Descriptions are cut to this many characters (code points, never inside one).
inline constexpr size_t kMaxDescriptionChars = 2000;

// An integer however Spotify wrote it: integer, float or exponent (rounded to the nearest
// integer), or {"totalMilliseconds": N}; nullopt for anything else, negative values and values
// beyond int64.
std::optional<int64_t> LenientInteger(simdjson::dom::element value);

// The year of a release date as Spotify gives it ("1983", "2015-05", "2015-05-22"); nullopt
// when it does not start with four digits or says year 0 ("0000", seen on old catalogue items).
std::optional<int64_t> ReleaseYear(std::string_view release_date);

// Each parser fills `out` from one response body and returns "" when the body is the `id` object
// of its kind, else the reason it is not ("not valid JSON: …", "is an array, expected a track
// object", "is the track X, not Y as its name says", …). A track response relinked to another id
// (linked_from.id == id) is the object its name says.
std::string ParseSpotifyTrack(std::string_view body, std::string_view id, SpotifyTrack& out,
                              simdjson::dom::parser& parser);
std::string ParseSpotifyArtist(std::string_view body, std::string_view id, SpotifyArtist& out,
                               simdjson::dom::parser& parser);
std::string ParseSpotifyAlbum(std::string_view body, std::string_view id, SpotifyAlbum& out,
                              simdjson::dom::parser& parser);
std::string ParseSpotifyEpisode(std::string_view body, std::string_view id, SpotifyEpisode& out,
                                simdjson::dom::parser& parser);
std::string ParseSpotifyShow(std::string_view body, std::string_view id, SpotifyShow& out,
                             simdjson::dom::parser& parser);

// Every catalogue response of a lake, parsed, by id.
struct SpotifyObjects {
  struct Rejected {
    std::string key, reason;
  };

  std::map<std::string, SpotifyTrack> tracks;
  std::map<std::string, SpotifyArtist> artists;
  std::map<std::string, SpotifyAlbum> albums;
  std::map<std::string, SpotifyEpisode> episodes;
  std::map<std::string, SpotifyShow> shows;
  std::array<uint64_t, kSpotifyKinds> files{};  // files read per kind, rejected ones included
  std::vector<Rejected> rejected;               // in key order

  bool empty() const {
    return tracks.empty() && artists.empty() && albums.empty() && episodes.empty() && shows.empty();
  }
};

// Parses the file `key` (a key SpotifyObjectOfKey names) holding `body` into `objects`; a bad
// file is added to objects.rejected with its reason.
void AddSpotifyObject(std::string_view key, std::string_view body, SpotifyObjects& objects,
                      simdjson::dom::parser& parser);

// Reads and parses the catalogue responses among `keys` (other keys are skipped), in parallel.
SpotifyObjects ReadSpotifyObjects(const storage::ObjectStore& lake,
                                  const std::vector<std::string>& keys);

}  // namespace uw::silver
