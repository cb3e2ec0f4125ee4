// The plays a report is computed from: the needed columns of gold `fact_plays` and
// `fact_podcast_plays` (and a count from `dim_artists`), restricted to the report's period (by
// local date) and to the plays it counts. Text columns are dictionary-encoded so the model groups
// by small integers; a million plays stay a few dozen megabytes. Not thread safe.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parquet/batch.h"
#include "parquet/string_table.h"
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
  // The keys, each code's at code + 1 (the table's code 0 is ""): an open-addressing index over
  // one buffer, cheaper per lookup than a node-based map of strings.
  parquet::StringTable keys_;
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

// A music play's codes in the dictionaries of MusicPlays (-1: null).
struct MusicCodes {
  int32_t artist = -1, track = -1, album = -1, platform = -1, country = -1, reason_end = -1,
          sources = -1, genre = -1, mood = -1, season = -1;
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

  // Interns the row's strings and adds the play.
  void Add(const MusicPlayRow& row);
  // Adds the play with text already interned in this object's dictionaries (the row's strings
  // are not read).
  void Add(const MusicPlayRow& row, const MusicCodes& codes);
  // Room for `plays` plays in every column, so that a million plays are not copied as the
  // columns grow.
  void Reserve(size_t plays);
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

// Counted plays per local_tz ("" for null), over every batch added.
using ZoneCounts = std::map<std::string, int64_t, std::less<>>;

// Adds the rows of a gold fact_plays batch that fall in `data.period` and count (KeepPlay), and
// sets data.local_tz to the zone of most of them (the first by name on a tie).
// Missing optional columns read as null. Throws Error(kCorrupt) when a required column is absent.
void AddFactPlays(const parquet::Batch& batch, ReportData& data);
// The same for one of several batches of a table: adds their zones to `zones` and leaves
// data.local_tz alone (MostPlayedZone, once every batch is in).
void AddFactPlays(const parquet::Batch& batch, ReportData& data, ZoneCounts& zones);
// The zone of most plays, the first by name on a tie; `fallback` when there are none.
std::string MostPlayedZone(const ZoneCounts& zones, std::string fallback);
// The same for a gold fact_podcast_plays batch.
void AddFactPodcastPlays(const parquet::Batch& batch, ReportData& data);

// Reads the gold tables of `lake` for `period`. Throws Error(kNotFound) with "run `unwrapped
// build` first" when gold fact_plays is missing.
ReportData LoadReportData(const storage::ObjectStore& lake, const Period& period,
                          bool include_incognito);

}  // namespace uw::report
