// The dimension entities silver learns from the listener's own plays (DESIGN §2 "Dimensions",
// §3 "Names"): tracks, artists, albums, shows and episodes, and the ids every play refers to.
//
// Ids: a Spotify id (the last part of its URI) when any source gave one; otherwise a
// deterministic name key "name:<16 hex>" of the normalised names, stable across rebuilds, so a
// name-only entity never fans out rows and joins stay one-to-one. An artist known by name only
// takes the id the API gave for that track, else the one id the API gave for that name.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/silver/resolve_plays.h"
#include "storage/object_store.h"

namespace uw::silver {

// The parsed Spotify catalogue responses an entry was filled from (spotify_objects.h). Set only
// by ApplySpotifyObjects (catalog_enrichment.h) and pointing into the SpotifyObjects it was
// given, which must outlive the tables built from the catalog.
struct SpotifyTrack;
struct SpotifyArtist;
struct SpotifyAlbum;
struct SpotifyEpisode;
struct SpotifyShow;
class CatalogProgress;  // catalog_progress.h

struct TrackEntry {
  std::string uri;  // empty for name-only tracks
  std::string name, artist_id, artist_name, album_id, album_name;
  std::optional<int64_t> duration_ms;
  int64_t first_played_ms = 0, last_played_ms = 0;
  const SpotifyTrack* spotify = nullptr;
  std::vector<std::string> other_artist_ids;  // the response's other artists, in credit order
};
struct ArtistEntry {
  std::string name;
  bool name_only = true;   // no source gave a Spotify id
  std::string spotify_id;  // the Spotify artist this row is (its own id, or mapped by name)
  const SpotifyArtist* spotify = nullptr;
};
struct AlbumEntry {
  std::string name, artist_id, artist_name;
  bool name_only = true;
  std::string spotify_id;  // the Spotify album this row is (its own id, or its tracks' album)
  const SpotifyAlbum* spotify = nullptr;  // the album response, else a track's copy of it
};
struct ShowEntry {
  std::string name;
  std::string kind;        // "podcast" or "audiobook"
  std::string uri;         // audiobooks (exports carry their URIs) and shows learned from responses
  std::string spotify_id;  // the Spotify show this row is (its own id, or its episodes' show)
  const SpotifyShow* spotify = nullptr;  // the show response, else an episode's copy of it
};
struct EpisodeEntry {
  std::string uri, name, content_type, show_id, show_name;
  int64_t first_played_ms = 0, last_played_ms = 0;
  const SpotifyEpisode* spotify = nullptr;
};

// Ids of one play, parallel to ResolvedPlays::music / ::podcast.
struct PlayIds {
  // Interned, so the ids of a million plays take 12 MB and go into Parquet as pool codes.
  Text track_id;   // music: the track; podcast: the episode or chapter
  Text artist_id;  // music: the primary artist; podcast: the show or audiobook
  Text album_id;   // music only
};

struct Catalog {
  Catalog() = default;
  Catalog(Catalog&&) = default;
  Catalog& operator=(Catalog&&) = default;
  Catalog(const Catalog&) = delete;  // music_ids/podcast_ids view this catalog's keys

  // Ordered by id, so every dimension table is written in a deterministic order.
  std::map<std::string, TrackEntry> tracks;
  std::map<std::string, ArtistEntry> artists;
  std::map<std::string, AlbumEntry> albums;
  std::map<std::string, ShowEntry> shows;
  std::map<std::string, EpisodeEntry> episodes;
  std::vector<PlayIds> music_ids, podcast_ids;
};

// "name:" + the first 16 hex digits of SHA-256 of `kind` + '\x1f' + the normalised parts.
std::string NameId(std::string_view kind, std::initializer_list<std::string_view> parts);
// The id part of a Spotify URI ("spotify:track:ID" -> "ID"), or "" when it is not one.
std::string_view IdOfUri(std::string_view uri);

// What the API taught about ids, which decides the ids of plays that carry none: per track URI
// the primary artist and album ids of its latest api play, and per normalised artist name the
// one id the API gave it ("" once two different ids were seen).
struct LearnedIds {
  struct TrackFacts {
    std::string artist_id, album_id;
  };
  std::unordered_map<std::string, TrackFacts> by_track_uri;
  std::unordered_map<std::string, std::string> artist_by_name;
};

// Where a catalog being extended finds the published entries it does not hold: each is called
// once for an id the new plays touch, on the entry just created for it, and fills it if the id
// is published. Lets an incremental build extend a catalog of only the entries its plays touch.
struct CatalogLookup {
  std::function<void(const std::string& id, TrackEntry&)> track;
  std::function<void(const std::string& id, ArtistEntry&)> artist;
  std::function<void(const std::string& id, AlbumEntry&)> album;
};

LearnedIds LearnIds(const std::vector<PlayRecord>& music);
// Adds one play (in time order) to what was learned.
void Learn(LearnedIds& learned, const PlayRecord& play);
Catalog BuildCatalog(const ResolvedPlays& plays);
// BuildCatalog into `catalog` (empty), telling `progress` which ids are set as it sets them:
// meanwhile, other threads may read the ids `progress` says are set, and nothing else of it.
void BuildCatalogInto(const ResolvedPlays& plays, Catalog& catalog, CatalogProgress& progress);
// BuildCatalog's result for old plays + `music`, given the catalog of the old plays and the ids
// learned from all plays (old and new): appends to catalog.music_ids for `music` only, in order.
// Exact only when the new plays change no old play's ids (incremental.h checks that). With
// `lookup`, `catalog` may hold only some of the old entries: the others are filled from it.
void ExtendCatalog(Catalog& catalog, const std::vector<PlayRecord>& music,
                   const LearnedIds& learned, const CatalogLookup* lookup = nullptr);

// The catalog (tracks, artists, albums, shows, episodes; no play ids) as published in silver.
Catalog LoadCatalog(const storage::ObjectStore& lake);

}  // namespace uw::silver
