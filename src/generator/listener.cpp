#include "generator/listener.h"

#include <algorithm>

#include "generator/platform.h"
#include "generator/scenario.h"

namespace uw::generator {
namespace {

constexpr int64_t kMinute = 60000;
constexpr int64_t kHour = 60 * kMinute;

// Local-hour weights for when sessions start (weekdays have a commute, weekends sleep in).
constexpr double kWeekdayHours[24] = {0.3, 0.15, 0.08, 0.05, 0.05, 0.12, 0.6, 1.7,
                                      2.2, 1.4,  1.0,  1.1,  1.6,  1.4,  1.1, 1.1,
                                      1.4, 2.0,  2.2,  1.9,  1.8,  1.7,  1.3, 0.7};
constexpr double kWeekendHours[24] = {0.9, 0.6, 0.4, 0.2, 0.08, 0.05, 0.08, 0.2,
                                      0.5, 1.0, 1.5, 1.7, 1.7,  1.6,  1.6,  1.6,
                                      1.6, 1.7, 1.7, 1.6, 1.7,  1.8,  1.6,  1.3};

const std::vector<double>& HourCumulative(bool weekend) {
  static const std::vector<double> weekday =
      Cumulative({std::begin(kWeekdayHours), std::end(kWeekdayHours)});
  static const std::vector<double> weekend_c =
      Cumulative({std::begin(kWeekendHours), std::end(kWeekendHours)});
  return weekend ? weekend_c : weekday;
}

bool IsExit(Reason r) {
  return r == Reason::kUnexpectedExit || r == Reason::kUnexpectedExitWhilePaused;
}

// What the next play's reason_start is after this reason_end (formats.md §2.4 shows the chain).
Reason NextStart(Reason end) {
  switch (end) {
    case Reason::kTrackdone:
    case Reason::kFwdbtn:
    case Reason::kBackbtn:
    case Reason::kTrackerror:
      return end;
    default:
      return Reason::kClickrow;
  }
}

double ShuffleChance(SessionMode mode) {
  switch (mode) {
    case SessionMode::kShuffle:
      return 0.85;
    case SessionMode::kPlaylist:
      return 0.6;
    case SessionMode::kArtist:
      return 0.5;
    case SessionMode::kAlbum:
      return 0.05;
    default:
      return 0.0;
  }
}

}  // namespace

struct Listener::Cursor {
  Timeline& timeline;
  uint32_t session = 0;
  int64_t t_ms = 0;  // when the next play starts
  Reason next_start = Reason::kClickrow;
  DeviceKind device = DeviceKind::kPhone;
  uint8_t base_flags = 0;
  int used = 0;
  int count = 0;
};

int Listener::PlaySession(const DayContext& day, int budget, Timeline& timeline) {
  const auto& hours = HourCumulative(day.weekend);
  const int64_t local_start = day.day_s * 1000 +
                              static_cast<int64_t>(rng_.PickCumulative(hours)) * kHour +
                              static_cast<int64_t>(rng_.Below(kHour));
  const int64_t start_ms = local_start - int64_t{day.utc_offset_s} * 1000;
  return PlaySessionAt(day, start_ms, PickMode(start_ms / 1000), budget, timeline);
}

int Listener::PlaySessionAt(const DayContext& day, int64_t start_ms, SessionMode mode, int budget,
                            Timeline& timeline) {
  Session session = StartSession(day, start_ms, mode);
  Cursor cursor{timeline};
  cursor.session = static_cast<uint32_t>(timeline.sessions.size());
  cursor.t_ms = session.start_ms;
  cursor.device = Platforms()[session.platform].kind;
  cursor.next_start = rng_.Pick(
      {Reason::kAppload, Reason::kClickrow, Reason::kClickrow, Reason::kPlaybtn, Reason::kRemote});
  if (rng_.Chance(cursor.device == DeviceKind::kPhone ? 0.12 : 0.01)) {
    cursor.base_flags |= kOffline;
    session.sync_delay_ms = rng_.Between(30 * kMinute, 20 * kHour);
  }
  if (rng_.Chance(0.012)) cursor.base_flags |= kIncognito;
  if (rng_.Chance(ShuffleChance(session.mode))) cursor.base_flags |= kShuffle;
  const int count = SessionLength(session.mode, budget);
  cursor.count = count;
  const bool music = session.mode != SessionMode::kPodcast && session.mode != SessionMode::kBook;
  const std::vector<uint32_t> tracks =
      music ? ChooseTracks(session, count, session.start_ms / 1000) : std::vector<uint32_t>{};
  timeline.sessions.push_back(session);
  for (size_t k = 0; cursor.used < count; ++k) {
    const bool last = cursor.used == count - 1;
    if (session.mode == SessionMode::kPodcast) {
      PlayEpisode(cursor, last);
    } else if (session.mode == SessionMode::kBook) {
      PlayChapter(cursor, last);
    } else {
      PlayMusic(cursor, tracks[std::min(k, tracks.size() - 1)], last);
    }
  }
  return cursor.used;
}

int Listener::SessionLength(SessionMode mode, int budget) {
  switch (mode) {
    case SessionMode::kPodcast:
      return std::min<int>(budget, static_cast<int>(rng_.Between(1, 3)));
    case SessionMode::kBook:
      return std::min<int>(budget, static_cast<int>(rng_.Between(1, 4)));
    default:
      return std::min<int>(budget, 1 + static_cast<int>(rng_.Exponential(11.0)));
  }
}

Session Listener::StartSession(const DayContext& day, int64_t start_ms, SessionMode mode) {
  Session s;
  s.start_ms = start_ms;
  s.platform = PickPlatform(rng_, start_ms / 1000);
  s.country = day.country;
  const DeviceKind device = Platforms()[s.platform].kind;
  if (day.country != 0) {
    s.ip = TravelIp(rng_);
  } else {
    s.ip = device == DeviceKind::kPhone && rng_.Chance(0.6) ? MobileIp(rng_) : day.home_ip;
  }
  s.mode = mode;
  return s;
}

SessionMode Listener::PickMode(int64_t t_s) {
  const double frac =
      static_cast<double>(t_s - scenario::kStart) / (scenario::kEnd - scenario::kStart);
  const double podcast = 0.02 + 0.10 * frac;  // podcasts grow on the listener over the decade
  const double book = t_s >= scenario::kAudiobooksFrom ? 0.02 : 0.0;
  const double x = rng_.Uniform();
  if (x < podcast) return SessionMode::kPodcast;
  if (x < podcast + book) return SessionMode::kBook;
  if (x < podcast + book + 0.15) return SessionMode::kAlbum;
  if (x < podcast + book + 0.27) return SessionMode::kArtist;
  if (x < podcast + book + 0.295) return SessionMode::kRepeat;
  if (x < podcast + book + 0.45) return SessionMode::kPlaylist;
  return SessionMode::kShuffle;
}

Play& Listener::Emit(Cursor& cursor, ContentKind kind, uint32_t item, int32_t ms_played,
                     Reason end) {
  Play p;
  p.start_ms = cursor.t_ms;
  p.ms_played = ms_played;
  int64_t wall_ms = ms_played;
  if (IsExit(end)) {
    // After an unexpected exit Spotify logs the play when the app next starts (formats.md §2.6).
    wall_ms += rng_.Between(5 * kMinute, 10 * kHour);
  } else if (rng_.Chance(IsPodcast(kind) ? 0.15 : 0.04)) {
    wall_ms += rng_.Between(10000, 15 * kMinute);  // paused for a while
  }
  p.end_ms = p.start_ms + wall_ms;
  p.item = item;
  p.kind = kind;
  p.session = cursor.session;
  p.seq = static_cast<uint32_t>(cursor.timeline.plays.size());
  p.reason_start = cursor.next_start;
  p.reason_end = end;
  p.flags = cursor.base_flags;
  if (rng_.Chance(0.03)) p.flags |= kDetailedInC;
  if (rng_.Chance(0.2)) p.flags |= kUserAgentNull;
  ApplyLegacyReasons(p);
  StampOffline(p);
  cursor.next_start = NextStart(end);
  cursor.t_ms = p.end_ms + rng_.Between(0, 2500);
  ++cursor.used;
  cursor.timeline.plays.push_back(p);
  return cursor.timeline.plays.back();
}

Listener::Outcome Listener::MusicOutcome(int32_t dur, bool shuffle, bool last) {
  const double p_skip = shuffle ? 0.28 : 0.14;  // people skip more on shuffle
  const double z = rng_.Uniform();
  if (z < 0.004) return {0, Reason::kTrackerror, false};
  if (z < 0.004 + p_skip) {
    return {std::min<int32_t>(dur, 300 + static_cast<int32_t>(rng_.Exponential(12000))),
            Reason::kFwdbtn, true};
  }
  if (z < 0.03 + p_skip)
    return {std::min<int32_t>(dur, static_cast<int32_t>(rng_.Between(500, 20000))),
            Reason::kBackbtn, true};
  if (last)
    return {rng_.Chance(0.6) ? static_cast<int32_t>(rng_.Between(1000, dur)) : dur,
            SessionEndReason(), false};
  if (z < 0.036 + p_skip)
    return {static_cast<int32_t>(rng_.Between(1000, dur)), Reason::kUnknown, false};
  int32_t ms = dur - (rng_.Chance(0.3) ? static_cast<int32_t>(rng_.Between(0, 400)) : 0);
  if (rng_.Chance(0.004))
    ms = dur + static_cast<int32_t>(rng_.Between(1000, 60000));  // seeked back
  return {ms, Reason::kTrackdone, false};
}

void Listener::PlayMusic(Cursor& cursor, uint32_t track, bool last) {
  const int64_t t_s = cursor.t_ms / 1000;
  const double odd = rng_.Uniform();
  if (odd < 0.002) return PlayOddity(cursor, ContentKind::kNoIdentity);
  if (odd < 0.0026) return PlayOddity(cursor, ContentKind::kUnavailable);
  if (odd < 0.0066 && cursor.device == DeviceKind::kDesktop) return PlayLocal(cursor, last);
  const Track& tr = catalog_.tracks[track];
  const Outcome o = MusicOutcome(tr.duration_ms, (cursor.base_flags & kShuffle) != 0, last);
  Play& p = Emit(cursor, ContentKind::kTrack, track, o.ms, o.end);
  if (o.skipped) p.flags |= kSkipped;
  if (tr.has_video && t_s >= scenario::kMusicVideosFrom && cursor.device != DeviceKind::kCast &&
      rng_.Chance(0.15)) {
    p.flags |= kVideo;
  }
  const Play copy = p;
  if (cursor.used < cursor.count && t_s < scenario::kGuardFrom && !IsExit(o.end)) {
    const double x = rng_.Uniform();
    if (x < 0.004)
      AddSameSecondPlay(cursor, copy, true);
    else if (x < 0.006)
      AddSameSecondPlay(cursor, copy, false);
  }
}

void Listener::PlayLocal(Cursor& cursor, bool last) {
  const auto local = static_cast<uint32_t>(rng_.Below(catalog_.local_tracks.size()));
  const int32_t dur = catalog_.local_tracks[local].duration_ms;
  Emit(cursor, ContentKind::kLocalTrack, local,
       rng_.Chance(0.8) ? dur : static_cast<int32_t>(rng_.Between(1000, dur)),
       last ? SessionEndReason() : Reason::kTrackdone);
}

// Two distinct plays that end in the same second: a 0 ms error or a short play of the same track
// on a second device, or another track synced from an offline device (formats.md §2.6).
void Listener::AddSameSecondPlay(Cursor& cursor, const Play& original, bool same_track) {
  Play p = original;
  p.seq = static_cast<uint32_t>(cursor.timeline.plays.size());
  p.flags = static_cast<uint8_t>(cursor.base_flags & ~kVideo);
  p.reason_start = Reason::kRemote;
  if (same_track) {
    p.ms_played = rng_.Chance(0.5) ? 0 : static_cast<int32_t>(rng_.Between(300, 9000));
    if (p.ms_played == original.ms_played) p.ms_played += 1;
    p.reason_end = p.ms_played == 0 ? Reason::kTrackerror : Reason::kRemote;
  } else {
    const int64_t t_s = original.end_ms / 1000;
    const auto artist = static_cast<uint32_t>(rng_.PickCumulative(catalog_.ArtistCumulative(t_s)));
    p.item = catalog_.PickTrack(rng_, artist, t_s);
    if (p.item == original.item) return;
    p.ms_played = catalog_.tracks[p.item].duration_ms;
    p.reason_end = Reason::kTrackdone;
  }
  p.start_ms = p.end_ms - p.ms_played;
  StampOffline(p);
  ++cursor.used;
  cursor.timeline.plays.push_back(p);
}

void Listener::PlayOddity(Cursor& cursor, ContentKind kind) {
  const int32_t ms = static_cast<int32_t>(
      kind == ContentKind::kNoIdentity ? rng_.Between(0, 3000) : rng_.Between(0, 30000));
  static const Reason kEnds[] = {Reason::kTrackerror, Reason::kUnknown, Reason::kEndplay};
  Emit(cursor, kind, 0, ms, rng_.Pick(kEnds));
}

void Listener::PlayEpisode(Cursor& cursor, bool last) {
  const int64_t t_s = cursor.t_ms / 1000;
  uint32_t show = 0, latest = 0;
  for (int attempt = 0; attempt < 8 && latest == 0; ++attempt) {
    show = static_cast<uint32_t>(rng_.PickCumulative(catalog_.show_cumulative));
    latest = catalog_.LatestEpisode(show, t_s);
  }
  if (latest == 0) return PlayOddity(cursor, ContentKind::kNoIdentity);
  uint32_t number = latest;
  if (rng_.Chance(0.3)) number = std::max<int64_t>(1, int64_t{latest} - rng_.Between(1, 25));
  const uint32_t item = Catalog::PackItem(show, number);
  const int32_t dur = catalog_.EpisodeDurationMs(item);
  const bool done = rng_.Chance(0.55);
  const Reason end =
      done ? Reason::kTrackdone
           : (last ? SessionEndReason() : (rng_.Chance(0.6) ? Reason::kEndplay : Reason::kFwdbtn));
  Play& p = Emit(cursor, ContentKind::kEpisode, item,
                 done ? dur : static_cast<int32_t>(rng_.Between(5000, dur)), end);
  if (catalog_.shows[show].video && t_s >= scenario::kVideoPodcastsFrom && rng_.Chance(0.5))
    p.flags |= kVideo;
}

void Listener::PlayChapter(Cursor& cursor, bool last) {
  const uint32_t item = Catalog::PackItem(book_, chapter_);
  const int32_t dur = catalog_.ChapterDurationMs(item);
  const bool done = rng_.Chance(0.6);
  Emit(cursor, ContentKind::kChapter, item,
       done ? dur : static_cast<int32_t>(rng_.Between(60000, dur)),
       done ? Reason::kTrackdone : (last ? SessionEndReason() : Reason::kEndplay));
  if (!done) return;
  if (++chapter_ > static_cast<uint32_t>(catalog_.audiobooks[book_].chapters)) {
    book_ = (book_ + 1) % catalog_.audiobooks.size();
    chapter_ = 1;
  }
}

Reason Listener::SessionEndReason() {
  const double x = rng_.Uniform();
  if (x < 0.45) return Reason::kEndplay;
  if (x < 0.57) return Reason::kLogout;
  if (x < 0.62) return Reason::kUnexpectedExit;
  if (x < 0.65) return Reason::kUnexpectedExitWhilePaused;
  if (x < 0.73) return Reason::kRemote;
  return Reason::kTrackdone;
}

// Before 2017 reasons were often "" or null and had values that are gone now (formats.md §2.4).
void Listener::ApplyLegacyReasons(Play& p) {
  if (p.start_ms / 1000 >= scenario::kLegacyReasonsUntil) return;
  const double x = rng_.Uniform();
  if (x < 0.12)
    p.reason_start = Reason::kEmpty;
  else if (x < 0.17)
    p.reason_start = rng_.Pick({Reason::kClickside, Reason::kPopup, Reason::kUriopen});
  const double y = rng_.Uniform();
  if (y < 0.18)
    p.reason_end = Reason::kNull;
  else if (y < 0.20)
    p.reason_end = Reason::kEmpty;
}

// offline_timestamp is the wall-clock start, but 0, 1 and null occur (formats.md §2.6).
void Listener::StampOffline(Play& p) {
  const bool old = p.start_ms / 1000 < scenario::kOfflineSecondsFrom;
  const double x = rng_.Uniform();
  if (x < (old ? 0.06 : 0.02))
    p.offline_stamp = OfflineStamp::kZero;
  else if (x < (old ? 0.08 : 0.025))
    p.offline_stamp = OfflineStamp::kOne;
  else if (x < (old ? 0.11 : 0.075))
    p.offline_stamp = OfflineStamp::kNull;
  else
    p.offline_stamp = OfflineStamp::kStart;
}

}  // namespace uw::generator
