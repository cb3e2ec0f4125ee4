#include "generator/account_writer.h"

#include <fmt/format.h>

#include <memory>

#include "core/civil_time.h"
#include "core/text.h"
#include "generator/account_extras.h"
#include "generator/file_sink.h"
#include "generator/holdings.h"

namespace uw::generator {
namespace {

constexpr int64_t kRecordsPerFile = 10000;

// One StreamingHistory_<kind>_N.json series, opened lazily and cut every 10,000 records. Rows
// are written like Python's json.dump(indent=2, separators=(",", " : ")), as Spotify does.
class Series {
 public:
  Series(std::filesystem::path dir, std::string prefix, AccountStats& stats)
      : dir_(std::move(dir)), prefix_(std::move(prefix)), stats_(stats) {}

  // Starts a record with its endTime; returns the buffer to append the other fields to.
  std::string& Begin(std::string_view end_time) {
    if (!sink_ || in_file_ == kRecordsPerFile) Open();
    std::string& out = sink_->buffer();
    out += in_file_ == 0 ? "[\n  {\n    \"endTime\" : \"" : ",\n  {\n    \"endTime\" : \"";
    out += end_time;
    out += "\",\n";
    ++in_file_;
    return out;
  }
  void End(int32_t ms_played) {
    std::string& out = sink_->buffer();
    out += "    \"msPlayed\" : ";
    out += std::to_string(ms_played);
    out += "\n  }";
    sink_->MaybeFlush();
  }
  // Closes the last file; an empty series still gets "[]" when `always`.
  void Finish(bool always) {
    if (!sink_ && files_ == 0 && always) {
      WriteWholeFile(dir_ / Name(0), "[]");
      stats_.files.push_back({Name(0), 0, 2});
    }
    Close();
  }

 private:
  std::string Name(int index) const { return fmt::format("{}{}.json", prefix_, index); }
  void Open() {
    Close();
    sink_ = std::make_unique<FileSink>(dir_ / Name(files_++));
    in_file_ = 0;
  }
  void Close() {
    if (!sink_) return;
    sink_->buffer() += "\n]";
    sink_->Close();
    stats_.files.push_back({sink_->path().filename().string(), in_file_, sink_->bytes()});
    sink_.reset();
  }
  std::filesystem::path dir_;
  std::string prefix_;
  AccountStats& stats_;
  std::unique_ptr<FileSink> sink_;
  int files_ = 0;
  int64_t in_file_ = 0;
};

void Field(std::string& out, std::string_view key, std::string_view json_value) {
  out += "    \"";
  out += key;
  out += "\" : ";
  out += json_value;
  out += ",\n";
}

void MusicFields(std::string& out, const Catalog& catalog, const Play& p) {
  switch (p.kind) {
    case ContentKind::kTrack: {
      const Track& t = catalog.tracks[p.item];
      Field(out, "artistName", catalog.artists[t.artist].name_json);
      Field(out, "trackName", t.name_json);
      break;
    }
    case ContentKind::kLocalTrack:
      Field(out, "artistName", catalog.local_tracks[p.item].artist_json);
      Field(out, "trackName", catalog.local_tracks[p.item].name_json);
      break;
    default:
      // Unavailable content: Spotify writes placeholders (formats.md §1.2).
      Field(out, "artistName", "\"Unknown Artist\"");
      Field(out, "trackName", "\"Unknown Track\"");
  }
}

void PodcastFields(std::string& out, const Catalog& catalog, const Play& p) {
  Field(out, "podcastName", catalog.shows[Catalog::ItemOwner(p.item)].name_json);
  Field(out, "episodeName", core::JsonString(catalog.EpisodeName(p.item)));
}

void AudiobookFields(std::string& out, const Catalog& catalog, const Play& p) {
  const Audiobook& book = catalog.audiobooks[Catalog::ItemOwner(p.item)];
  Field(out, "audiobookName", book.title_json);
  Field(out, "chapterName", core::JsonString(catalog.ChapterTitle(p.item)));
  Field(out, "authorName", core::JsonString(book.author));
}

}  // namespace

int64_t AccountLocalMinute(const Play& play, const core::TimeZone& zone) {
  return core::FloorDiv(zone.ToLocal(play.ts()), 60) * 60;
}

AccountStats WriteAccount(const Catalog& catalog, const Timeline& timeline,
                          const core::TimeZone& zone, const std::string& username, Rng rng,
                          const std::filesystem::path& dir) {
  AccountStats stats;
  Series music(dir, "StreamingHistory_music_", stats),
      podcast(dir, "StreamingHistory_podcast_", stats),
      audiobook(dir, "StreamingHistory_audiobook_", stats);
  for (const Play& p : timeline.plays) {
    if (!AccountHolds(p)) continue;
    const int64_t minute = AccountLocalMinute(p, zone);
    if (zone.FromLocal(minute).size() > 1) ++stats.ambiguous_hour_rows;
    const std::string end_time = core::FormatAccountMinute(minute);
    if (IsMusic(p.kind)) {
      MusicFields(music.Begin(end_time), catalog, p);
      music.End(p.ms_played);
      ++stats.music_rows;
      stats.unknown_rows += p.kind == ContentKind::kUnavailable;
    } else if (p.kind == ContentKind::kEpisode) {
      PodcastFields(podcast.Begin(end_time), catalog, p);
      podcast.End(p.ms_played);
      ++stats.podcast_rows;
    } else {
      AudiobookFields(audiobook.Begin(end_time), catalog, p);
      audiobook.End(p.ms_played);
      ++stats.audiobook_rows;
    }
  }
  music.Finish(true);
  podcast.Finish(true);
  audiobook.Finish(false);
  WriteAccountExtras(catalog, timeline, username, rng, dir, stats);
  return stats;
}

}  // namespace uw::generator
