// One real play and the listening session it belongs to: the generator's ground truth before any
// source renders it. Plays are compact (40 bytes) because a 1M-event export holds a million of
// them; names and strings live in the Catalog and are looked up when a file is written.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/civil_time.h"

namespace uw::generator {

enum class ContentKind : uint8_t {
  kTrack,        // a catalogue track (item = track index)
  kLocalTrack,   // a local file: names, no URI (item = local track index)
  kEpisode,      // a podcast episode (item = Catalog::PackItem(show, number))
  kChapter,      // an audiobook chapter (item = Catalog::PackItem(book, chapter))
  kNoIdentity,   // an extended row with no track, episode or audiobook at all (DESIGN §8.5)
  kUnavailable,  // unavailable content: all-null in extended, "Unknown Artist" in account data
};

inline bool IsMusic(ContentKind k) {
  return k == ContentKind::kTrack || k == ContentKind::kLocalTrack ||
         k == ContentKind::kUnavailable;
}
inline bool IsPodcast(ContentKind k) {
  return k == ContentKind::kEpisode || k == ContentKind::kChapter;
}

// reason_start / reason_end values, including the legacy empty string and JSON null.
enum class Reason : uint8_t {
  kNull,
  kEmpty,
  kTrackdone,
  kClickrow,
  kFwdbtn,
  kBackbtn,
  kPlaybtn,
  kAppload,
  kRemote,
  kTrackerror,
  kUnknown,
  kEndplay,
  kLogout,
  kUnexpectedExit,
  kUnexpectedExitWhilePaused,
  kClickside,
  kPopup,
  kUriopen,
};
// The value as JSON: null or a quoted string.
std::string_view ReasonJson(Reason r);

enum class OfflineStamp : uint8_t { kStart, kZero, kOne, kNull };

enum PlayFlag : uint8_t {
  kShuffle = 1,
  kSkipped = 2,    // the listener skipped it (rendered per vintage, formats.md §2.4)
  kVideo = 4,      // played as a video: goes to Streaming_History_Video_*
  kIncognito = 8,  // private session: never in account data or the API
  kOffline = 16,
  kDetailedInC = 32,  // vintage C still shows the detailed platform string for this row
  kUserAgentNull = 64,
};

struct Play {
  int64_t end_ms = 0;    // when it stopped (extended ts = floor(end_ms / 1000))
  int64_t start_ms = 0;  // wall-clock start (what offline_timestamp records)
  int32_t ms_played = 0;
  uint32_t item = 0;
  uint32_t session = 0;
  uint32_t seq = 0;  // generation order: the stable tie-break
  ContentKind kind = ContentKind::kTrack;
  Reason reason_start = Reason::kClickrow;
  Reason reason_end = Reason::kTrackdone;
  uint8_t flags = 0;
  OfflineStamp offline_stamp = OfflineStamp::kStart;

  int64_t ts() const { return core::FloorDiv(end_ms, 1000); }
  bool Has(PlayFlag f) const { return (flags & f) != 0; }
};

enum class SessionMode : uint8_t { kShuffle, kAlbum, kArtist, kPlaylist, kRepeat, kPodcast, kBook };
enum class ContextKind : uint8_t { kNone, kAlbum, kArtist, kPlaylist, kCollection };

struct Session {
  int64_t start_ms = 0;
  int64_t sync_delay_ms = 0;  // offline sessions reach the API only when the device syncs
  uint64_t ip = 0;            // see platform.h FormatIp
  uint32_t context_id = 0;    // album, artist or playlist index
  uint16_t platform = 0;      // index into Platforms()
  uint8_t country = 0;        // index into Countries()
  SessionMode mode = SessionMode::kShuffle;
  ContextKind context = ContextKind::kNone;
};

// Everything the listener did, sorted by (end_ms, seq).
struct Timeline {
  std::vector<Play> plays;
  std::vector<Session> sessions;
  int64_t events = 0;  // plays in sessions that started before the extended export's end
};

}  // namespace uw::generator
