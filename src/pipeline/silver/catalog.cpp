#include "pipeline/silver/catalog.h"

#include <array>
#include <unordered_map>

#include "core/sha256.h"
#include "pipeline/silver/catalog_progress.h"

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

struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using ViewMap = std::unordered_map<std::string, V, ViewHash, std::equal_to<>>;

// Fields a batch of plays has already set (plays are visited newest first, so the first
// non-empty value met is the latest one, and it replaces what older batches left).
enum FieldBit : uint16_t {
  kUri = 1,
  kName = 2,
  kArtistId = 4,
  kArtistName = 8,
  kAlbumId = 16,
  kAlbumName = 32,
  kDuration = 64,
};

void Fill(std::string& field, std::string_view value, uint16_t& filled, uint16_t bit) {
  if ((filled & bit) != 0 || value.empty()) return;
  field.assign(value);
  filled |= bit;
}

// Plays between publications of CatalogProgress: a reader rarely waits, the builder rarely
// writes the shared counter.
constexpr size_t kPublishEvery = 4096;

// Adds music plays to a catalog, newest first, with every per-play lookup cached: at a million
// plays the catalog is built from a few tens of thousands of distinct tracks and names.
class MusicCatalogBuilder {
 public:
  MusicCatalogBuilder(Catalog& catalog, const LearnedIds& learned,
                      const CatalogLookup* lookup = nullptr)
      : catalog_(catalog), learned_(learned), lookup_(lookup) {}

  // With `progress`, the catalog's music ids start empty and are published as they are set.
  void Add(const std::vector<PlayRecord>& music, CatalogProgress* progress = nullptr) {
    const size_t first = catalog_.music_ids.size();
    catalog_.music_ids.resize(first + music.size());
    for (size_t i = music.size(); i-- > 0;) {
      catalog_.music_ids[first + i] = AddPlay(music[i]);
      if (progress != nullptr && i % kPublishEvery == 0) progress->MusicSetFrom(i);
    }
  }

 private:
  struct NamedSlot {
    std::string_view id;
    const std::string* key = nullptr;  // the catalog's key, which `id` views
    uint16_t filled = 0;
    ArtistEntry* artist = nullptr;
    AlbumEntry* album = nullptr;
    Text text;  // the id interned, for PlayIds
  };
  // The artist and album of a track's latest play, by that play's artist and album keys (ids and
  // names, interned). Most plays of a track carry the same four: they resolve the same artist
  // and album, and fill nothing in them that the first of them did not (Fill's inputs are the
  // same), so they take these without a lookup or a look at the artist and album slots.
  struct Credits {
    std::array<uint32_t, 4> keys{};  // artist_id, artist_name, album_id, album_name
    bool set = false;
    NamedSlot* artist = nullptr;
    NamedSlot* album = nullptr;
    Text artist_text, album_text;
  };
  struct TrackSlot {
    TrackEntry* entry = nullptr;
    uint16_t filled = 0;
    Text text;  // the id interned, for PlayIds
    Credits credits;
    std::string_view id;
    const std::string* key = nullptr;  // the catalog's key, which `id` views
    const LearnedIds::TrackFacts* facts = nullptr;
    struct NamedSlot* facts_artist = nullptr;  // slots of the API's ids for this track, once used
    struct NamedSlot* facts_album = nullptr;
  };

  // Interned strings have one key per distinct value: most plays resolve their track, album
  // and by-name artist with one integer lookup (misses fall back to the lookups by content).
  TrackSlot& Track(const PlayRecord& p) {
    if (const uint32_t key = p.resolved_uri.key(); key != 0) {
      TrackSlot*& slot = At(track_by_text_, key);
      if (slot == nullptr) slot = &TrackByContent(p);
      return *slot;
    }
    return TrackByContent(p);
  }

  TrackSlot& TrackByContent(const PlayRecord& p) {
    const std::string_view uri = p.resolved_uri;
    const bool by_uri = !IdOfUri(uri).empty();
    const std::string_view key = by_uri ? uri : names_.Get("track", p.artist_name, p.track_name);
    auto it = tracks_.find(key);
    if (it != tracks_.end()) return it->second;
    TrackSlot slot;
    const auto [node, fresh] =
        catalog_.tracks.try_emplace(std::string(by_uri ? IdOfUri(uri) : key));
    if (fresh && lookup_ != nullptr) lookup_->track(node->first, node->second);
    slot.id = node->first;
    slot.key = &node->first;
    slot.text = Text::Intern(node->first);
    slot.entry = &node->second;
    if (by_uri) {
      const auto facts = learned_.by_track_uri.find(std::string(uri));
      if (facts != learned_.by_track_uri.end()) slot.facts = &facts->second;
    }
    return tracks_.emplace(std::string(key), slot).first->second;
  }

  NamedSlot& Artist(std::string_view id) {
    auto it = artists_.find(id);
    if (it != artists_.end()) return it->second;
    const auto [node, fresh] = catalog_.artists.try_emplace(std::string(id));
    if (fresh && lookup_ != nullptr) lookup_->artist(node->first, node->second);
    NamedSlot slot{node->first, &node->first, 0, &node->second, nullptr, Text::Intern(node->first)};
    node->second.name_only = id.starts_with("name:");
    return artists_.emplace(std::string(id), slot).first->second;
  }

  NamedSlot& Album(std::string_view id) {
    auto it = albums_.find(id);
    if (it != albums_.end()) return it->second;
    const auto [node, fresh] = catalog_.albums.try_emplace(std::string(id));
    if (fresh && lookup_ != nullptr) lookup_->album(node->first, node->second);
    NamedSlot slot{node->first, &node->first, 0, nullptr, &node->second, Text::Intern(node->first)};
    node->second.name_only = id.starts_with("name:");
    return albums_.emplace(std::string(id), slot).first->second;
  }

  // The artist id of a play with neither its own id nor one the API gave for its track.
  std::string_view ArtistByNameContent(std::string_view raw_name) {
    auto it = artist_by_raw_name_.find(raw_name);
    if (it != artist_by_raw_name_.end()) return it->second;
    const auto learned = learned_.artist_by_name.find(NormaliseName(std::string(raw_name)));
    const std::string& id = learned != learned_.artist_by_name.end() && !learned->second.empty()
                                ? learned->second
                                : names_.Get("artist", raw_name);
    return artist_by_raw_name_.emplace(std::string(raw_name), id).first->second;
  }

  // Primary artist: this play's id, the id the API gave for the track, the one id of the name.
  NamedSlot* ArtistOf(const PlayRecord& p, TrackSlot& track) {
    if (!p.artist_id.empty()) {
      NamedSlot*& cached = At(artist_by_id_text_, p.artist_id.key());
      if (cached == nullptr) cached = &Artist(p.artist_id);
      return cached;
    }
    if (track.facts && !track.facts->artist_id.empty()) {
      if (track.facts_artist == nullptr) track.facts_artist = &Artist(track.facts->artist_id);
      return track.facts_artist;
    }
    if (!p.artist_name.empty()) {
      NamedSlot*& cached = At(artist_by_name_text_, p.artist_name.key());
      if (cached == nullptr) cached = &Artist(ArtistByNameContent(p.artist_name));
      return cached;
    }
    return nullptr;
  }

  NamedSlot* AlbumOf(const PlayRecord& p, TrackSlot& track, NamedSlot* artist) {
    if (!p.album_id.empty()) {
      NamedSlot*& cached = At(album_by_id_text_, p.album_id.key());
      if (cached == nullptr) cached = &Album(p.album_id);
      return cached;
    }
    if (track.facts && !track.facts->album_id.empty()) {
      if (track.facts_album == nullptr) track.facts_album = &Album(track.facts->album_id);
      return track.facts_album;
    }
    if (!p.album_name.empty()) {
      NamedSlot*& cached = album_by_name_[{artist, p.album_name.key()}];
      if (cached == nullptr) {
        cached =
            &Album(names_.Get("album", artist ? artist->id : std::string_view{}, p.album_name));
      }
      return cached;
    }
    return nullptr;
  }

  // Sets the credits of play `p` of `track` unless they are its previous play's; returns
  // whether it did.
  bool UpdateCredits(const PlayRecord& p, TrackSlot& track) {
    Credits& c = track.credits;
    const std::array<uint32_t, 4> keys{p.artist_id.key(), p.artist_name.key(), p.album_id.key(),
                                       p.album_name.key()};
    if (c.set && c.keys == keys) return false;
    c.keys = keys;
    c.set = true;
    c.artist = ArtistOf(p, track);
    c.album = AlbumOf(p, track, c.artist);
    c.artist_text = c.artist ? c.artist->text : Text();
    c.album_text = c.album ? c.album->text : Text();
    return true;
  }

  PlayIds AddPlay(const PlayRecord& p) {
    TrackSlot& track = Track(p);
    const bool new_credits = UpdateCredits(p, track);
    NamedSlot* const artist = track.credits.artist;
    NamedSlot* const album = track.credits.album;
    PlayIds ids;
    ids.track_id = track.text;
    ids.artist_id = track.credits.artist_text;
    ids.album_id = track.credits.album_text;
    const auto artist_id = [&] { return artist ? artist->id : std::string_view{}; };
    const auto album_id = [&] { return album ? album->id : std::string_view{}; };

    TrackEntry& t = *track.entry;
    if (t.first_played_ms == 0 || p.ended_at_ms < t.first_played_ms)
      t.first_played_ms = p.ended_at_ms;
    t.last_played_ms = std::max(t.last_played_ms, p.ended_at_ms);
    Fill(t.uri, p.resolved_uri, track.filled, kUri);
    Fill(t.name, p.track_name, track.filled, kName);
    if ((track.filled & kArtistId) == 0) Fill(t.artist_id, artist_id(), track.filled, kArtistId);
    Fill(t.artist_name, p.artist_name, track.filled, kArtistName);
    if ((track.filled & kAlbumId) == 0) Fill(t.album_id, album_id(), track.filled, kAlbumId);
    Fill(t.album_name, p.album_name, track.filled, kAlbumName);
    if (p.track_duration_ms && (track.filled & kDuration) == 0) {
      t.duration_ms = p.track_duration_ms;
      track.filled |= kDuration;
    }
    if (!new_credits) return ids;
    if (artist != nullptr) Fill(artist->artist->name, p.artist_name, artist->filled, kName);
    if (album != nullptr) {
      Fill(album->album->name, p.album_name, album->filled, kName);
      Fill(album->album->artist_id, artist_id(), album->filled, kArtistId);
      Fill(album->album->artist_name, p.artist_name, album->filled, kArtistName);
    }
    return ids;
  }

  Catalog& catalog_;
  const LearnedIds& learned_;
  const CatalogLookup* lookup_;
  NameIds names_;
  ViewMap<TrackSlot> tracks_;  // by URI, or by name id for tracks known by names only
  ViewMap<NamedSlot> artists_, albums_;
  ViewMap<std::string> artist_by_raw_name_;
  // Caches indexed by interned key (dense small integers): one array read per play.
  template <typename T>
  static T*& At(std::vector<T*>& cache, uint32_t key) {
    if (key >= cache.size()) cache.resize(size_t(key) + key / 2 + 1024, nullptr);
    return cache[key];
  }
  std::vector<TrackSlot*> track_by_text_;
  std::vector<NamedSlot*> artist_by_id_text_, artist_by_name_text_, album_by_id_text_;
  struct SlotKeyHash {
    size_t operator()(const std::pair<NamedSlot*, uint32_t>& k) const noexcept {
      return std::hash<const void*>{}(k.first) * 31 + k.second;
    }
  };
  // Albums known by name, per (artist, album name).
  std::unordered_map<std::pair<NamedSlot*, uint32_t>, NamedSlot*, SlotKeyHash> album_by_name_;
};

void AddPodcast(const PlayRecord& p, NameIds& names, Catalog& catalog) {
  const bool book = p.content == Content::kAudiobook;
  const std::string_view uri = p.resolved_uri;
  const std::string_view episode_name = book ? p.chapter_title : p.episode_name;
  const std::string_view show_name = book ? p.audiobook_title : p.show_name;
  const std::string episode_id =
      !uri.empty() && !IdOfUri(uri).empty()
          ? std::string(IdOfUri(uri))
          : names.Get(book ? "chapter" : "episode", show_name, episode_name);
  std::string show_id;
  if (book && !IdOfUri(p.audiobook_uri).empty()) {
    show_id = std::string(IdOfUri(p.audiobook_uri));
  } else if (!show_name.empty()) {
    show_id = names.Get(book ? "audiobook" : "show", show_name);
  }
  PlayIds ids;
  const auto episode_node = catalog.episodes.try_emplace(episode_id).first;
  ids.track_id = Text::Intern(episode_node->first);
  ShowEntry* show = nullptr;
  if (!show_id.empty()) {
    const auto show_node = catalog.shows.try_emplace(show_id).first;
    ids.artist_id = Text::Intern(show_node->first);
    show = &show_node->second;
  }

  EpisodeEntry& episode = episode_node->second;
  if (episode.first_played_ms == 0) episode.first_played_ms = p.ended_at_ms;
  episode.last_played_ms = p.ended_at_ms;
  SetIfPresent(episode.uri, uri);
  SetIfPresent(episode.name, episode_name);
  episode.content_type = ContentName(p.content);
  SetIfPresent(episode.show_id, ids.artist_id);
  SetIfPresent(episode.show_name, show_name);
  if (show != nullptr) {
    SetIfPresent(show->name, show_name);
    show->kind = book ? "audiobook" : "podcast";
    if (book) SetIfPresent(show->uri, p.audiobook_uri);
  }
  catalog.podcast_ids.push_back(ids);
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
                   const LearnedIds& learned, const CatalogLookup* lookup) {
  MusicCatalogBuilder(catalog, learned, lookup).Add(music);
}

void BuildCatalogInto(const ResolvedPlays& plays, Catalog& catalog, CatalogProgress& progress) {
  // The podcasts first: they are few, and their entries and ids are apart from the music's.
  NameIds names;
  for (const PlayRecord& p : plays.podcast) AddPodcast(p, names, catalog);
  progress.PodcastsSet();
  const LearnedIds learned = LearnIds(plays.music);
  MusicCatalogBuilder(catalog, learned).Add(plays.music, &progress);
  progress.AllSet();
}

Catalog BuildCatalog(const ResolvedPlays& plays) {
  Catalog catalog;
  CatalogProgress unread;
  BuildCatalogInto(plays, catalog, unread);
  return catalog;
}

}  // namespace uw::silver
