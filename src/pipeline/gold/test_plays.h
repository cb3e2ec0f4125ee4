// Tests only: builds a GoldPlays by hand from a list of simple play specs, so gold tables can be
// checked against figures worked out on paper without running silver or BuildGoldPlays. The
// events have the silver listening_events schema; the per-play vectors follow gold_plays.h.
#pragma once

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/civil_time.h"
#include "pipeline/gold/gold_plays.h"
#include "pipeline/silver/event_columns.h"
#include "pipeline/tables/silver_columns.h"
#include "pipeline/tables/lake_table.h"

// Fixtures name only the fields that matter to them (designated initializers); the rest keep
// their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace uw::gold::testing {

struct PlaySpec {
  std::string ended;  // UTC, "2023-01-01T09:00:00Z"
  int64_t ms_played = 180'000;
  std::string track;     // track id; its name is "Track <id>"
  std::string artist;    // artist id ("" = none); its name is the id with a capital first letter
  std::string album;     // album id ("" = none); its name is "Album <id>"
  int32_t offset_s = 0;  // local = UTC + offset
  bool incognito = false;
  bool skip = false;  // is_skip; a skipped play ends with "fwdbtn", any other with "trackdone"
  std::optional<int64_t> duration_ms;                   // the track's, for completion
  std::string genre;                                    // the artist's top genre ("" = none)
  std::optional<double> energy, valence, danceability;  // the track's audio features
  bool in_dims = true;  // false: the play did not join its silver dimension rows
};

inline std::string ArtistName(const std::string& id) {
  std::string name = id;
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(name[0]));
  return name;
}

namespace detail {

using Cell = std::variant<std::monostate, std::string, int64_t, double, bool>;

// Appends one row by column name; columns not named get null (or a zero when not nullable).
inline void AppendRow(parquet::Batch& batch, const std::map<std::string, Cell>& cells) {
  using parquet::ColumnType;
  for (size_t c = 0; c < batch.num_columns(); ++c) {
    const parquet::Field& field = batch.schema().field(c);
    parquet::ColumnVector& column = batch.column(c);
    const auto it = cells.find(field.name);
    const Cell cell = it == cells.end() ? Cell{} : it->second;
    if (std::holds_alternative<std::monostate>(cell) && field.nullable) {
      column.AppendNull();
      continue;
    }
    switch (field.type) {
      case ColumnType::kString:
        column.AppendString(std::holds_alternative<std::string>(cell) ? std::get<std::string>(cell)
                                                                      : "x");
        break;
      case ColumnType::kBoolean:
        column.AppendBool(std::holds_alternative<bool>(cell) && std::get<bool>(cell));
        break;
      case ColumnType::kInt32:
      case ColumnType::kDate:
        column.AppendInt32(std::holds_alternative<int64_t>(cell)
                               ? static_cast<int32_t>(std::get<int64_t>(cell))
                               : 0);
        break;
      case ColumnType::kInt64:
      case ColumnType::kTimestamp:
        column.AppendInt64(std::holds_alternative<int64_t>(cell) ? std::get<int64_t>(cell) : 0);
        break;
      case ColumnType::kDouble:
        column.AppendDouble(std::holds_alternative<double>(cell) ? std::get<double>(cell) : 0.0);
        break;
    }
  }
}

inline Cell Text(const std::string& s) { return s.empty() ? Cell{} : Cell{s}; }

inline parquet::Schema ListeningEventsSchema() {
  // As silver writes it: time, identity, then context with silver's lineage.
  std::vector<parquet::Field> fields = tables::SilverEventTimeFields();
  for (std::vector<parquet::Field> part :
       {tables::SilverListeningIdentityFields(), silver::EventContextFields()})
    fields.insert(fields.end(), part.begin(), part.end());
  return parquet::Schema(std::move(fields));
}

// The row of `id` in a dimension, appending it (via `append`) the first time.
template <typename Append>
int32_t DimRow(std::map<std::string, int32_t>& rows, const std::string& id, Append append) {
  const auto [it, fresh] = rows.try_emplace(id, static_cast<int32_t>(rows.size()));
  if (fresh) append();
  return it->second;
}

}  // namespace detail

// The GoldPlays of `specs` (any order; sorted by ended_at like BuildGoldPlays). Sessions split
// on pauses longer than `session_gap_ms`.
inline GoldPlays MakeGoldPlays(std::vector<PlaySpec> specs,
                               int64_t session_gap_ms = 30 * 60 * 1000) {
  using detail::Cell;
  using detail::Text;
  std::stable_sort(specs.begin(), specs.end(),
                   [](const PlaySpec& a, const PlaySpec& b) { return a.ended < b.ended; });
  GoldPlays p{.events = parquet::Batch(detail::ListeningEventsSchema()),
              .silver = EmptySilverInputs()};
  p.zone_names = {"Test/Zone"};
  std::map<std::string, int32_t> track_rows, artist_rows, album_rows, feature_rows, genre_ids;
  std::map<std::string, int> tracks_seen, artists_seen;
  int64_t session_end_ms = 0;
  for (size_t i = 0; i < specs.size(); ++i) {
    const PlaySpec& s = specs[i];
    const int64_t ended_ms = *core::ParseIsoUtcMillis(s.ended);
    const int64_t started_ms = ended_ms - s.ms_played;
    const std::string artist_name = ArtistName(s.artist);
    const std::string album_name = s.album.empty() ? "" : "Album " + s.album;
    detail::AppendRow(p.events, {{"event_id", Cell{std::string("e") + std::to_string(1000 + i)}},
                                 {"ended_at", Cell{ended_ms * 1000}},
                                 {"started_at", Cell{started_ms * 1000}},
                                 {"ms_played", Cell{s.ms_played}},
                                 {"track_id", Cell{s.track}},
                                 {"track_uri", Cell{"spotify:track:" + s.track}},
                                 {"track_name", Cell{"Track " + s.track}},
                                 {"artist_id", Text(s.artist)},
                                 {"artist_name", Text(artist_name)},
                                 {"album_id", Text(s.album)},
                                 {"album_name", Text(album_name)},
                                 {"reason_end", Cell{std::string(s.skip ? "fwdbtn" : "trackdone")}},
                                 {"is_skip", Cell{s.skip}},
                                 {"is_stream", Cell{s.ms_played >= 30'000}},
                                 {"incognito_mode", Cell{s.incognito}},
                                 {"source", Cell{std::string("extended")}},
                                 {"sources", Cell{std::string("extended")}}});
    // Local time of ended_at.
    const int64_t local_s = core::FloorDiv(ended_ms, 1000) + s.offset_s;
    const int64_t day = core::FloorDiv(local_s, core::kSecondsPerDay);
    p.zone_index.push_back(0);
    p.local_offset_s.push_back(s.offset_s);
    p.local_date.push_back(static_cast<int32_t>(day));
    p.local_hour.push_back(static_cast<int8_t>((local_s - day * core::kSecondsPerDay) / 3600));
    p.local_dow.push_back(static_cast<int8_t>((day % 7 + 7 + 3) % 7 + 1));
    // Dimension rows.
    int32_t track_row = -1, artist_row = -1, album_row = -1, features_row = -1;
    if (s.in_dims) {
      track_row = detail::DimRow(track_rows, s.track, [&] {
        detail::AppendRow(p.silver.tracks, {{"track_id", Cell{s.track}},
                                            {"track_name", Cell{"Track " + s.track}},
                                            {"artist_id", Text(s.artist)},
                                            {"artist_name", Text(artist_name)},
                                            {"album_id", Text(s.album)},
                                            {"album_name", Text(album_name)}});
      });
      if (!s.artist.empty()) {
        artist_row = detail::DimRow(artist_rows, s.artist, [&] {
          detail::AppendRow(p.silver.artists,
                            {{"artist_id", Cell{s.artist}}, {"artist_name", Cell{artist_name}}});
        });
      }
      if (!s.album.empty()) {
        album_row = detail::DimRow(album_rows, s.album, [&] {
          detail::AppendRow(p.silver.albums, {{"album_id", Cell{s.album}},
                                              {"album_name", Cell{album_name}},
                                              {"artist_id", Text(s.artist)},
                                              {"artist_name", Text(artist_name)}});
        });
      }
    }
    if (s.energy || s.valence || s.danceability) {
      const auto opt = [](const std::optional<double>& v) { return v ? Cell{*v} : Cell{}; };
      features_row = detail::DimRow(feature_rows, s.track, [&] {
        detail::AppendRow(p.silver.audio_features, {{"track_id", Cell{s.track}},
                                                    {"energy", opt(s.energy)},
                                                    {"valence", opt(s.valence)},
                                                    {"danceability", opt(s.danceability)},
                                                    {"source", Cell{std::string("test")}}});
      });
    }
    p.track_row.push_back(track_row);
    p.artist_row.push_back(artist_row);
    p.album_row.push_back(album_row);
    p.features_row.push_back(features_row);
    int32_t genre = -1;
    if (!s.genre.empty()) {
      genre = detail::DimRow(genre_ids, s.genre, [&] { p.genres.push_back(s.genre); });
    }
    p.top_genre.push_back(genre);
    p.top_tag.push_back(-1);
    // Completion and counting.
    const double completion =
        s.duration_ms ? std::min(1.0, double(s.ms_played) / double(*s.duration_ms)) : std::nan("");
    p.completion.push_back(completion);
    p.is_complete.push_back(!s.skip || (!std::isnan(completion) && completion >= 0.95));
    p.counted.push_back(!s.incognito && s.ms_played > 0);
    p.first_of_track.push_back(tracks_seen[s.track]++ == 0);
    p.first_of_artist.push_back(!s.artist.empty() && artists_seen[s.artist]++ == 0);
    // Sessions.
    if (p.sessions.empty() || started_ms - session_end_ms > session_gap_ms) {
      p.sessions.push_back({started_ms, i, 0});
    }
    Session& session = p.sessions.back();
    ++session.count;
    session_end_ms = std::max(session.count == 1 ? ended_ms : session_end_ms, ended_ms);
    p.session_position.push_back(static_cast<int32_t>(session.count));
    p.session_of.push_back(static_cast<uint32_t>(p.sessions.size() - 1));
  }
  p.events.Validate();
  return p;
}

// The rows of an unpartitioned table.
inline const parquet::Batch& Rows(const tables::LakeTable& table) {
  return table.partitions.at(0).rows;
}

// Epoch days of "YYYY-MM-DD" and epoch µs of an ISO UTC instant, for expectations.
inline int32_t Day(const char* date) {
  int y = 0, m = 0, d = 0;
  std::sscanf(date, "%d-%d-%d", &y, &m, &d);
  return static_cast<int32_t>(core::DaysFromCivil(y, m, d));
}
inline int64_t Micros(const char* iso) { return *core::ParseIsoUtcMillis(iso) * 1000; }

// The fixture most gold aggregate tests share, worked out on paper in their expectations:
// artists alpha (rock; tracks t1 200 s and t2 100 s on album b1), beta (pop; t3 240 s on b2)
// and gamma (no genre; t4 of unknown duration on b3), over 2022-12-30 .. 2023-06-15 (UTC, zone
// offset 0). Plays 4 (0 ms) and 5 (incognito) on 2022-12-31 are not counted.
inline std::vector<PlaySpec> TwoYearsOfThreeArtists() {
  const auto play = [](const char* ended, int64_t ms, const char* track, bool skip = false) {
    static const std::map<std::string, std::vector<std::string>> kTracks = {
        {"t1", {"alpha", "b1", "rock"}},
        {"t2", {"alpha", "b1", "rock"}},
        {"t3", {"beta", "b2", "pop"}},
        {"t4", {"gamma", "b3", ""}}};
    static const std::map<std::string, int64_t> kDurations = {
        {"t1", 200'000}, {"t2", 100'000}, {"t3", 240'000}};
    const auto& t = kTracks.at(track);
    PlaySpec spec{.ended = ended, .ms_played = ms, .track = track, .artist = t[0], .album = t[1]};
    spec.skip = skip;
    spec.genre = t[2];
    if (kDurations.count(track)) spec.duration_ms = kDurations.at(track);
    return spec;
  };
  std::vector<PlaySpec> specs = {
      play("2022-12-30T10:00:00Z", 200'000, "t1"),       // 1
      play("2022-12-30T10:05:00Z", 100'000, "t2"),       // 2
      play("2022-12-30T10:06:00Z", 20'000, "t3", true),  // 3: skipped
      play("2022-12-31T22:00:00Z", 0, "t3", true),       // 4: 0 ms, not counted
      play("2022-12-31T22:10:00Z", 240'000, "t3"),       // 5: incognito, below
      play("2023-01-01T09:00:00Z", 240'000, "t3"),       // 6
      play("2023-01-01T09:05:00Z", 60'000, "t4", true),  // 7: skipped
      play("2023-06-15T20:00:00Z", 200'000, "t1"),       // 8
      play("2023-06-15T20:04:00Z", 200'000, "t1"),       // 9
  };
  specs[4].incognito = true;
  return specs;
}

}  // namespace uw::gold::testing
