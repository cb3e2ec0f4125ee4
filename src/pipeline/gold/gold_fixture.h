// Test support: hand-made silver rows for the gold tests. Plays become a batch with exactly the
// schema of silver listening_events (taken from the silver code, so a silver change shows up
// here), and the tracks and artists they name become silver-shaped dimension rows.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "parquet/batch.h"
#include "pipeline/gold/gold_plays.h"
#include "pipeline/silver/event_columns.h"
#include "pipeline/tables/silver_columns.h"

namespace uw::gold::fixture {

struct Play {
  std::string event_id = "";
  int64_t ended_at_ms = 0;
  int64_t ms_played = 180000;
  std::string track_id = "t1";
  std::string artist_id = "a1";  // "" = null (no source named an artist)
  std::string reason_end = "trackdone";
  std::string conn_country = "";
  bool incognito = false;
  std::optional<int64_t> started_at_ms = std::nullopt;  // default: ended_at_ms - ms_played
};

// UTC milliseconds of a civil UTC time.
inline int64_t Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return core::ToEpochSeconds({{y, mo, d}, h, mi, s, 0}) * 1000;
}

inline parquet::Batch ListeningEvents(const std::vector<Play>& plays) {
  using parquet::ColumnType;
  // As silver writes it: time, identity, then context with silver's lineage.
  std::vector<parquet::Field> fields = tables::SilverEventTimeFields();
  for (std::vector<parquet::Field> part :
       {tables::SilverListeningIdentityFields(), silver::EventContextFields()})
    fields.insert(fields.end(), part.begin(), part.end());
  parquet::Batch batch{parquet::Schema(fields)};
  for (const Play& p : plays) {
    for (size_t c = 0; c < fields.size(); ++c) {
      const std::string& name = fields[c].name;
      parquet::ColumnVector& col = batch.column(c);
      const auto text = [&](const std::string& v) {
        v.empty() ? col.AppendNull() : col.AppendString(v);
      };
      if (name == "event_id")
        col.AppendString(p.event_id);
      else if (name == "ended_at")
        col.AppendInt64(p.ended_at_ms * 1000);
      else if (name == "started_at")
        col.AppendInt64(p.started_at_ms.value_or(p.ended_at_ms - p.ms_played) * 1000);
      else if (name == "ms_played")
        col.AppendInt64(p.ms_played);
      else if (name == "track_id")
        col.AppendString(p.track_id);
      else if (name == "track_name")
        col.AppendString("Track " + p.track_id);
      else if (name == "artist_id")
        text(p.artist_id);
      else if (name == "artist_name")
        text(p.artist_id.empty() ? "" : "Artist " + p.artist_id);
      else if (name == "reason_end")
        text(p.reason_end);
      else if (name == "conn_country")
        text(p.conn_country);
      else if (name == "incognito_mode")
        col.AppendBool(p.incognito);
      else if (name == "is_skip")
        col.AppendBool(p.ms_played < 30000);
      else if (name == "is_stream")
        col.AppendBool(p.ms_played >= 30000);
      else if (name == "source")
        col.AppendString("extended");
      else if (name == "sources")
        col.AppendString("extended");
      else if (name == "bronze_file")
        col.AppendString("bronze/x.json");
      else if (name == "ended_at_precision")
        col.AppendString("s");
      else if (name == "name_resolution")
        col.AppendString("own");
      else if (fields[c].type == ColumnType::kBoolean && !fields[c].nullable)
        col.AppendBool(false);
      else
        col.AppendNull();
    }
  }
  batch.Validate();
  return batch;
}

// Silver inputs whose tracks and artists are the ones `plays` name; durations by track id
// (absent: null). Artist ids starting "name:" are name-only artists.
inline SilverInputs SilverFor(const std::vector<Play>& plays,
                              const std::map<std::string, int64_t>& durations = {}) {
  SilverInputs s = EmptySilverInputs();
  std::map<std::string, std::string> tracks;  // track -> artist
  std::map<std::string, bool> artists;
  for (const Play& p : plays) {
    tracks.emplace(p.track_id, p.artist_id);
    if (!p.artist_id.empty()) artists[p.artist_id] = p.artist_id.starts_with("name:");
  }
  for (const auto& [track, artist] : tracks) {
    parquet::Batch& t = s.tracks;
    t.column("track_id").AppendString(track);
    t.column("track_uri").AppendString("spotify:track:" + track);
    t.column("track_name").AppendString("Track " + track);
    artist.empty() ? t.column("artist_id").AppendNull()
                   : t.column("artist_id").AppendString(artist);
    t.column("artist_name").AppendNull();
    t.column("album_id").AppendNull();
    t.column("album_name").AppendNull();
    if (const auto it = durations.find(track); it != durations.end()) {
      t.column("duration_ms").AppendInt64(it->second);
    } else {
      t.column("duration_ms").AppendNull();
    }
    t.column("name_only").AppendBool(false);
    t.column("first_played_at").AppendInt64(0);
    t.column("last_played_at").AppendInt64(0);
  }
  for (const auto& [artist, name_only] : artists) {
    s.artists.column("artist_id").AppendString(artist);
    name_only ? s.artists.column("artist_uri").AppendNull()
              : s.artists.column("artist_uri").AppendString("spotify:artist:" + artist);
    s.artists.column("artist_name").AppendString("Artist " + artist);
    s.artists.column("name_only").AppendBool(name_only);
  }
  return s;
}

}  // namespace uw::gold::fixture
