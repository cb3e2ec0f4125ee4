// The schema, one migration at a time (docs/warehouse.md "Migrations"). A migration is frozen
// once released: a change to the schema is a new migration appended to kMigrations, never an
// edit of an old one, so that a newer binary upgrades an older warehouse in place.
#include "warehouse/migrations.h"

namespace uw::warehouse {
namespace {

// 1: staging, the star schema's core tables and etl_internal.
constexpr std::string_view kCoreTables = R"sql(
CREATE TABLE {core}dim_date (
  date_id INTEGER PRIMARY KEY, date {date} NOT NULL UNIQUE, year INTEGER NOT NULL,
  quarter INTEGER NOT NULL, month INTEGER NOT NULL, month_name TEXT NOT NULL, day INTEGER NOT NULL,
  dow INTEGER NOT NULL, day_name TEXT NOT NULL, week_of_year INTEGER NOT NULL,
  is_weekend {bool} NOT NULL, season TEXT NOT NULL);
CREATE TABLE {core}dim_time (
  time_id INTEGER PRIMARY KEY, time TEXT NOT NULL, hour INTEGER NOT NULL, minute INTEGER NOT NULL,
  part_of_day TEXT NOT NULL);
CREATE TABLE {core}dim_reason (
  reason_id {id}, reason TEXT NOT NULL, reason_group TEXT NOT NULL, UNIQUE (reason, reason_group));
CREATE TABLE {core}dim_artist (
  artist_id TEXT PRIMARY KEY, artist_uri TEXT, artist_name TEXT, name_only {bool} NOT NULL,
  primary_genre TEXT, genres TEXT, top_tag TEXT, combined_genres TEXT);
CREATE TABLE {core}dim_album (
  album_id TEXT PRIMARY KEY, album_uri TEXT, album_name TEXT, artist_id TEXT, artist_name TEXT,
  name_only {bool} NOT NULL, album_type TEXT, release_date TEXT, label TEXT, popularity INTEGER);
CREATE TABLE {core}dim_track (
  track_id TEXT PRIMARY KEY, track_uri TEXT, track_name TEXT, artist_id TEXT, artist_name TEXT,
  album_id TEXT, album_name TEXT, duration_ms BIGINT, duration_sec {double},
  name_only {bool} NOT NULL, explicit {bool}, popularity INTEGER, isrc TEXT, release_date TEXT,
  release_year INTEGER, top_tag TEXT, energy {double}, valence {double}, danceability {double},
  tempo {double}, first_played_at {ts} NOT NULL, last_played_at {ts} NOT NULL);
CREATE TABLE {core}dim_podcast (
  podcast_id TEXT PRIMARY KEY, podcast_uri TEXT, podcast_name TEXT, kind TEXT NOT NULL);
CREATE TABLE {core}dim_episode (
  episode_id TEXT PRIMARY KEY, episode_uri TEXT, episode_name TEXT, content_type TEXT NOT NULL,
  podcast_id TEXT, podcast_name TEXT, first_played_at {ts} NOT NULL, last_played_at {ts} NOT NULL);
CREATE TABLE {core}fact_tracks_history (
  event_id TEXT PRIMARY KEY, utc_year INTEGER NOT NULL, utc_month INTEGER NOT NULL,
  ended_at {ts} NOT NULL, started_at {ts} NOT NULL, local_ts {localts} NOT NULL,
  local_tz TEXT NOT NULL, local_utc_offset_s INTEGER NOT NULL, date_id INTEGER NOT NULL,
  time_id INTEGER NOT NULL, track_id TEXT NOT NULL, artist_id TEXT, album_id TEXT,
  ms_played BIGINT NOT NULL, sec_played {double} NOT NULL, ms_played_estimated {bool} NOT NULL,
  percent_played {double}, is_complete {bool} NOT NULL, reason_start_id INTEGER,
  reason_end_id INTEGER, shuffle {bool}, skipped {bool}, is_skip {bool} NOT NULL,
  is_stream {bool} NOT NULL, offline {bool}, offline_at {ts}, incognito_mode {bool} NOT NULL,
  counted {bool} NOT NULL, platform TEXT, conn_country TEXT, context_type TEXT, context_uri TEXT,
  source TEXT NOT NULL, sources TEXT NOT NULL, session_id BIGINT NOT NULL,
  session_position INTEGER NOT NULL);
CREATE INDEX fact_tracks_history_month ON {core}fact_tracks_history (utc_year, utc_month);
CREATE INDEX fact_tracks_history_date ON {core}fact_tracks_history (date_id);
CREATE TABLE {core}fact_podcasts_history (
  event_id TEXT PRIMARY KEY, utc_year INTEGER NOT NULL, utc_month INTEGER NOT NULL,
  ended_at {ts} NOT NULL, started_at {ts} NOT NULL, local_ts {localts} NOT NULL,
  local_tz TEXT NOT NULL, local_utc_offset_s INTEGER NOT NULL, date_id INTEGER NOT NULL,
  time_id INTEGER NOT NULL, episode_id TEXT NOT NULL, podcast_id TEXT, content_type TEXT NOT NULL,
  ms_played BIGINT NOT NULL, sec_played {double} NOT NULL, ms_played_estimated {bool} NOT NULL,
  percent_played {double}, reason_start_id INTEGER, reason_end_id INTEGER, shuffle {bool},
  skipped {bool}, is_skip {bool} NOT NULL, is_stream {bool} NOT NULL, offline {bool},
  offline_at {ts}, incognito_mode {bool} NOT NULL, counted {bool} NOT NULL, platform TEXT,
  conn_country TEXT, source TEXT NOT NULL, sources TEXT NOT NULL);
CREATE INDEX fact_podcasts_history_month ON {core}fact_podcasts_history (utc_year, utc_month);
CREATE {unlogged}TABLE {staging}listening_events (record {json} NOT NULL);
CREATE {unlogged}TABLE {staging}podcast_events (record {json} NOT NULL);
CREATE {unlogged}TABLE {staging}dimensions (entity TEXT NOT NULL, record {json} NOT NULL);
CREATE TABLE {staging}api_responses (
  entity TEXT NOT NULL, uri TEXT NOT NULL, raw_data {json} NOT NULL,
  fetched_at {ts} NOT NULL DEFAULT ({now}));
CREATE TABLE {etl}failed_uris (
  uri TEXT PRIMARY KEY, entity_type TEXT NOT NULL, reason TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1, first_failed_at {ts} NOT NULL,
  last_failed_at {ts} NOT NULL, next_retry_at {ts});
CREATE TABLE {etl}load_ledger (
  load_id {id}, started_at {ts} NOT NULL, finished_at {ts} NOT NULL, status TEXT NOT NULL,
  lake TEXT NOT NULL, source_versions {json} NOT NULL, table_rows {json} NOT NULL,
  rows_inserted BIGINT NOT NULL, rows_deleted BIGINT NOT NULL);
)sql";

// 2: version mapping of tracks (parent tracks) and the data marts.
constexpr std::string_view kParentTracks = R"sql(
ALTER TABLE {core}dim_track ADD COLUMN parent_track_id TEXT;
CREATE TABLE {etl}parent_tracks (
  track_id TEXT PRIMARY KEY, parent_track_id TEXT NOT NULL, artist_id TEXT NOT NULL,
  track_name TEXT, parent_track_name TEXT, rule TEXT NOT NULL, mapped_at {ts} NOT NULL);
)sql";

// The period figures follow gold's counting rule (counted = not incognito and ms_played > 0;
// local calendar through date_id = YYYYMMDD), so they equal gold agg_yearly / agg_monthly.
constexpr std::string_view kPeriodViews = R"sql(
CREATE VIEW {dm}yearly AS
SELECT date_id / 10000 AS year, COUNT(*) AS plays, SUM(ms_played) AS ms_played,
       ROUND(SUM(ms_played) / 60000.0, 1) AS minutes,
       SUM(CASE WHEN is_stream THEN 1 ELSE 0 END) AS streams,
       SUM(CASE WHEN is_skip THEN 1 ELSE 0 END) AS skips,
       SUM(CASE WHEN is_complete THEN 1 ELSE 0 END) AS complete_plays,
       COUNT(DISTINCT track_id) AS tracks, COUNT(DISTINCT artist_id) AS artists,
       COUNT(DISTINCT album_id) AS albums, COUNT(DISTINCT date_id) AS days_listened
FROM {core}fact_tracks_history WHERE counted GROUP BY date_id / 10000;
CREATE VIEW {dm}monthly AS
SELECT date_id / 10000 AS year, date_id / 100 % 100 AS month, COUNT(*) AS plays,
       SUM(ms_played) AS ms_played, ROUND(SUM(ms_played) / 60000.0, 1) AS minutes,
       SUM(CASE WHEN is_stream THEN 1 ELSE 0 END) AS streams,
       SUM(CASE WHEN is_skip THEN 1 ELSE 0 END) AS skips,
       SUM(CASE WHEN is_complete THEN 1 ELSE 0 END) AS complete_plays,
       COUNT(DISTINCT track_id) AS tracks, COUNT(DISTINCT artist_id) AS artists,
       COUNT(DISTINCT album_id) AS albums, COUNT(DISTINCT date_id) AS days_listened
FROM {core}fact_tracks_history WHERE counted GROUP BY date_id / 10000, date_id / 100 % 100;
CREATE VIEW {dm}all_time AS
SELECT COUNT(*) AS plays, COALESCE(SUM(ms_played), 0) AS ms_played,
       ROUND(COALESCE(SUM(ms_played), 0) / 60000.0, 1) AS minutes,
       SUM(CASE WHEN is_stream THEN 1 ELSE 0 END) AS streams,
       SUM(CASE WHEN is_skip THEN 1 ELSE 0 END) AS skips,
       SUM(CASE WHEN is_complete THEN 1 ELSE 0 END) AS complete_plays,
       COUNT(DISTINCT track_id) AS tracks, COUNT(DISTINCT artist_id) AS artists,
       COUNT(DISTINCT album_id) AS albums, COUNT(DISTINCT date_id) AS days_listened,
       MIN(ended_at) AS first_play_at, MAX(ended_at) AS last_play_at
FROM {core}fact_tracks_history WHERE counted;
)sql";

// Top-N for any period: PostgreSQL functions over [from, to] local dates, inclusive.
constexpr std::string_view kPostgresTopFunctions = R"sql(
CREATE FUNCTION dm.top_artists(from_date date, to_date date, n integer DEFAULT 10)
RETURNS TABLE (rank bigint, artist_id text, artist_name text, plays bigint, ms_played bigint,
               minutes numeric)
LANGUAGE sql STABLE AS $$
  SELECT RANK() OVER (ORDER BY SUM(f.ms_played) DESC), f.artist_id, MAX(a.artist_name),
         COUNT(*), SUM(f.ms_played)::bigint, ROUND(SUM(f.ms_played) / 60000.0, 1)
  FROM core.fact_tracks_history f LEFT JOIN core.dim_artist a ON a.artist_id = f.artist_id
  WHERE f.counted AND f.artist_id IS NOT NULL
    AND f.date_id BETWEEN to_char(from_date, 'YYYYMMDD')::int AND to_char(to_date, 'YYYYMMDD')::int
  GROUP BY f.artist_id ORDER BY SUM(f.ms_played) DESC, f.artist_id LIMIT n
$$;
CREATE FUNCTION dm.top_tracks(from_date date, to_date date, n integer DEFAULT 10)
RETURNS TABLE (rank bigint, track_id text, track_name text, artist_name text, plays bigint,
               ms_played bigint, minutes numeric)
LANGUAGE sql STABLE AS $$
  SELECT RANK() OVER (ORDER BY SUM(f.ms_played) DESC), f.track_id, MAX(t.track_name),
         MAX(t.artist_name), COUNT(*), SUM(f.ms_played)::bigint,
         ROUND(SUM(f.ms_played) / 60000.0, 1)
  FROM core.fact_tracks_history f LEFT JOIN core.dim_track t ON t.track_id = f.track_id
  WHERE f.counted
    AND f.date_id BETWEEN to_char(from_date, 'YYYYMMDD')::int AND to_char(to_date, 'YYYYMMDD')::int
  GROUP BY f.track_id ORDER BY SUM(f.ms_played) DESC, f.track_id LIMIT n
$$;
CREATE FUNCTION dm.top_albums(from_date date, to_date date, n integer DEFAULT 10)
RETURNS TABLE (rank bigint, album_id text, album_name text, artist_name text, plays bigint,
               ms_played bigint, minutes numeric)
LANGUAGE sql STABLE AS $$
  SELECT RANK() OVER (ORDER BY SUM(f.ms_played) DESC), f.album_id, MAX(al.album_name),
         MAX(al.artist_name), COUNT(*), SUM(f.ms_played)::bigint,
         ROUND(SUM(f.ms_played) / 60000.0, 1)
  FROM core.fact_tracks_history f LEFT JOIN core.dim_album al ON al.album_id = f.album_id
  WHERE f.counted AND f.album_id IS NOT NULL
    AND f.date_id BETWEEN to_char(from_date, 'YYYYMMDD')::int AND to_char(to_date, 'YYYYMMDD')::int
  GROUP BY f.album_id ORDER BY SUM(f.ms_played) DESC, f.album_id LIMIT n
$$;
)sql";

// SQLite has no SQL functions: per-year rankings as views (filter on year and rank).
constexpr std::string_view kSqliteTopViews = R"sql(
CREATE VIEW dm_top_artists_yearly AS
SELECT year, RANK() OVER (PARTITION BY year ORDER BY ms_played DESC) AS rank, artist_id,
       artist_name, plays, ms_played, ROUND(ms_played / 60000.0, 1) AS minutes
FROM (SELECT f.date_id / 10000 AS year, f.artist_id, MAX(a.artist_name) AS artist_name,
             COUNT(*) AS plays, SUM(f.ms_played) AS ms_played
      FROM core_fact_tracks_history f LEFT JOIN core_dim_artist a ON a.artist_id = f.artist_id
      WHERE f.counted AND f.artist_id IS NOT NULL GROUP BY 1, 2);
CREATE VIEW dm_top_tracks_yearly AS
SELECT year, RANK() OVER (PARTITION BY year ORDER BY ms_played DESC) AS rank, track_id,
       track_name, artist_name, plays, ms_played, ROUND(ms_played / 60000.0, 1) AS minutes
FROM (SELECT f.date_id / 10000 AS year, f.track_id, MAX(t.track_name) AS track_name,
             MAX(t.artist_name) AS artist_name, COUNT(*) AS plays, SUM(f.ms_played) AS ms_played
      FROM core_fact_tracks_history f LEFT JOIN core_dim_track t ON t.track_id = f.track_id
      WHERE f.counted GROUP BY 1, 2);
CREATE VIEW dm_top_albums_yearly AS
SELECT year, RANK() OVER (PARTITION BY year ORDER BY ms_played DESC) AS rank, album_id,
       album_name, artist_name, plays, ms_played, ROUND(ms_played / 60000.0, 1) AS minutes
FROM (SELECT f.date_id / 10000 AS year, f.album_id, MAX(al.album_name) AS album_name,
             MAX(al.artist_name) AS artist_name, COUNT(*) AS plays, SUM(f.ms_played) AS ms_played
      FROM core_fact_tracks_history f LEFT JOIN core_dim_album al ON al.album_id = f.album_id
      WHERE f.counted AND f.album_id IS NOT NULL GROUP BY 1, 2);
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "staging, core and etl_internal tables", std::string(kCoreTables),
       std::string(kCoreTables)},
      {2, "parent tracks and the dm views",
       std::string(kParentTracks) + std::string(kPeriodViews) + std::string(kPostgresTopFunctions),
       std::string(kParentTracks) + std::string(kPeriodViews) + std::string(kSqliteTopViews)},
  };
  return kMigrations;
}

}  // namespace uw::warehouse
