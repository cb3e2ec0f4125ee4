// The plays a report is computed from: the needed columns of gold `fact_plays` and
// `fact_podcast_plays` (and a count from `dim_artists`), restricted to the report's period (by
// local date) and to the plays it counts. Text columns are dictionary-encoded so the model groups
// by small integers; a million plays stay a few dozen megabytes. Not thread safe.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parquet/batch.h"
#include "storage/object_store.h"

namespace uw::report {

// Inclusive range of local dates, in days since 1970-01-01.
struct Period {
  int32_t from_day = std::numeric_limits<int32_t>::min();
  int32_t to_day = std::numeric_limits<int32_t>::max();
  std::string label = "All time";  // "2024", "2024-03-01 – 2024-06-30"

  bool Contains(int32_t day) const { return day >= from_day && day <= to_day; }
  bool bounded() const { return from_day != std::numeric_limits<int32_t>::min(); }
};

// Interned text: every distinct key gets a dense code (0, 1, …) in first-seen order, with the
// name shown for it. -1 stands for null.
class Dictionary {
 public:
  // The code of `key`, adding it with display `name` (the key when empty) if new; -1 for an
  // empty key.
  int32_t Intern(std::string_view key, std::string_view name = {}, std::string_view detail = {});
  size_t size() const { return names_.size(); }
  const std::string& name(int32_t code) const { return names_[code]; }
  // Secondary text shown beside the name (a track's or album's artist), may be empty.
  const std::string& detail(int32_t code) const { return details_[code]; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int32_t, Hash, std::equal_to<>> codes_;
  std::vector<std::string> names_, details_;
};

// One music play as a test (or any caller) hands it over; nullable numbers are NaN / -1.
struct MusicPlayRow {
  int32_t local_date = 0;
  int local_hour = 0, local_dow = 1;  // dow 1 = Monday
  int64_t started_at_ms = 0, ended_at_ms = 0, ms_played = 0;
  bool is_stream = false, is_skip = false, is_complete = false, incognito = false;
  bool first_of_artist = false, has_duration = false;
  bool has_metadata = false;      // the track has Spotify catalogue metadata
  bool has_release_date = false;  // its album has a release date
  double completion_pct = std::numeric_limits<double>::quiet_NaN();
  double energy = std::numeric_limits<double>::quiet_NaN();
  double valence = std::numeric_limits<double>::quiet_NaN();
  double danceability = std::numeric_limits<double>::quiet_NaN();
  std::string_view artist_id, artist_name, track_id, track_name, album_id, album_name;
  std::string_view platform, country, reason_end, sources, genre, mood, season;
  int64_t session_id = 0;
};

// Music plays, column by column (index = play).
struct MusicPlays {
  std::vector<int32_t> local_date;
  std::vector<int8_t> local_hour, local_dow;
  std::vector<int64_t> started_at_ms, ended_at_ms, ms_played, session_id;
  std::vector<uint8_t> is_stream, is_skip, is_complete, incognito, first_of_artist, has_duration;
  std::vector<uint8_t> has_metadata, has_release_date;
  std::vector<double> completion_pct, energy, valence, danceability;
  std::vector<int32_t> artist, track, album, platform, country, reason_end, sources, genre, mood,
      season;
  Dictionary artists, tracks, albums, platforms, countries, reasons, source_sets, genres, moods,
      seasons;

  void Add(const MusicPlayRow& row);
  size_t size() const { return ms_played.size(); }
};

struct PodcastPlayRow {
  int32_t local_date = 0;
  int64_t ms_played = 0;
  bool incognito = false;
  std::string_view show_id, show_name, content_type, episode_id;
  bool episode_has_metadata = false, show_has_metadata = false;  // Spotify catalogue metadata
};

struct PodcastPlays {
  std::vector<int32_t> local_date;
  std::vector<int64_t> ms_played;
  std::vector<uint8_t> incognito, episode_has_metadata, show_has_metadata;
  std::vector<int32_t> show, episode;  // episode: -1 without an id
  Dictionary shows, episodes;

  void Add(const PodcastPlayRow& row);
  size_t size() const { return ms_played.size(); }
};

// What is left out of the plays and why (the report says so).
struct Exclusions {
  int64_t incognito = 0;  // incognito plays with ms_played > 0 left out
  int64_t zero_ms = 0;    // rows with ms_played = 0 (never plays)
  int64_t podcast_incognito = 0;
};

struct ReportData {
  Period period;
  bool include_incognito = false;
  MusicPlays music;
  PodcastPlays podcasts;
  Exclusions excluded;
  int64_t artists_total = 0, artists_with_genre = 0;  // from dim_artists; 0 when absent
  std::string local_tz;  // the zone of most plays ("" when there are none)
};

// True when `ms_played`/`incognito` make a row one the report counts (ms_played > 0 always;
// incognito only when included); otherwise adds it to `excluded`.
bool KeepPlay(int64_t ms_played, bool incognito, bool include_incognito, bool podcast,
              Exclusions& excluded);

// Adds the rows of a gold fact_plays batch that fall in `data.period` and count (KeepPlay).
// Missing optional columns read as null. Throws Error(kCorrupt) when a required column is absent.
void AddFactPlays(const parquet::Batch& batch, ReportData& data);
// The same for a gold fact_podcast_plays batch.
void AddFactPodcastPlays(const parquet::Batch& batch, ReportData& data);

// Reads the gold tables of `lake` for `period`. Throws Error(kNotFound) with "run `unwrapped
// build` first" when gold fact_plays is missing.
ReportData LoadReportData(const storage::ObjectStore& lake, const Period& period,
                          bool include_incognito);

}  // namespace uw::report
