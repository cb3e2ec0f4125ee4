#include "generator/truth_writer.h"

#include <fmt/format.h>

#include "core/civil_time.h"
#include "core/text.h"
#include "generator/extended_record.h"
#include "generator/file_sink.h"
#include "generator/truth_fields.h"

namespace uw::generator {
namespace {

void Key(std::string& out, std::string_view key) {
  out += ",\"";
  out += key;
  out += "\":";
}

void OptionalString(std::string& out, std::string_view key, std::string_view value) {
  Key(out, key);
  if (value.empty())
    out += "null";
  else
    core::AppendJsonString(out, value);
}

void AppendInt(std::string& out, int64_t v) {
  char buf[24];
  const auto end = fmt::format_to(buf, "{}", v);
  out.append(buf, end);
}

void Int(std::string& out, std::string_view key, int64_t value) {
  Key(out, key);
  AppendInt(out, value);
}

void Raw(std::string& out, std::string_view key, std::string_view json) {
  Key(out, key);
  out += json;
}

void Bool(std::string& out, std::string_view key, bool value) {
  Key(out, key);
  out += value ? "true" : "false";
}

// {"ended_at":...,"ended_at_s":...,"ended_at_precision":...
void AppendTime(std::string& out, const TruthPlay& r) {
  out += "{\"ended_at\":\"";
  switch (r.precision) {
    case Precision::kMillis:
      out += core::FormatIsoMillis(r.ended_at_ms);
      break;
    case Precision::kSeconds:
      AppendIsoSeconds(out, r.ended_at_s());
      break;
    case Precision::kMinute:
      out += core::FormatIsoMinute(r.ended_at_s());
      break;
  }
  out += '"';
  Int(out, "ended_at_s", r.ended_at_s());
  Key(out, "ended_at_precision");
  out += '"';
  out += PrecisionName(r.precision);
  out += '"';
}

void AppendSources(std::string& out, const TruthPlay& r) {
  Key(out, "sources");
  out += '[';
  bool first = true;
  for (const auto& [bit, name] : {std::pair{kFromAccount, "\"account\""},
                                  {kFromApi, "\"api\""},
                                  {kFromExtended, "\"extended\""}}) {
    if (!(r.sources & bit)) continue;
    if (!first) out += ',';
    out += name;
    first = false;
  }
  out += ']';
}

void AppendMusic(std::string& out, const Catalog& catalog, const TruthFields& f,
                 const TruthPlay& r) {
  const Play& p = f.PlayOf(r);
  AppendTime(out, r);
  const std::string_view id = f.TrackId(r);
  Key(out, "track_uri");
  if (id.empty()) {
    out += "null";
  } else {
    out += "\"spotify:track:";
    out += id;
    out += '"';
  }
  Raw(out, "artist_name", f.ArtistJson(r));
  Raw(out, "track_name", f.TrackJson(r));
  Raw(out, "album_name", f.AlbumJson(r));
  Key(out, "ms_played");
  if (f.HasMsPlayed(r))
    AppendInt(out, p.ms_played);
  else
    out += "null";
  AppendSources(out, r);
  Bool(out, "incognito", p.Has(kIncognito));
  Key(out, "api_played_at_ms");
  if (r.api_played_at_ms >= 0)
    AppendInt(out, r.api_played_at_ms);
  else
    out += "null";
  Key(out, "resolved_track_uri");
  if (r.resolved >= 0) {
    out += "\"spotify:track:";
    out += catalog.tracks[r.resolved].id;
    out += '"';
  } else {
    out += "null";
  }
  OptionalString(out, "resolution", ResolutionName(r.resolution));
  Bool(out, "ended_at_ambiguous", r.ambiguous);
  Bool(out, "video", p.Has(kVideo));
  Bool(out, "local", p.kind == ContentKind::kLocalTrack);
  out += "}\n";
}

void AppendPodcast(std::string& out, const Catalog& catalog, const TruthFields& f,
                   const TruthPlay& r) {
  const Play& p = f.PlayOf(r);
  const bool episode = p.kind == ContentKind::kEpisode;
  AppendTime(out, r);
  OptionalString(out, "content_type", !episode ? "audiobook" : p.Has(kVideo) ? "video" : "episode");
  const std::string uri = f.PodcastUri(r);
  OptionalString(out, "episode_uri", episode ? uri : "");
  OptionalString(out, "show_name", episode ? f.OwnerName(r) : "");
  OptionalString(out, "episode_name", episode ? f.ItemName(r) : "");
  const Audiobook* book = episode ? nullptr : &catalog.audiobooks[Catalog::ItemOwner(p.item)];
  const bool book_uri = book && (r.sources & kFromExtended);
  OptionalString(out, "audiobook_uri", book_uri ? "spotify:show:" + book->id : "");
  OptionalString(out, "audiobook_title", book ? f.OwnerName(r) : "");
  OptionalString(out, "audiobook_chapter_uri", book ? uri : "");
  OptionalString(out, "audiobook_chapter_title", book ? f.ItemName(r) : "");
  OptionalString(out, "author_name", book && (r.sources & kFromAccount) ? book->author : "");
  Int(out, "ms_played", p.ms_played);
  AppendSources(out, r);
  Bool(out, "incognito", p.Has(kIncognito));
  const std::string resolved = r.resolved < 0
                                   ? ""
                                   : "spotify:episode:" + (episode ? catalog.EpisodeId(r.resolved)
                                                                   : catalog.ChapterId(r.resolved));
  OptionalString(out, "resolved_episode_uri", resolved);
  OptionalString(out, "resolution", ResolutionName(r.resolution));
  Bool(out, "ended_at_ambiguous", r.ambiguous);
  out += "}\n";
}

}  // namespace

void WriteTruthPlays(const Catalog& catalog, const Timeline& timeline, const Truth& truth,
                     const std::filesystem::path& dir) {
  const TruthFields fields(catalog, timeline);
  FileSink music(dir / "music_plays.jsonl");
  for (const TruthPlay& r : truth.music) {
    AppendMusic(music.buffer(), catalog, fields, r);
    music.MaybeFlush();
  }
  music.Close();
  FileSink podcast(dir / "podcast_plays.jsonl");
  for (const TruthPlay& r : truth.podcast) {
    AppendPodcast(podcast.buffer(), catalog, fields, r);
    podcast.MaybeFlush();
  }
  podcast.Close();
}

}  // namespace uw::generator
