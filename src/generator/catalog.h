// The synthetic world the listener plays from: artists, albums and tracks (with re-releases of one
// recording under several URIs, featured artists, short interludes, music videos), podcast shows
// whose episodes are pure functions of (show, number), audiobooks, the listener's local files and
// playlists, and a taste model (which artists the listener likes in which month). Built once per
// (seed, events); read-only afterwards and safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generator/rng.h"

namespace uw::generator {

struct Artist {
  std::string name, id, name_json;  // name_json: the name as a JSON string literal
  double base_weight = 0;           // Zipf popularity with this listener
  double taste_center_month = 0;    // when the listener liked them most (months since kStart)
  double taste_width_months = 0;
  std::vector<uint32_t> albums;
  std::vector<uint32_t> tracks;          // ordered by release time of their album
  std::vector<int64_t> track_release_s;  // parallel to tracks
  std::vector<double> track_cumulative;  // running sums of the listener's preference
  std::vector<uint32_t> short_tracks;
};

struct Album {
  std::string name, id, name_json, release_date, release_precision, type;
  int64_t release_s = 0;
  uint32_t artist = 0;
  uint16_t total_tracks = 0;
};

struct Track {
  std::string name, id, name_json, isrc;
  uint32_t artist = 0, album = 0;
  int32_t featured = -1;  // a second credited artist, or -1
  int32_t duration_ms = 0;
  uint16_t track_number = 1;
  uint8_t popularity = 0;
  bool is_explicit = false, has_video = false, is_short = false;
};

struct Show {
  std::string name, id, publisher, name_json;
  int64_t first_episode_s = 0;
  double episodes_per_week = 1;
  bool video = false;  // also published as a video podcast
  bool german = false;
};

struct Audiobook {
  std::string title, id, author, title_json;
  int chapters = 0;
  bool german = false;
};

// A file from the listener's own disk: names but no Spotify URI anywhere (DESIGN §8.5).
struct LocalTrack {
  std::string artist, album, name, artist_json, album_json, name_json;
  int32_t duration_ms = 0;
};

struct PlaylistInfo {
  std::string name, id;
  std::vector<uint32_t> tracks;
  int64_t modified_s = 0;
};

class Catalog {
 public:
  // `events` scales the catalogue (a bigger history meets more artists).
  static Catalog Build(Rng rng, int64_t events);

  std::vector<Artist> artists;
  std::vector<Album> albums;
  std::vector<Track> tracks;
  std::vector<Show> shows;
  std::vector<double> show_cumulative;
  std::vector<Audiobook> audiobooks;
  std::vector<LocalTrack> local_tracks;
  std::vector<PlaylistInfo> playlists;
  std::vector<uint32_t> short_tracks;  // every track with is_short

  // Running sums of the artists' weights in the month containing `epoch_s`.
  const std::vector<double>& ArtistCumulative(int64_t epoch_s) const;
  // A track of `artist` released by `epoch_s`, by the listener's preference.
  uint32_t PickTrack(Rng& rng, uint32_t artist, int64_t epoch_s) const;

  // Episodes and chapters are derived from (show or book, number); item ids pack both.
  static uint32_t PackItem(uint32_t owner, uint32_t number) { return owner << 20 | number; }
  static uint32_t ItemOwner(uint32_t item) { return item >> 20; }
  static uint32_t ItemNumber(uint32_t item) { return item & 0xfffff; }
  // The newest episode of `show` published by `epoch_s` (0 when none yet).
  uint32_t LatestEpisode(uint32_t show, int64_t epoch_s) const;
  std::string EpisodeName(uint32_t item) const;
  std::string EpisodeId(uint32_t item) const;
  int32_t EpisodeDurationMs(uint32_t item) const;
  std::string ChapterTitle(uint32_t item) const;
  std::string ChapterId(uint32_t item) const;
  int32_t ChapterDurationMs(uint32_t item) const;

 private:
  std::vector<std::vector<double>> month_cumulative_;
};

// A Spotify id: 22 base62 characters.
std::string Base62Id(Rng& rng);
// The same, derived from a hash (for ids that must not be stored).
std::string Base62Id(uint64_t hash);

}  // namespace uw::generator
