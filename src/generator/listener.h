// The listener model: how one listening session unfolds. A session has a device, a place, a mode
// (shuffle, an album, an artist, a playlist, one song on repeat, podcasts, an audiobook) and a
// sequence of plays whose lengths, reasons and quirks follow formats.md §2: skips, 0 ms track
// errors, plays longer than the track, pauses, unexpected exits whose ts is the next app start,
// offline_timestamp in the units of the era, "" and null reasons in early years, two plays ending
// in the same second. Not thread safe; one Listener per timeline.
#pragma once

#include <cstdint>
#include <vector>

#include "generator/catalog.h"
#include "generator/play.h"
#include "generator/rng.h"

namespace uw::generator {

// What the listener's day looks like, decided by the timeline.
struct DayContext {
  int64_t day_s = 0;     // UTC midnight of the day
  int utc_offset_s = 0;  // the home zone's offset that day
  uint8_t country = 0;   // index into Countries(); 0 = home
  uint64_t home_ip = 0;
  bool weekend = false;
};

class Listener {
 public:
  Listener(const Catalog& catalog, Rng rng) : catalog_(catalog), rng_(rng) {}

  // Plays one session starting on `day` with at most `budget` plays (>= 1); appends its plays
  // and its Session to `timeline` and returns how many plays it used.
  int PlaySession(const DayContext& day, int budget, Timeline& timeline);
  // The same with a given start and mode (the timeline places some sessions on purpose).
  int PlaySessionAt(const DayContext& day, int64_t start_ms, SessionMode mode, int budget,
                    Timeline& timeline);

 private:
  struct Cursor;  // the running state of one session (defined in listener.cpp)
  Session StartSession(const DayContext& day, int64_t start_ms, SessionMode mode);
  SessionMode PickMode(int64_t t_s);
  int SessionLength(SessionMode mode, int budget);
  // The tracks of a session so far, and how to draw more.
  struct TrackDraw {
    Listener& self;
    const std::vector<double>& taste;
    int64_t t_s;
    std::vector<uint32_t> out;
    uint32_t ByTaste();
    // Appends a drawn track; only "repeat" sessions play a track twice in a row, so a repeat is
    // drawn again (twice) and then replaced by a pick by taste.
    template <typename Draw>
    void Add(const Draw& draw) {
      uint32_t t = draw();
      for (int retry = 0; retry < 3 && !out.empty() && t == out.back(); ++retry)
        t = retry < 2 ? draw() : ByTaste();
      out.push_back(t);
    }
  };
  struct Outcome {
    int32_t ms;
    Reason end;
    bool skipped;
  };
  std::vector<uint32_t> ChooseTracks(Session& session, int count, int64_t t_s);
  void PlaylistTracks(Session& session, int count, TrackDraw& draw);
  void RepeatTracks(Session& session, uint32_t artist, int count, TrackDraw& draw);
  Outcome MusicOutcome(int32_t duration_ms, bool shuffle, bool last);
  void PlayLocal(Cursor& cursor, bool last);
  uint32_t PickReleasedAlbum(uint32_t artist, int64_t t_s);
  std::vector<uint32_t> AlbumTracks(uint32_t artist, uint32_t album) const;
  void PlayMusic(Cursor& cursor, uint32_t track, bool last);
  void PlayEpisode(Cursor& cursor, bool last);
  void PlayChapter(Cursor& cursor, bool last);
  void PlayOddity(Cursor& cursor, ContentKind kind);
  void AddSameSecondPlay(Cursor& cursor, const Play& original, bool same_track);
  Play& Emit(Cursor& cursor, ContentKind kind, uint32_t item, int32_t ms_played, Reason end);
  Reason SessionEndReason();
  void ApplyLegacyReasons(Play& play);
  void StampOffline(Play& play);

  const Catalog& catalog_;
  Rng rng_;
  uint32_t book_ = 0;     // the audiobook being listened to ...
  uint32_t chapter_ = 1;  // ... and the next chapter
};

}  // namespace uw::generator
