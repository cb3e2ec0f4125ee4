// The per-play derivations of docs/lake.md "Gold": each step below fills some vectors of
// GoldPlays from the sorted silver rows. Every step is a single pass over the plays with flat
// vectors and id -> row hash maps built once per dimension; nothing allocates per play. Steps
// that fill different vectors run concurrently.
#include "pipeline/gold/gold_plays.h"

#include <cmath>
#include <functional>
#include <limits>
#include <unordered_set>

#include "core/civil_time.h"
#include "parquet/parallel.h"
#include "pipeline/gold/enrichment.h"
#include "pipeline/gold/local_time.h"
#include "pipeline/gold/silver_access.h"

namespace uw::gold {
namespace {

using parquet::ColumnType;
constexpr std::string_view kEvents = "listening_events";

const parquet::ColumnVector& EventColumn(const GoldPlays& p, std::string_view name,
                                         ColumnType type) {
  return SilverColumn(p.events, kEvents, name, type);
}

void SetLocalTimes(GoldPlays& p, const GoldOptions& options) {
  LocalTimes local =
      ComputeLocalTimes(EventColumn(p, "ended_at", ColumnType::kTimestamp),
                        &EventColumn(p, "conn_country", ColumnType::kString), options);
  p.zone_names = std::move(local.zone_names);
  p.zone_index = std::move(local.zone_index);
  p.local_offset_s = std::move(local.offset_s);
  p.local_date = std::move(local.local_date);
  p.local_hour = std::move(local.local_hour);
  p.local_dow = std::move(local.local_dow);
}

// Row of `index` for each play's `ids` value; -1 for a null id or one the dimension lacks.
std::vector<int32_t> Join(const parquet::ColumnVector& ids, const RowIndex& index) {
  return index.FindAll(ids);
}

// The local times and the joins are independent passes over the plays (each a hash map built
// and probed on one thread): run concurrently.
void SetLocalTimesAndJoin(GoldPlays& p, const GoldOptions& options) {
  const SilverInputs& s = p.silver;
  const auto& track_ids = SilverColumn(s.tracks, "tracks", "track_id", ColumnType::kString);
  std::vector<int32_t> features_of_track;  // features belong to tracks: each track joined once
  const std::vector<std::function<void()>> steps = {
      [&] { SetLocalTimes(p, options); },
      [&] {
        p.track_row = Join(EventColumn(p, "track_id", ColumnType::kString), RowIndex(track_ids));
      },
      [&] {
        p.artist_row =
            Join(EventColumn(p, "artist_id", ColumnType::kString),
                 RowIndex(SilverColumn(s.artists, "artists", "artist_id", ColumnType::kString)));
      },
      [&] {
        p.album_row =
            Join(EventColumn(p, "album_id", ColumnType::kString),
                 RowIndex(SilverColumn(s.albums, "albums", "album_id", ColumnType::kString)));
      },
      [&] {
        if (s.audio_features.num_rows() == 0) return;
        features_of_track =
            Join(track_ids, RowIndex(SilverColumn(s.audio_features, "audio_features", "track_id",
                                                  ColumnType::kString)));
      },
  };
  parquet::ParallelFor(steps.size(), parquet::DefaultThreads(), [&](size_t i) { steps[i](); });
  // The plays reach their features through their track.
  p.features_row.assign(p.size(), -1);
  if (features_of_track.empty()) return;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.track_row[i] >= 0) p.features_row[i] = features_of_track[size_t(p.track_row[i])];
  }
}

void SetLabels(GoldPlays& p) {
  const SilverInputs& s = p.silver;
  RankedLabels genres = RankArtistGenres(s.artists, s.artist_genres);
  RankedLabels tags =
      RankTags(s.tracks, s.lastfm_track_tags, "tracks", "lastfm_track_tags", "track_id");
  p.top_genre.resize(p.size());
  p.top_tag.resize(p.size());
  for (size_t i = 0; i < p.size(); ++i) {
    p.top_genre[i] = genres.Top(p.artist_row[i]);
    p.top_tag[i] = tags.Top(p.track_row[i]);
  }
  p.genres = std::move(genres.names);
  p.tags = std::move(tags.names);
}

void SetCompletion(GoldPlays& p) {
  const auto& duration = SilverColumn(p.silver.tracks, "tracks", "duration_ms", ColumnType::kInt64);
  const auto ms_played = EventColumn(p, "ms_played", ColumnType::kInt64).int64s();
  const auto& reason_end = EventColumn(p, "reason_end", ColumnType::kString);
  p.completion.assign(p.size(), std::numeric_limits<double>::quiet_NaN());
  p.is_complete.assign(p.size(), 0);
  for (size_t i = 0; i < p.size(); ++i) {
    const int32_t t = p.track_row[i];
    if (t >= 0 && !duration.IsNull(size_t(t)) && duration.GetInt64(size_t(t)) > 0) {
      p.completion[i] = std::min(1.0, double(ms_played[i]) / double(duration.GetInt64(size_t(t))));
    }
    const bool track_done = !reason_end.IsNull(i) && reason_end.GetString(i) == "trackdone";
    p.is_complete[i] = track_done || p.completion[i] >= 0.95;  // NaN compares false
  }
}

void SetCounted(GoldPlays& p) {
  const auto ms_played = EventColumn(p, "ms_played", ColumnType::kInt64).int64s();
  const auto& incognito = EventColumn(p, "incognito_mode", ColumnType::kBoolean);
  p.counted.resize(p.size());
  for (size_t i = 0; i < p.size(); ++i) {
    p.counted[i] = ms_played[i] > 0 && !incognito.GetBool(i);
  }
}

// Marks the first play (in time order) of each key. Keys found in the dimension are tracked by
// row; the rare play whose id the dimension lacks falls back to a set of ids.
std::vector<uint8_t> FirstPlays(const parquet::ColumnVector& ids, const std::vector<int32_t>& rows,
                                size_t dimension_rows) {
  std::vector<uint8_t> first(ids.size(), 0), seen(dimension_rows, 0);
  std::unordered_set<std::string_view> seen_unjoined;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids.IsNull(i)) continue;
    if (rows[i] >= 0) {
      first[i] = !seen[size_t(rows[i])];
      seen[size_t(rows[i])] = 1;
    } else {
      first[i] = seen_unjoined.insert(ids.GetString(i)).second;
    }
  }
  return first;
}

// A new session starts when the pause between the previous play's end and this play's start is
// longer than the gap (equal stays together; overlapping plays never split).
void SetSessions(GoldPlays& p, int64_t gap_ms) {
  const auto started = EventColumn(p, "started_at", ColumnType::kTimestamp).int64s();
  const auto ended = EventColumn(p, "ended_at", ColumnType::kTimestamp).int64s();
  const int64_t gap_us = gap_ms * 1000;
  p.session_of.resize(p.size());
  p.session_position.resize(p.size());
  std::unordered_set<int64_t> ids;
  for (size_t i = 0; i < p.size(); ++i) {
    if (i == 0 || started[i] - ended[i - 1] > gap_us) {
      // The id is the start in UTC ms; a start that an earlier session already took (possible
      // when offline_at moved a start back) takes the next free millisecond.
      int64_t id = core::FloorDiv(started[i], 1000);
      while (!ids.insert(id).second) ++id;
      p.sessions.push_back({id, i, 0});
    }
    Session& session = p.sessions.back();
    ++session.count;
    p.session_of[i] = uint32_t(p.sessions.size() - 1);
    p.session_position[i] = int32_t(session.count);
  }
}

}  // namespace

GoldPlays BuildGoldPlays(parquet::Batch events, SilverInputs silver, const GoldOptions& options) {
  // The derived vectors start empty and are filled by the steps below.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
  GoldPlays p{.events = SortByEndThenId(std::move(events), kEvents), .silver = std::move(silver)};
#pragma GCC diagnostic pop
  SetLocalTimesAndJoin(p, options);
  // The steps left, each filling its own vectors, run concurrently too.
  const std::vector<std::function<void()>> steps = {
      [&] { SetLabels(p); },
      [&] {
        SetCompletion(p);
        SetCounted(p);
      },
      [&] {
        p.first_of_track = FirstPlays(EventColumn(p, "track_id", ColumnType::kString), p.track_row,
                                      p.silver.tracks.num_rows());
      },
      [&] {
        p.first_of_artist = FirstPlays(EventColumn(p, "artist_id", ColumnType::kString),
                                       p.artist_row, p.silver.artists.num_rows());
      },
      [&] { SetSessions(p, options.session_gap_ms); },
  };
  parquet::ParallelFor(steps.size(), parquet::DefaultThreads(), [&](size_t i) { steps[i](); });
  return p;
}

}  // namespace uw::gold
