#include "report/report_data.h"

#include <cmath>
#include <map>
#include <set>

#include "core/civil_time.h"
#include "core/error.h"
#include "core/lake_paths.h"
#include "delta/snapshot.h"
#include "pipeline/tables/read_table.h"
#include "report/coded_text.h"
#include "report/gold_files.h"

namespace uw::report {

int32_t Dictionary::Intern(std::string_view key, std::string_view name, std::string_view detail) {
  if (key.empty()) return -1;
  const auto code = static_cast<int32_t>(keys_.Intern(key)) - 1;
  if (size_t(code) < names_.size()) return code;
  names_.emplace_back(name.empty() ? key : name);
  details_.emplace_back(detail);
  return code;
}

void MusicPlays::Add(const MusicPlayRow& r) {
  // Artists, tracks and albums are identified by id (names can collide) and shown by name; a
  // play without an id falls back to its name so that it is still counted under something.
  const auto key = [](std::string_view id, std::string_view name) {
    return id.empty() ? name : id;
  };
  MusicCodes c;
  c.artist = artists.Intern(key(r.artist_id, r.artist_name), r.artist_name);
  c.track = tracks.Intern(key(r.track_id, r.track_name), r.track_name, r.artist_name);
  c.album = albums.Intern(key(r.album_id, r.album_name), r.album_name, r.artist_name);
  c.platform = platforms.Intern(r.platform);
  c.country = countries.Intern(r.country);
  c.reason_end = reasons.Intern(r.reason_end);
  c.sources = source_sets.Intern(r.sources);
  c.genre = genres.Intern(r.genre);
  c.mood = moods.Intern(r.mood);
  c.season = seasons.Intern(r.season);
  Add(r, c);
}

void MusicPlays::Add(const MusicPlayRow& r, const MusicCodes& c) {
  local_date.push_back(r.local_date);
  local_hour.push_back(static_cast<int8_t>(r.local_hour));
  local_dow.push_back(static_cast<int8_t>(r.local_dow));
  started_at_ms.push_back(r.started_at_ms);
  ended_at_ms.push_back(r.ended_at_ms);
  ms_played.push_back(r.ms_played);
  session_id.push_back(r.session_id);
  is_stream.push_back(r.is_stream);
  is_skip.push_back(r.is_skip);
  is_complete.push_back(r.is_complete);
  incognito.push_back(r.incognito);
  first_of_artist.push_back(r.first_of_artist);
  has_duration.push_back(r.has_duration);
  has_metadata.push_back(r.has_metadata);
  has_release_date.push_back(r.has_release_date);
  completion_pct.push_back(r.completion_pct);
  energy.push_back(r.energy);
  valence.push_back(r.valence);
  danceability.push_back(r.danceability);
  artist.push_back(c.artist);
  track.push_back(c.track);
  album.push_back(c.album);
  platform.push_back(c.platform);
  country.push_back(c.country);
  reason_end.push_back(c.reason_end);
  sources.push_back(c.sources);
  genre.push_back(c.genre);
  mood.push_back(c.mood);
  season.push_back(c.season);
}

void MusicPlays::Reserve(size_t plays) {
  const auto reserve = [plays](auto&... columns) { (columns.reserve(plays), ...); };
  reserve(local_date, local_hour, local_dow, started_at_ms, ended_at_ms, ms_played, session_id);
  reserve(is_stream, is_skip, is_complete, incognito, first_of_artist, has_duration);
  reserve(has_metadata, has_release_date, completion_pct, energy, valence, danceability);
  reserve(artist, track, album, platform, country, reason_end, sources, genre, mood, season);
}

void PodcastPlays::Add(const PodcastPlayRow& r) {
  local_date.push_back(r.local_date);
  ms_played.push_back(r.ms_played);
  incognito.push_back(r.incognito);
  episode_has_metadata.push_back(r.episode_has_metadata);
  show_has_metadata.push_back(r.show_has_metadata);
  episode.push_back(episodes.Intern(r.episode_id));
  // Audiobooks and episodes without a show still belong somewhere: their content type.
  const std::string_view key = r.show_id.empty() ? r.show_name : r.show_id;
  show.push_back(key.empty() ? shows.Intern(r.content_type, r.content_type)
                             : shows.Intern(key, r.show_name));
}

bool KeepPlay(int64_t ms_played, bool incognito, bool include_incognito, bool podcast,
              Exclusions& excluded) {
  if (ms_played <= 0) {  // DESIGN §8.5: kept in the lake, never a play in a report
    if (!podcast) ++excluded.zero_ms;
    return false;
  }
  if (incognito && !include_incognito) {
    ++(podcast ? excluded.podcast_incognito : excluded.incognito);
    return false;
  }
  return true;
}

namespace {

// Typed, null-aware access to a batch's columns by name; absent optional columns read as null.
class Columns {
 public:
  Columns(const parquet::Batch& batch, std::string_view table) : batch_(batch), table_(table) {}

  const parquet::ColumnVector* Optional(std::string_view name) const {
    const auto index = batch_.schema().IndexOf(name);
    return index ? &batch_.column(*index) : nullptr;
  }
  const parquet::ColumnVector& Required(std::string_view name) const {
    const auto* column = Optional(name);
    if (!column)
      Fail(ErrorCode::kCorrupt, "gold {} has no column {}: rebuild with `unwrapped build`", table_,
           name);
    return *column;
  }

 private:
  const parquet::Batch& batch_;
  std::string_view table_;
};

std::string_view Text(const parquet::ColumnVector* c, size_t row) {
  return c && !c->IsNull(row) ? c->GetString(row) : std::string_view();
}
double Number(const parquet::ColumnVector* c, size_t row) {
  if (!c || c->IsNull(row)) return std::nan("");
  return c->type() == parquet::ColumnType::kDouble ? c->GetDouble(row) : double(c->GetInt32(row));
}
bool Flag(const parquet::ColumnVector* c, size_t row) {
  return c && !c->IsNull(row) && c->GetBool(row);
}

const std::vector<std::string> kMusicColumns = {
    "started_at",        "ended_at",       "ms_played",      "is_stream",
    "is_skip",           "is_complete",    "incognito_mode", "is_first_play_of_artist",
    "track_duration_ms", "completion_pct", "energy",         "valence",
    "danceability",      "artist_id",      "artist_name",    "track_id",
    "track_name",        "album_id",       "album_name",     "platform",
    "conn_country",      "reason_end",     "sources",        "top_genre",
    "mood_quadrant",     "season",         "session_id",     "local_date",
    "local_hour",        "local_dow",      "local_tz",       "track_metadata_source",
    "release_date"};

const std::vector<std::string> kPodcastColumns = {
    "ms_played",           "incognito_mode", "show_id",
    "show_name",           "content_type",   "local_date",
    "audiobook_title",     "episode_id",     "episode_metadata_source",
    "show_metadata_source"};

// The fact_plays columns the report reads, resolved once (by name) for the whole batch.
struct FactPlaysColumns {
  explicit FactPlaysColumns(const Columns& c)
      : date(c.Required("local_date")),
        ms(c.Required("ms_played")),
        incognito(c.Required("incognito_mode")),
        hour(c.Required("local_hour")),
        dow(c.Required("local_dow")),
        started(c.Required("started_at")),
        ended(c.Required("ended_at")),
        duration(c.Optional("track_duration_ms")),
        tz(c.Optional("local_tz")),
        session(c.Optional("session_id")),
        stream(c.Optional("is_stream")),
        skip(c.Optional("is_skip")),
        complete(c.Optional("is_complete")),
        first(c.Optional("is_first_play_of_artist")),
        completion(c.Optional("completion_pct")),
        energy(c.Optional("energy")),
        valence(c.Optional("valence")),
        dance(c.Optional("danceability")) {}

  // Everything but the fields the filter has already read (date, ms_played, incognito).
  void Read(size_t i, MusicPlayRow& r) const {
    r.local_hour = hour.GetInt32(i);
    r.local_dow = dow.GetInt32(i);
    r.started_at_ms = started.GetInt64(i) / 1000;
    r.ended_at_ms = ended.GetInt64(i) / 1000;
    r.session_id = session ? session->GetInt64(i) : 0;
    r.is_stream = Flag(stream, i);
    r.is_skip = Flag(skip, i);
    r.is_complete = Flag(complete, i);
    r.first_of_artist = Flag(first, i);
    r.has_duration = duration && !duration->IsNull(i);
    r.completion_pct = Number(completion, i);
    r.energy = Number(energy, i);
    r.valence = Number(valence, i);
    r.danceability = Number(dance, i);
  }

  const parquet::ColumnVector &date, &ms, &incognito, &hour, &dow, &started, &ended;
  const parquet::ColumnVector *duration, *tz, *session, *stream, *skip, *complete, *first;
  const parquet::ColumnVector *completion, *energy, *valence, *dance;
};

// The text columns of a fact_plays batch and, per column and dictionary, the code each distinct
// string got (coded_text.h): the same codes, in the same first-seen order, as MusicPlays::Add
// interning every row's strings.
class FactPlaysText {
 public:
  explicit FactPlaysText(const Columns& c)
      : artist_id_(c.Optional("artist_id")),
        artist_name_(c.Optional("artist_name")),
        track_id_(c.Optional("track_id")),
        track_name_(c.Optional("track_name")),
        album_id_(c.Optional("album_id")),
        album_name_(c.Optional("album_name")),
        platform_(c.Optional("platform")),
        country_(c.Optional("conn_country")),
        reason_end_(c.Optional("reason_end")),
        sources_(c.Optional("sources")),
        genre_(c.Optional("top_genre")),
        mood_(c.Optional("mood_quadrant")),
        season_(c.Optional("season")),
        metadata_(c.Optional("track_metadata_source")),
        release_date_(c.Optional("release_date")) {}

  void Read(size_t i, MusicPlays& m, MusicPlayRow& r, MusicCodes& codes) {
    codes.artist =
        Keyed(m.artists, artist_by_id_, artist_by_name_, artist_id_, artist_name_, nullptr, i);
    codes.track =
        Keyed(m.tracks, track_by_id_, track_by_name_, track_id_, track_name_, &artist_name_, i);
    codes.album =
        Keyed(m.albums, album_by_id_, album_by_name_, album_id_, album_name_, &artist_name_, i);
    codes.platform = Plain(m.platforms, platform_memo_, platform_, i);
    codes.country = Plain(m.countries, country_memo_, country_, i);
    codes.reason_end = Plain(m.reasons, reason_memo_, reason_end_, i);
    codes.sources = Plain(m.source_sets, sources_memo_, sources_, i);
    codes.genre = Plain(m.genres, genre_memo_, genre_, i);
    codes.mood = Plain(m.moods, mood_memo_, mood_, i);
    codes.season = Plain(m.seasons, season_memo_, season_, i);
    r.has_metadata = Present(metadata_memo_, metadata_, i);
    r.has_release_date = Present(release_memo_, release_date_, i);
  }

 private:
  static constexpr int32_t kNoId = -2;

  // The code of an artist, track or album: by id, or by name for a play without an id (as
  // MusicPlays::Add); `detail` is the artist shown beside a track or album.
  static int32_t Keyed(Dictionary& dict, SlotMemo& by_id, SlotMemo& by_name, const TextColumn& id,
                       const TextColumn& name, const TextColumn* detail, size_t i) {
    const auto detail_of = [&] { return detail ? detail->Get(i) : std::string_view(); };
    const int32_t code = by_id.Get(id, i, [&] {
      const std::string_view key = id.Get(i);
      return key.empty() ? kNoId : dict.Intern(key, name.Get(i), detail_of());
    });
    if (code != kNoId) return code;
    return by_name.Get(name, i, [&] {
      const std::string_view key = name.Get(i);
      return dict.Intern(key, key, detail_of());
    });
  }
  static int32_t Plain(Dictionary& dict, SlotMemo& memo, const TextColumn& column, size_t i) {
    return memo.Get(column, i, [&] { return dict.Intern(column.Get(i)); });
  }
  static bool Present(SlotMemo& memo, const TextColumn& column, size_t i) {
    return memo.Get(column, i, [&] { return int32_t(!column.Get(i).empty()); }) != 0;
  }

  TextColumn artist_id_, artist_name_, track_id_, track_name_, album_id_, album_name_;
  TextColumn platform_, country_, reason_end_, sources_, genre_, mood_, season_;
  TextColumn metadata_, release_date_;
  SlotMemo artist_by_id_, artist_by_name_, track_by_id_, track_by_name_, album_by_id_,
      album_by_name_;
  SlotMemo platform_memo_, country_memo_, reason_memo_, sources_memo_, genre_memo_, mood_memo_,
      season_memo_;
  SlotMemo metadata_memo_, release_memo_;
};

// Plays per zone of one batch: per code for a coded column, per string otherwise.
class ZoneTally {
 public:
  explicit ZoneTally(const parquet::ColumnVector* tz) : tz_(tz) {}
  void Count(size_t i, ZoneCounts& zones) {
    if (!tz_.coded()) return CountZone(zones, tz_.Get(i));
    const size_t slot = tz_.Slot(i);
    if (slot >= counts_.size()) counts_.resize(slot + 1, {0, 0});
    if (counts_[slot].first++ == 0) counts_[slot].second = i;
  }
  // Adds the counts per code to `zones` (each under its first row's string).
  void Flush(ZoneCounts& zones) const {
    for (const auto& [plays, row] : counts_) {
      if (plays == 0) continue;
      auto it = zones.find(tz_.Get(row));
      if (it == zones.end()) it = zones.emplace(std::string(tz_.Get(row)), 0).first;
      it->second += plays;
    }
  }

 private:
  static void CountZone(ZoneCounts& zones, std::string_view zone) {
    auto it = zones.find(zone);
    if (it == zones.end()) it = zones.emplace(std::string(zone), 0).first;
    ++it->second;
  }
  TextColumn tz_;
  std::vector<std::pair<int64_t, size_t>> counts_;  // per slot: plays, first row
};

}  // namespace

void AddFactPlays(const parquet::Batch& batch, ReportData& data, ZoneCounts& zones) {
  const Columns columns(batch, "fact_plays");
  const FactPlaysColumns c(columns);
  FactPlaysText text(columns);
  ZoneTally tally(c.tz);
  MusicPlayRow r;
  MusicCodes codes;
  for (size_t i = 0; i < batch.num_rows(); ++i) {
    r.local_date = c.date.GetInt32(i);
    if (!data.period.Contains(r.local_date)) continue;
    r.ms_played = c.ms.GetInt64(i);
    r.incognito = c.incognito.GetBool(i);
    if (!KeepPlay(r.ms_played, r.incognito, data.include_incognito, false, data.excluded)) continue;
    c.Read(i, r);
    text.Read(i, data.music, r, codes);
    data.music.Add(r, codes);
    if (c.tz) tally.Count(i, zones);
  }
  tally.Flush(zones);
}

void AddFactPlays(const parquet::Batch& batch, ReportData& data) {
  ZoneCounts zones;
  AddFactPlays(batch, data, zones);
  data.local_tz = MostPlayedZone(zones, std::move(data.local_tz));
}

std::string MostPlayedZone(const ZoneCounts& zones, std::string fallback) {
  int64_t best = 0;
  for (const auto& [zone, plays] : zones) {
    if (plays > best) best = plays, fallback = zone;
  }
  return fallback;
}

void AddFactPodcastPlays(const parquet::Batch& batch, ReportData& data) {
  const Columns c(batch, "fact_podcast_plays");
  const auto& date = c.Required("local_date");
  const auto& ms = c.Required("ms_played");
  const auto& incognito = c.Required("incognito_mode");
  const auto *show_id = c.Optional("show_id"), *show_name = c.Optional("show_name");
  const auto *book = c.Optional("audiobook_title"), *type = c.Optional("content_type");
  const auto* episode_id = c.Optional("episode_id");
  const auto *episode_source = c.Optional("episode_metadata_source"),
             *show_source = c.Optional("show_metadata_source");
  PodcastPlayRow r;
  for (size_t i = 0; i < batch.num_rows(); ++i) {
    const int32_t day = date.GetInt32(i);
    if (!data.period.Contains(day)) continue;
    r.ms_played = ms.GetInt64(i);
    r.incognito = incognito.GetBool(i);
    if (!KeepPlay(r.ms_played, r.incognito, data.include_incognito, true, data.excluded)) continue;
    r.local_date = day;
    r.show_id = Text(show_id, i);
    r.show_name = Text(show_name, i);
    if (r.show_name.empty()) r.show_name = Text(book, i);
    r.content_type = Text(type, i);
    r.episode_id = Text(episode_id, i);
    r.episode_has_metadata = !Text(episode_source, i).empty();
    r.show_has_metadata = !Text(show_source, i).empty();
    data.podcasts.Add(r);
  }
}

namespace {

bool HasTable(const storage::ObjectStore& lake, std::string_view root) {
  return !lake.List(lake::DeltaLogPrefix(root)).empty();
}

// The UTC month partitions that can hold plays of the period: local dates are at most a day
// away from UTC dates (offsets stay within ±14 h).
std::vector<delta::PartitionValues> MonthsOf(const Period& period) {
  std::vector<delta::PartitionValues> months;
  const core::CivilDate first = core::CivilFromDays(int64_t(period.from_day) - 1);
  const core::CivilDate last = core::CivilFromDays(int64_t(period.to_day) + 1);
  for (int y = first.year, m = first.month; y < last.year || (y == last.year && m <= last.month);) {
    months.push_back({{"year", std::to_string(y)}, {"month", std::to_string(m)}});
    if (++m == 13) m = 1, ++y;
  }
  return months;
}

// The gold files of `table` that can hold plays of `period`.
GoldFiles FactFiles(const storage::ObjectStore& lake, std::string_view table, const Period& period,
                    const std::vector<std::string>& wanted) {
  const std::string root = lake::GoldTable(table);
  // Columns a gold table of an older version lacks are not read (only the snapshot's columns
  // are) and read as null in AddFactPlays, not as errors.
  const bool bounded = period.bounded() && period.to_day != std::numeric_limits<int32_t>::max();
  const auto months = bounded ? MonthsOf(period) : std::vector<delta::PartitionValues>{};
  return OpenGoldFiles(lake, root, wanted, bounded ? &months : nullptr);
}

void CountGenres(const storage::ObjectStore& lake, ReportData& data) {
  const std::string root = lake::GoldTable("dim_artists");
  if (!HasTable(lake, root)) return;
  const parquet::Batch artists = tables::ReadTable(lake, root, {"artist_id", "primary_genre"});
  const auto index = artists.schema().IndexOf("primary_genre");
  data.artists_total = static_cast<int64_t>(artists.num_rows());
  for (size_t i = 0; index && i < artists.num_rows(); ++i) {
    const auto& genre = artists.column(*index);
    data.artists_with_genre += !genre.IsNull(i) && !genre.GetString(i).empty();
  }
}

}  // namespace

ReportData LoadReportData(const storage::ObjectStore& lake, const Period& period,
                          bool include_incognito) {
  if (!HasTable(lake, lake::GoldTable("fact_plays"))) {
    Fail(ErrorCode::kNotFound, "{} has no gold tables: run `unwrapped build` first", lake.Url());
  }
  ReportData data;
  data.period = period;
  data.include_incognito = include_incognito;
  const GoldFiles plays = FactFiles(lake, "fact_plays", period, kMusicColumns);
  data.music.Reserve(size_t(plays.num_rows()));  // at most: some are filtered out
  ZoneCounts zones;
  for (size_t i = 0; i < plays.batches(); ++i) AddFactPlays(plays.Read(i), data, zones);
  data.local_tz = MostPlayedZone(zones, std::move(data.local_tz));
  if (HasTable(lake, lake::GoldTable("fact_podcast_plays"))) {
    const GoldFiles podcasts = FactFiles(lake, "fact_podcast_plays", period, kPodcastColumns);
    for (size_t i = 0; i < podcasts.batches(); ++i) AddFactPodcastPlays(podcasts.Read(i), data);
  }
  CountGenres(lake, data);
  return data;
}

}  // namespace uw::report
