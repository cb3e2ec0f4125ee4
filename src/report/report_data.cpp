#include "report/report_data.h"

#include <cmath>
#include <map>
#include <set>

#include "core/civil_time.h"
#include "core/error.h"
#include "core/lake_paths.h"
#include "delta/snapshot.h"
#include "pipeline/tables/read_table.h"

namespace uw::report {

int32_t Dictionary::Intern(std::string_view key, std::string_view name, std::string_view detail) {
  if (key.empty()) return -1;
  if (auto it = codes_.find(key); it != codes_.end()) return it->second;
  const auto code = static_cast<int32_t>(names_.size());
  codes_.emplace(std::string(key), code);
  names_.emplace_back(name.empty() ? key : name);
  details_.emplace_back(detail);
  return code;
}

void MusicPlays::Add(const MusicPlayRow& r) {
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
  // Artists, tracks and albums are identified by id (names can collide) and shown by name; a
  // play without an id falls back to its name so that it is still counted under something.
  const auto key = [](std::string_view id, std::string_view name) {
    return id.empty() ? name : id;
  };
  artist.push_back(artists.Intern(key(r.artist_id, r.artist_name), r.artist_name));
  track.push_back(tracks.Intern(key(r.track_id, r.track_name), r.track_name, r.artist_name));
  album.push_back(albums.Intern(key(r.album_id, r.album_name), r.album_name, r.artist_name));
  platform.push_back(platforms.Intern(r.platform));
  country.push_back(countries.Intern(r.country));
  reason_end.push_back(reasons.Intern(r.reason_end));
  sources.push_back(source_sets.Intern(r.sources));
  genre.push_back(genres.Intern(r.genre));
  mood.push_back(moods.Intern(r.mood));
  season.push_back(seasons.Intern(r.season));
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
        dance(c.Optional("danceability")),
        artist_id(c.Optional("artist_id")),
        artist_name(c.Optional("artist_name")),
        track_id(c.Optional("track_id")),
        track_name(c.Optional("track_name")),
        album_id(c.Optional("album_id")),
        album_name(c.Optional("album_name")),
        platform(c.Optional("platform")),
        country(c.Optional("conn_country")),
        reason_end(c.Optional("reason_end")),
        sources(c.Optional("sources")),
        genre(c.Optional("top_genre")),
        mood(c.Optional("mood_quadrant")),
        season(c.Optional("season")),
        metadata(c.Optional("track_metadata_source")),
        release_date(c.Optional("release_date")) {}

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
    r.artist_id = Text(artist_id, i);
    r.artist_name = Text(artist_name, i);
    r.track_id = Text(track_id, i);
    r.track_name = Text(track_name, i);
    r.album_id = Text(album_id, i);
    r.album_name = Text(album_name, i);
    r.platform = Text(platform, i);
    r.country = Text(country, i);
    r.reason_end = Text(reason_end, i);
    r.sources = Text(sources, i);
    r.genre = Text(genre, i);
    r.mood = Text(mood, i);
    r.season = Text(season, i);
    r.has_metadata = !Text(metadata, i).empty();
    r.has_release_date = !Text(release_date, i).empty();
  }

  const parquet::ColumnVector &date, &ms, &incognito, &hour, &dow, &started, &ended;
  const parquet::ColumnVector *duration, *tz, *session, *stream, *skip, *complete, *first;
  const parquet::ColumnVector *completion, *energy, *valence, *dance;
  const parquet::ColumnVector *artist_id, *artist_name, *track_id, *track_name, *album_id,
      *album_name;
  const parquet::ColumnVector *platform, *country, *reason_end, *sources, *genre, *mood, *season;
  const parquet::ColumnVector *metadata, *release_date;
};

void CountZone(std::map<std::string, int64_t, std::less<>>& zones, std::string_view zone) {
  auto it = zones.find(zone);
  if (it == zones.end()) it = zones.emplace(std::string(zone), 0).first;
  ++it->second;
}

}  // namespace

void AddFactPlays(const parquet::Batch& batch, ReportData& data) {
  const Columns columns(batch, "fact_plays");
  const FactPlaysColumns c(columns);
  std::map<std::string, int64_t, std::less<>> zones;
  MusicPlayRow r;
  for (size_t i = 0; i < batch.num_rows(); ++i) {
    r.local_date = c.date.GetInt32(i);
    if (!data.period.Contains(r.local_date)) continue;
    r.ms_played = c.ms.GetInt64(i);
    r.incognito = c.incognito.GetBool(i);
    if (!KeepPlay(r.ms_played, r.incognito, data.include_incognito, false, data.excluded)) continue;
    c.Read(i, r);
    data.music.Add(r);
    if (c.tz) CountZone(zones, Text(c.tz, i));
  }
  int64_t best = 0;
  for (const auto& [zone, plays] : zones) {
    if (plays > best) best = plays, data.local_tz = zone;
  }
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

parquet::Batch ReadFacts(const storage::ObjectStore& lake, std::string_view table,
                         const Period& period, const std::vector<std::string>& wanted) {
  const std::string root = lake::GoldTable(table);
  // Columns a gold table of an older version lacks are not read (the reader keeps only the
  // snapshot's columns) and read as null in AddFactPlays, not as errors.
  const bool bounded = period.bounded() && period.to_day != std::numeric_limits<int32_t>::max();
  return bounded ? tables::ReadPartitions(lake, root, MonthsOf(period), wanted)
                 : tables::ReadTable(lake, root, wanted);
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
  AddFactPlays(ReadFacts(lake, "fact_plays", period, kMusicColumns), data);
  if (HasTable(lake, lake::GoldTable("fact_podcast_plays"))) {
    AddFactPodcastPlays(ReadFacts(lake, "fact_podcast_plays", period, kPodcastColumns), data);
  }
  CountGenres(lake, data);
  return data;
}

}  // namespace uw::report
