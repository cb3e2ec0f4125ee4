#include "pipeline/silver/catalog.h"

#include <unordered_map>

#include "core/sha256.h"

namespace uw::silver {
namespace {

// Memoises NameId per raw (unnormalised) key: most plays repeat a few thousand names.
class NameIds {
 public:
  const std::string& Get(std::string_view kind, std::string_view a, std::string_view b = {}) {
    raw_.assign(kind).append(1, '\x1f').append(a).append(1, '\x1f').append(b);
    auto it = memo_.find(raw_);
    if (it == memo_.end())
      it = memo_.emplace(raw_, b.empty() ? NameId(kind, {a}) : NameId(kind, {a, b})).first;
    return it->second;
  }

 private:
  std::string raw_;
  std::unordered_map<std::string, std::string> memo_;
};

void SetIfPresent(std::string& field, std::string_view value) {
  if (!value.empty()) field = std::string(value);
}

void AddMusic(const PlayRecord& p, const LearnedIds& learned, NameIds& names, Catalog& catalog) {
  PlayIds ids;
  const std::string_view uri = p.resolved_uri;
  const LearnedIds::TrackFacts* facts = nullptr;
  if (!uri.empty()) {
    const auto it = learned.by_track_uri.find(std::string(uri));
    if (it != learned.by_track_uri.end()) facts = &it->second;
  }
  ids.track_id = IdOfUri(uri).empty() ? names.Get("track", p.artist_name, p.track_name)
                                      : std::string(IdOfUri(uri));
  // Primary artist: this play's id, the id the API gave for the track, the one id of the name.
  if (!p.artist_id.empty()) {
    ids.artist_id = std::string(p.artist_id);
  } else if (facts && !facts->artist_id.empty()) {
    ids.artist_id = facts->artist_id;
  } else if (!p.artist_name.empty()) {
    const auto it = learned.artist_by_name.find(NormaliseName(std::string(p.artist_name)));
    ids.artist_id = it != learned.artist_by_name.end() && !it->second.empty()
                        ? it->second
                        : names.Get("artist", p.artist_name);
  }
  if (!p.album_id.empty()) {
    ids.album_id = std::string(p.album_id);
  } else if (facts && !facts->album_id.empty()) {
    ids.album_id = facts->album_id;
  } else if (!p.album_name.empty()) {
    ids.album_id = names.Get("album", ids.artist_id, p.album_name);
  }

  // Plays arrive in time order, so the latest non-empty names win.
  TrackEntry& track = catalog.tracks[ids.track_id];
  if (track.first_played_ms == 0) track.first_played_ms = p.ended_at_ms;
  track.last_played_ms = p.ended_at_ms;
  SetIfPresent(track.uri, uri);
  SetIfPresent(track.name, p.track_name);
  SetIfPresent(track.artist_id, ids.artist_id);
  SetIfPresent(track.artist_name, p.artist_name);
  SetIfPresent(track.album_id, ids.album_id);
  SetIfPresent(track.album_name, p.album_name);
  if (p.track_duration_ms) track.duration_ms = p.track_duration_ms;
  if (!ids.artist_id.empty()) {
    ArtistEntry& artist = catalog.artists[ids.artist_id];
    SetIfPresent(artist.name, p.artist_name);
    artist.name_only = ids.artist_id.starts_with("name:");
  }
  if (!ids.album_id.empty()) {
    AlbumEntry& album = catalog.albums[ids.album_id];
    SetIfPresent(album.name, p.album_name);
    SetIfPresent(album.artist_id, ids.artist_id);
    SetIfPresent(album.artist_name, p.artist_name);
    album.name_only = ids.album_id.starts_with("name:");
  }
  catalog.music_ids.push_back(std::move(ids));
}

void AddPodcast(const PlayRecord& p, NameIds& names, Catalog& catalog) {
  PlayIds ids;
  const bool book = p.content == Content::kAudiobook;
  const std::string_view uri = p.resolved_uri;
  const std::string_view episode_name = book ? p.chapter_title : p.episode_name;
  const std::string_view show_name = book ? p.audiobook_title : p.show_name;
  ids.track_id = !uri.empty() && !IdOfUri(uri).empty()
                     ? std::string(IdOfUri(uri))
                     : names.Get(book ? "chapter" : "episode", show_name, episode_name);
  if (book && !IdOfUri(p.audiobook_uri).empty()) {
    ids.artist_id = std::string(IdOfUri(p.audiobook_uri));
  } else if (!show_name.empty()) {
    ids.artist_id = names.Get(book ? "audiobook" : "show", show_name);
  }

  EpisodeEntry& episode = catalog.episodes[ids.track_id];
  if (episode.first_played_ms == 0) episode.first_played_ms = p.ended_at_ms;
  episode.last_played_ms = p.ended_at_ms;
  SetIfPresent(episode.uri, uri);
  SetIfPresent(episode.name, episode_name);
  episode.content_type = ContentName(p.content);
  SetIfPresent(episode.show_id, ids.artist_id);
  SetIfPresent(episode.show_name, show_name);
  if (!ids.artist_id.empty()) {
    ShowEntry& show = catalog.shows[ids.artist_id];
    SetIfPresent(show.name, show_name);
    show.kind = book ? "audiobook" : "podcast";
    if (book) SetIfPresent(show.uri, p.audiobook_uri);
  }
  catalog.podcast_ids.push_back(std::move(ids));
}

}  // namespace

std::string NameId(std::string_view kind, std::initializer_list<std::string_view> parts) {
  std::string key(kind);
  for (const std::string_view part : parts) {
    key += '\x1f';
    key += NormaliseName(std::string(part));
  }
  return "name:" + core::Sha256Hex(key).substr(0, 16);
}

std::string_view IdOfUri(std::string_view uri) {
  // Exactly spotify:<type>:<id>; local-file URIs (spotify:local:artist:album:…) have no id.
  if (!uri.starts_with("spotify:")) return {};
  const size_t colon = uri.find(':', 8);
  if (colon == std::string_view::npos || uri.find(':', colon + 1) != std::string_view::npos)
    return {};
  return uri.substr(colon + 1);
}

void Learn(LearnedIds& learned, const PlayRecord& p) {
  if (p.artist_id.empty() && p.album_id.empty()) return;
  LearnedIds::TrackFacts& facts = learned.by_track_uri[std::string(p.resolved_uri)];
  if (!p.artist_id.empty()) facts.artist_id = std::string(p.artist_id);
  if (!p.album_id.empty()) facts.album_id = std::string(p.album_id);
  if (p.artist_id.empty() || p.artist_name.empty()) return;
  const std::string id(p.artist_id);
  const auto [it, fresh] =
      learned.artist_by_name.try_emplace(NormaliseName(std::string(p.artist_name)), id);
  if (!fresh && it->second != id) it->second.clear();
}

LearnedIds LearnIds(const std::vector<PlayRecord>& music) {
  LearnedIds learned;
  for (const PlayRecord& p : music) Learn(learned, p);
  return learned;
}

void ExtendCatalog(Catalog& catalog, const std::vector<PlayRecord>& music,
                   const LearnedIds& learned) {
  NameIds names;
  for (const PlayRecord& p : music) AddMusic(p, learned, names, catalog);
}

Catalog BuildCatalog(const ResolvedPlays& plays) {
  Catalog catalog;
  NameIds names;
  const LearnedIds learned = LearnIds(plays.music);
  catalog.music_ids.reserve(plays.music.size());
  for (const PlayRecord& p : plays.music) AddMusic(p, learned, names, catalog);
  for (const PlayRecord& p : plays.podcast) AddPodcast(p, names, catalog);
  return catalog;
}

}  // namespace uw::silver
