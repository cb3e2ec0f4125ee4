// gold.sessions: one row per listening session of GoldPlays.sessions (consecutive music plays
// with no pause longer than the session gap), keyed by session_id, in session_id order. Every
// session has a row, even one of incognito plays only (fact_plays.session_id always joins);
// the measures count its counted plays, incognito_plays its incognito ones.
#include <algorithm>

#include "core/civil_time.h"
#include "core/error.h"
#include "pipeline/gold/aggregates.h"
#include "pipeline/gold/group_index.h"

namespace uw::gold {
namespace {

parquet::Schema SessionsSchema() {
  using parquet::ColumnType;
  return parquet::Schema({
      {"session_id", ColumnType::kInt64, false},  // UTC ms of its first play's start
      {"started_at", ColumnType::kTimestamp, false},
      {"ended_at", ColumnType::kTimestamp, false},
      {"local_date", ColumnType::kDate, false},  // of started_at, in its first play's zone
      {"local_hour", ColumnType::kInt32, false},
      {"duration_ms", ColumnType::kInt64, false},  // ended_at - started_at
      {"ms_played", ColumnType::kInt64, false},
      {"plays", ColumnType::kInt64, false},
      {"tracks", ColumnType::kInt64, false},   // distinct
      {"artists", ColumnType::kInt64, false},  // distinct
      {"skips", ColumnType::kInt64, false},
      {"top_artist", ColumnType::kString, true},  // name of the artist with the most ms_played
      {"incognito_plays", ColumnType::kInt64, false},
  });
}

}  // namespace

tables::LakeTable SessionsTable(const GoldPlays& plays) { return SessionsTable(IndexPlays(plays)); }

tables::LakeTable SessionsTable(const PlayIndex& index) {
  const GoldPlays& plays = index.plays;
  if (plays.local_offset_s.size() != plays.size())
    Fail(ErrorCode::kInternal, "GoldPlays.local_offset_s does not cover every play");
  std::vector<uint32_t> order(plays.sessions.size());
  for (size_t s = 0; s < order.size(); ++s) order[s] = static_cast<uint32_t>(s);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return plays.sessions[a].session_id < plays.sessions[b].session_id;
  });
  const parquet::Schema schema = SessionsSchema();
  parquet::Batch rows(schema);
  rows.Reserve(order.size());
  DistinctCounter tracks(index.tracks.size()), artists(index.artists.size());
  TopByMs top_artist(index.artists.size());
  const parquet::ColumnVector& dim_names = plays.silver.artists.column("artist_name");
  const parquet::ColumnVector& event_names = plays.events.column("artist_name");
  std::vector<uint32_t> counted;
  for (const uint32_t s : order) {
    const Session& session = plays.sessions[s];
    size_t start = session.first;  // the play that started first
    int64_t ended_us = index.ended_at_us[session.first], ms_played = 0, skips = 0, incognito = 0;
    counted.clear();
    for (size_t p = session.first; p < session.first + session.count; ++p) {
      if (index.started_at_us[p] < index.started_at_us[start]) start = p;
      ended_us = std::max(ended_us, index.ended_at_us[p]);
      incognito += index.incognito[p];
      if (!plays.counted[p]) continue;
      counted.push_back(static_cast<uint32_t>(p));
      ms_played += index.ms_played[p];
      skips += index.is_skip[p];
    }
    const int64_t started_us = index.started_at_us[start];
    const int64_t local_s = core::FloorDiv(started_us, 1'000'000) + plays.local_offset_s[start];
    const int32_t top =
        top_artist.Find(counted, index.artists.of_play, index.ms_played, index.artists.id_rank);
    size_t c = 0;
    rows.column(c++).AppendInt64(session.session_id);
    rows.column(c++).AppendInt64(started_us);
    rows.column(c++).AppendInt64(ended_us);
    rows.column(c++).AppendInt32(
        static_cast<int32_t>(core::FloorDiv(local_s, core::kSecondsPerDay)));
    rows.column(c++).AppendInt32(
        static_cast<int32_t>(core::FloorDiv(local_s, 3600) - core::FloorDiv(local_s, 86400) * 24));
    rows.column(c++).AppendInt64((ended_us - started_us) / 1000);
    rows.column(c++).AppendInt64(ms_played);
    rows.column(c++).AppendInt64(static_cast<int64_t>(counted.size()));
    rows.column(c++).AppendInt64(tracks.Count(counted, index.tracks.of_play));
    rows.column(c++).AppendInt64(artists.Count(counted, index.artists.of_play));
    rows.column(c++).AppendInt64(skips);
    if (top < 0) {
      rows.column(c++).AppendNull();
    } else {
      tables::AppendText(rows.column(c++), EntityText(index.artists, top, dim_names, event_names));
    }
    rows.column(c++).AppendInt64(incognito);
  }
  return {"sessions", schema, {}, {"session_id"}, tables::SinglePartition(std::move(rows))};
}

}  // namespace uw::gold
