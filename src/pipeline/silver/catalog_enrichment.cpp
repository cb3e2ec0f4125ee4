#include "pipeline/silver/catalog_enrichment.h"

#include <algorithm>
#include <map>

namespace uw::silver {
namespace {

bool IsNameKey(std::string_view id) { return id.starts_with("name:"); }

void FillIfEmpty(std::string& field, const std::string& value) {
  if (field.empty()) field = value;
}

template <typename T>
const T* Find(const std::map<std::string, T>& map, const std::string& id) {
  const auto it = map.find(id);
  return it == map.end() ? nullptr : &it->second;
}

// The Spotify ids responses give for rows keyed by name keys, with how often: a row stands for
// the id given most often, ties broken by the smallest id (the maps are ordered).
class Votes {
 public:
  void Add(const std::string& row, const std::string& spotify_id, int count = 1) {
    votes_[row][spotify_id] += count;
  }
  std::string Winner(const std::string& row) const {
    const auto it = votes_.find(row);
    if (it == votes_.end()) return {};
    const std::string* best = nullptr;
    int most = 0;
    for (const auto& [id, count] : it->second) {
      if (count > most) best = &id, most = count;
    }
    return *best;
  }

 private:
  std::map<std::string, std::map<std::string, int>> votes_;
};

// Which artist row each artist a played track's response names stands for.
class ArtistRows {
 public:
  ArtistRows(Catalog& catalog, const SpotifyObjects& objects, EnrichmentCounts& counts)
      : catalog_(catalog) {
    // Every Spotify artist the responses of played tracks name, with the name of its first
    // mention (tracks in id order) and the number of mentions.
    struct Mention {
      std::string name;
      int count = 0;
    };
    std::map<std::string, Mention> mentions;
    for (const auto& [id, track] : catalog.tracks) {
      const SpotifyTrack* response = IsNameKey(id) ? nullptr : Find(objects.tracks, id);
      if (response == nullptr) continue;
      for (const SpotifyRef& ref : response->artists) {
        if (ref.id.empty()) continue;
        Mention& m = mentions[ref.id];
        if (m.count++ == 0) m.name = ref.name;
      }
    }
    // Its own row when it has one; else the row of its name when the listener's plays know the
    // artist by name only; else a new row. Rows added here are Spotify ids, never name keys, so
    // the order of the ids does not change the outcome.
    for (const auto& [spotify_id, mention] : mentions) {
      if (catalog.artists.count(spotify_id)) {
        row_of_[spotify_id] = spotify_id;
        continue;
      }
      const std::string by_name = ByName(mention.name);
      if (!by_name.empty()) {
        row_of_[spotify_id] = by_name;
        votes_.Add(by_name, spotify_id, mention.count);
        continue;
      }
      ArtistEntry& added = catalog.artists[spotify_id];
      added.name = mention.name;
      added.name_only = false;
      row_of_[spotify_id] = spotify_id;
      ++counts.artists_added;
    }
  }

  // The row `ref` stands for, or "" when none does.
  std::string RowOf(const SpotifyRef& ref) const {
    if (!ref.id.empty()) {
      if (const auto it = row_of_.find(ref.id); it != row_of_.end()) return it->second;
      if (catalog_.artists.count(ref.id)) return ref.id;
    }
    return ByName(ref.name);
  }

  // The Spotify id a row stands for.
  std::string SpotifyIdOf(const std::string& row) const {
    return IsNameKey(row) ? votes_.Winner(row) : row;
  }

 private:
  std::string ByName(const std::string& name) const {
    if (name.empty()) return {};
    std::string key = NameId("artist", {name});
    return catalog_.artists.count(key) ? key : std::string();
  }

  const Catalog& catalog_;
  std::map<std::string, std::string> row_of_;  // Spotify artist id -> artist row
  Votes votes_;
};

// What the played tracks' responses say about albums.
struct AlbumFacts {
  Votes votes;                                      // album name key -> Spotify album ids
  std::map<std::string, const SpotifyAlbum*> copy;  // the first track's copy of each album
};

void ApplyToTracks(Catalog& catalog, const SpotifyObjects& objects, const ArtistRows& artists,
                   AlbumFacts& albums, EnrichmentCounts& counts) {
  for (auto& [id, t] : catalog.tracks) {
    const SpotifyTrack* r = IsNameKey(id) ? nullptr : Find(objects.tracks, id);
    if (r == nullptr) continue;
    t.spotify = r;
    ++counts.used[size_t(SpotifyKind::kTrack)];
    if (r->duration_ms) t.duration_ms = r->duration_ms;  // the API's length is authoritative
    FillIfEmpty(t.name, r->name);
    std::vector<std::string> credited;
    for (const SpotifyRef& ref : r->artists) {
      std::string row = artists.RowOf(ref);
      if (!row.empty() && std::find(credited.begin(), credited.end(), row) == credited.end())
        credited.push_back(std::move(row));
    }
    if (t.artist_id.empty() && !credited.empty()) {
      t.artist_id = credited.front();
      FillIfEmpty(t.artist_name, r->artists.front().name);
    }
    t.other_artist_ids.clear();
    for (std::string& row : credited) {
      if (row != t.artist_id) t.other_artist_ids.push_back(std::move(row));
    }
    if (!r->album || r->album->id.empty()) continue;
    const SpotifyAlbum& album = *r->album;
    albums.copy.try_emplace(album.id, &album);
    if (IsNameKey(t.album_id)) {
      albums.votes.Add(t.album_id, album.id);
    } else if (t.album_id.empty()) {
      t.album_id = album.id;
      FillIfEmpty(t.album_name, album.name);
      const auto [node, fresh] = catalog.albums.try_emplace(album.id);
      if (fresh) {
        node->second.name_only = false;
        ++counts.albums_added;
      }
      FillIfEmpty(node->second.name, album.name);
      FillIfEmpty(node->second.artist_id, t.artist_id);
      FillIfEmpty(node->second.artist_name, t.artist_name);
    }
  }
}

void ApplyToAlbums(Catalog& catalog, const SpotifyObjects& objects, const ArtistRows& artists,
                   const AlbumFacts& facts, EnrichmentCounts& counts) {
  for (auto& [id, a] : catalog.albums) {
    a.spotify_id = IsNameKey(id) ? facts.votes.Winner(id) : id;
    if (a.spotify_id.empty()) continue;
    a.spotify = Find(objects.albums, a.spotify_id);
    if (a.spotify != nullptr) {
      ++counts.used[size_t(SpotifyKind::kAlbum)];
    } else if (const auto it = facts.copy.find(a.spotify_id); it != facts.copy.end()) {
      a.spotify = it->second;
    } else {
      continue;
    }
    FillIfEmpty(a.name, a.spotify->name);
    if (a.artist_id.empty() && !a.spotify->artists.empty()) {
      a.artist_id = artists.RowOf(a.spotify->artists.front());
      if (!a.artist_id.empty()) FillIfEmpty(a.artist_name, a.spotify->artists.front().name);
    }
  }
}

void ApplyToArtists(Catalog& catalog, const SpotifyObjects& objects, const ArtistRows& rows,
                    EnrichmentCounts& counts) {
  for (auto& [id, a] : catalog.artists) {
    a.spotify_id = rows.SpotifyIdOf(id);
    a.spotify = a.spotify_id.empty() ? nullptr : Find(objects.artists, a.spotify_id);
    if (a.spotify == nullptr) continue;
    ++counts.used[size_t(SpotifyKind::kArtist)];
    FillIfEmpty(a.name, a.spotify->name);
  }
}

// Episodes, then the shows they name (the same rules as tracks and albums).
void ApplyToPodcasts(Catalog& catalog, const SpotifyObjects& objects, EnrichmentCounts& counts) {
  Votes votes;
  std::map<std::string, const SpotifyShow*> copy;
  for (auto& [id, e] : catalog.episodes) {
    const SpotifyEpisode* r = IsNameKey(id) ? nullptr : Find(objects.episodes, id);
    if (r == nullptr) continue;
    e.spotify = r;
    ++counts.used[size_t(SpotifyKind::kEpisode)];
    FillIfEmpty(e.name, r->name);
    if (!r->show || r->show->id.empty()) continue;
    const SpotifyShow& show = *r->show;
    copy.try_emplace(show.id, &show);
    if (IsNameKey(e.show_id)) {
      votes.Add(e.show_id, show.id);
    } else if (e.show_id.empty()) {
      e.show_id = show.id;
      FillIfEmpty(e.show_name, show.name);
      const auto [node, fresh] = catalog.shows.try_emplace(show.id);
      if (fresh) {
        node->second.kind = "podcast";
        node->second.uri = "spotify:show:" + show.id;
        ++counts.shows_added;
      }
      FillIfEmpty(node->second.name, show.name);
    }
  }
  for (auto& [id, s] : catalog.shows) {
    if (s.kind == "audiobook") continue;  // audiobooks are not shows: GET /shows has none
    s.spotify_id = IsNameKey(id) ? votes.Winner(id) : id;
    if (s.spotify_id.empty()) continue;
    s.spotify = Find(objects.shows, s.spotify_id);
    if (s.spotify != nullptr) {
      ++counts.used[size_t(SpotifyKind::kShow)];
    } else if (const auto it = copy.find(s.spotify_id); it != copy.end()) {
      s.spotify = it->second;
    } else {
      continue;
    }
    FillIfEmpty(s.name, s.spotify->name);
  }
}

}  // namespace

EnrichmentCounts ApplySpotifyObjects(Catalog& catalog, const SpotifyObjects& objects) {
  EnrichmentCounts counts;
  if (objects.empty()) return counts;  // a lake without responses costs nothing here
  const ArtistRows artists(catalog, objects, counts);
  AlbumFacts albums;
  ApplyToTracks(catalog, objects, artists, albums, counts);
  ApplyToAlbums(catalog, objects, artists, albums, counts);
  ApplyToArtists(catalog, objects, artists, counts);
  ApplyToPodcasts(catalog, objects, counts);
  return counts;
}

}  // namespace uw::silver
