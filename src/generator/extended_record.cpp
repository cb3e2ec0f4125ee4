#include "generator/extended_record.h"

#include <fmt/format.h>

#include "core/civil_time.h"
#include "core/text.h"
#include "generator/platform.h"
#include "generator/rng.h"
#include "generator/scenario.h"

namespace uw::generator {
namespace {

void AppendInt(std::string& out, int64_t v) {
  char buf[24];
  const auto end = fmt::format_to(buf, "{}", v);
  out.append(buf, end);
}

void Put2(char* p, int v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
}

}  // namespace

void AppendIsoSeconds(std::string& out, int64_t epoch_seconds) {
  const core::CivilDateTime t = core::FromEpochSeconds(epoch_seconds);
  if (t.date.year < 1000 || t.date.year > 9999) {
    out += core::FormatIsoSeconds(epoch_seconds);
    return;
  }
  char buf[20] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0',
                  'T', '0', '0', ':', '0', '0', ':', '0', '0', 'Z'};
  Put2(buf, t.date.year / 100);
  Put2(buf + 2, t.date.year % 100);
  Put2(buf + 5, t.date.month);
  Put2(buf + 8, t.date.day);
  Put2(buf + 11, t.hour);
  Put2(buf + 14, t.minute);
  Put2(buf + 17, t.second);
  out.append(buf, sizeof buf);
}

// Writes keys in either layout: compact `"k":v` or Spotify's pretty `\n    "k": v`.
class ExtendedRecord::Writer {
 public:
  Writer(std::string& out, bool pretty) : out_(out), pretty_(pretty) {
    out_ += pretty ? "  {" : "{";
  }
  void Key(std::string_view key) {
    static constexpr std::string_view kOpen[2][2] = {{",\"", "\""}, {",\n    \"", "\n    \""}};
    out_ += kOpen[pretty_][first_];
    first_ = false;
    out_ += key;
    out_ += pretty_ ? std::string_view("\": ") : std::string_view("\":");
  }
  void Raw(std::string_view key, std::string_view json) {
    Key(key);
    out_ += json;
  }
  void String(std::string_view key, std::string_view value) {
    Key(key);
    core::AppendJsonString(out_, value);
  }
  void Int(std::string_view key, int64_t v) {
    Key(key);
    AppendInt(out_, v);
  }
  void Bool(std::string_view key, bool v) { Raw(key, v ? "true" : "false"); }
  void Null(std::string_view key) { Raw(key, "null"); }
  std::string& out() { return out_; }
  void End() { out_ += pretty_ ? "\n  }" : "}"; }

 private:
  std::string& out_;
  bool pretty_;
  bool first_ = true;
};

ExtendedRecord::ExtendedRecord(const Catalog& catalog, const Timeline& timeline,
                               std::string username)
    : catalog_(catalog), timeline_(timeline), username_json_(core::JsonString(username)) {
  for (const Session& s : timeline.sessions) ip_json_.push_back(core::JsonString(FormatIp(s.ip)));
  for (const Platform& p : Platforms()) {
    detailed_json_.push_back(core::JsonString(p.detailed));
    coarse_json_.push_back(core::JsonString(p.coarse));
  }
  for (const Country& c : Countries()) country_json_.push_back(core::JsonString(c.code));
}

void ExtendedRecord::Append(std::string& out, const Play& play, Vintage vintage,
                            RecordVariant variant) const {
  const Session& session = timeline_.sessions[play.session];
  const Platform& platform = Platforms()[session.platform];
  Writer w(out, Pretty(vintage));
  w.Key("ts");
  out.push_back('"');
  AppendIsoSeconds(out, play.ts());
  out.push_back('"');
  if (vintage == Vintage::kA) w.Raw("username", username_json_);
  const bool coarse = play.ts() >= scenario::kCoarsePlatformFrom ||
                      (vintage == Vintage::kC && !play.Has(kDetailedInC));
  w.Raw("platform", coarse ? coarse_json_[session.platform] : detailed_json_[session.platform]);
  w.Int("ms_played", play.ms_played);
  w.Raw("conn_country", country_json_[session.country]);
  w.Raw(vintage == Vintage::kA ? "ip_addr_decrypted" : "ip_addr", ip_json_[play.session]);
  if (vintage == Vintage::kA) {
    if (!platform.user_agent.empty())
      w.String("user_agent_decrypted", platform.user_agent);
    else if (play.Has(kUserAgentNull))
      w.Null("user_agent_decrypted");
    else
      w.String("user_agent_decrypted", "unknown");
  }
  AppendContent(w, play, vintage);
  AppendFlags(w, play, vintage, variant);
  w.End();
}

void ExtendedRecord::AppendContent(Writer& w, const Play& play, Vintage vintage) const {
  AppendMusicFields(w, play);
  if (play.kind == ContentKind::kEpisode) {
    w.String("episode_name", catalog_.EpisodeName(play.item));
    w.Raw("episode_show_name", catalog_.shows[Catalog::ItemOwner(play.item)].name_json);
    w.String("spotify_episode_uri", "spotify:episode:" + catalog_.EpisodeId(play.item));
  } else {
    for (const char* key : {"episode_name", "episode_show_name", "spotify_episode_uri"})
      w.Null(key);
  }
  if (vintage != Vintage::kC) return;
  if (play.kind == ContentKind::kChapter) {
    const Audiobook& book = catalog_.audiobooks[Catalog::ItemOwner(play.item)];
    w.Raw("audiobook_title", book.title_json);
    w.String("audiobook_uri", "spotify:show:" + book.id);
    w.String("audiobook_chapter_uri", "spotify:episode:" + catalog_.ChapterId(play.item));
    w.String("audiobook_chapter_title", catalog_.ChapterTitle(play.item));
  } else {
    for (const char* key :
         {"audiobook_title", "audiobook_uri", "audiobook_chapter_uri", "audiobook_chapter_title"}) {
      w.Null(key);
    }
  }
}

void ExtendedRecord::AppendMusicFields(Writer& w, const Play& play) const {
  if (play.kind == ContentKind::kTrack) {
    const Track& t = catalog_.tracks[play.item];
    w.Raw("master_metadata_track_name", t.name_json);
    w.Raw("master_metadata_album_artist_name", catalog_.artists[t.artist].name_json);
    w.Raw("master_metadata_album_album_name", catalog_.albums[t.album].name_json);
    w.Key("spotify_track_uri");
    w.out() += "\"spotify:track:";
    w.out() += t.id;
    w.out() += '"';
  } else if (play.kind == ContentKind::kLocalTrack) {
    const LocalTrack& t = catalog_.local_tracks[play.item];
    w.Raw("master_metadata_track_name", t.name_json);
    w.Raw("master_metadata_album_artist_name", t.artist_json);
    w.Raw("master_metadata_album_album_name", t.album_json);
    w.Null("spotify_track_uri");
  } else {
    for (const char* key : {"master_metadata_track_name", "master_metadata_album_artist_name",
                            "master_metadata_album_album_name", "spotify_track_uri"}) {
      w.Null(key);
    }
  }
}

void ExtendedRecord::AppendFlags(Writer& w, const Play& play, Vintage vintage,
                                 RecordVariant variant) const {
  const int64_t ts = play.ts();
  w.Raw("reason_start", ReasonJson(play.reason_start));
  w.Raw("reason_end", ReasonJson(play.reason_end));
  w.Bool("shuffle", play.Has(kShuffle));
  // The endsong export left `skipped` null for most rows; later exports say false for every row
  // before 2022-10-16 (formats.md §2.4).
  if (vintage == Vintage::kA && Mix64(play.seq) % 100 < 96)
    w.Null("skipped");
  else
    w.Bool("skipped", ts >= scenario::kSkippedReliableFrom && play.Has(kSkipped));
  const bool sync = variant == RecordVariant::kOfflineSync;
  if (play.Has(kVideo) && Mix64(play.seq ^ 0x0ff) % 10 == 0)
    w.Null("offline");
  else
    w.Bool("offline", play.Has(kOffline) != sync);
  w.Key("offline_timestamp");
  const int64_t start_s = play.start_ms / 1000;
  const bool millis = ts >= scenario::kOfflineMillisFrom && ts < scenario::kOfflineSecondsFrom;
  if (sync) {
    AppendInt(w.out(), start_s + static_cast<int64_t>(Mix64(play.seq) % 5) + 1);
  } else {
    switch (play.offline_stamp) {
      case OfflineStamp::kZero:
        w.out() += '0';
        break;
      case OfflineStamp::kOne:
        w.out() += '1';
        break;
      case OfflineStamp::kNull:
        w.out() += "null";
        break;
      default:
        AppendInt(w.out(), millis ? play.start_ms : start_s);
    }
  }
  w.Bool("incognito_mode", play.Has(kIncognito));
}

}  // namespace uw::generator
