// The music plays every gold table is derived from: silver `listening_events` in time order,
// the silver dimensions they join to, and the per-play facts gold adds (local time, completion,
// sessions, first plays). Built once per gold build (gold_plays.cpp); each gold table's .cpp
// reads it and never goes back to silver. Vectors are indexed by the row of `events`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parquet/batch.h"

namespace uw::gold {

struct GoldOptions {
  std::string listener_zone = "UTC";  // IANA zone for local-time fields (Settings.timezone)
  bool zone_from_country = false;     // take each play's zone from conn_country when it has one
  int64_t session_gap_ms = 30 * 60 * 1000;  // a pause longer than this starts a new session
};

// The silver tables gold reads, whole (enrichment ones may be empty).
struct SilverInputs {
  parquet::Batch tracks, track_artists, artists, albums;
  parquet::Batch artist_genres, audio_features;
  parquet::Batch lastfm_track_tags, lastfm_track_stats, lastfm_artist_tags;
  parquet::Batch shows, episodes;
};

// One listening session: consecutive music plays with no pause longer than the gap.
struct Session {
  int64_t session_id = 0;  // stable: the UTC start of its first play in ms
  size_t first = 0, count = 0;  // rows [first, first + count) of GoldPlays.events
};

struct GoldPlays {
  // silver listening_events, ordered by (ended_at, event_id): every column, or at least those
  // fact_plays copies (FactPlaysSilverColumns, all that gold reads)
  parquet::Batch events;
  SilverInputs silver;

  // Local time of ended_at in the play's zone.
  std::vector<std::string> zone_names;  // zones used; zone_index points here
  std::vector<uint16_t> zone_index;
  std::vector<int32_t> local_offset_s;  // local = UTC + offset
  std::vector<int32_t> local_date;      // days since 1970-01-01 (local calendar)
  std::vector<int8_t> local_hour;       // 0..23
  std::vector<int8_t> local_dow;        // 1 = Monday .. 7 = Sunday

  // Rows of the joined silver dimensions; -1 when the play has none.
  std::vector<int32_t> track_row, artist_row, album_row, features_row;
  // Index into `genres` of the artist's top genre; -1 when the artist has no genre yet.
  std::vector<int32_t> top_genre;
  std::vector<std::string> genres;
  // Index into `tags` of the track's top Last.fm tag; -1 without tags (enrichment.h).
  std::vector<int32_t> top_tag;
  std::vector<std::string> tags;

  // ms_played / track duration, capped at 1; NaN when the duration is unknown.
  std::vector<double> completion;
  std::vector<uint8_t> is_complete;  // finished: see docs/lake.md (fact_plays)

  // Counted in aggregates and the report's default view: not incognito and ms_played > 0.
  std::vector<uint8_t> counted;

  std::vector<uint8_t> first_of_track, first_of_artist;  // first play ever (of all history)
  std::vector<int32_t> session_position;  // 1-based position in its session
  std::vector<uint32_t> session_of;       // index into `sessions`
  std::vector<Session> sessions;

  size_t size() const { return events.num_rows(); }
};

// Sorts `events` (silver listening_events) by (ended_at, event_id) and derives every per-play
// field above. Throws Error(kUsage) naming the zone when options.listener_zone is unknown, and
// Error(kCorrupt) naming the column when a silver table lacks one gold needs.
GoldPlays BuildGoldPlays(parquet::Batch events, SilverInputs silver, const GoldOptions& options);

// Silver inputs with no rows (the silver schemas of today), for callers without enrichment or
// dimensions at hand (tests, fixtures).
SilverInputs EmptySilverInputs();

}  // namespace uw::gold
