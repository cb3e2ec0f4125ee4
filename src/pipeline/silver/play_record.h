// The normalised play record silver builds from every bronze source (DESIGN §2 silver tables):
// one struct for extended history, account data and recently-played items, before and after
// de-duplication. Never holds IP addresses, user agents or usernames.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "pipeline/silver/interned_text.h"

namespace uw::silver {

enum class Source : uint8_t { kApi, kExtended, kAccount };
// Bits of PlayRecord::sources.
inline constexpr uint8_t kSeenByAccount = 1, kSeenByApi = 2, kSeenByExtended = 4;
uint8_t SourceBit(Source source);
// "api", "extended", "account".
const char* SourceName(Source source);

// music (incl. music videos and local files) goes to listening_events, the rest to podcast_events.
enum class Content : uint8_t { kMusic, kEpisode, kAudiobook, kVideoPodcast };
const char* ContentName(Content content);  // "music", "episode", "audiobook", "video"

// How precise ended_at is: the best holding source decides (api ms > extended s > account min).
enum class Precision : uint8_t { kMillis, kSeconds, kMinute };
// How the play's URI was decided (DESIGN §3 "Names", §8.3): its own, the listener's own history
// (one URI or the most used), an accepted catalogue search (search_resolution.h), or none.
enum class Resolution : uint8_t { kOwn, kUnique, kMostUsed, kUnseen, kSearch };

// An optional millisecond time or duration in 8 bytes instead of std::optional's 16: INT64_MIN
// (which no real time or duration is) means absent. Used like std::optional<int64_t>.
class OptionalMs {
 public:
  constexpr OptionalMs() = default;
  constexpr OptionalMs(std::nullopt_t) {}
  constexpr OptionalMs(int64_t value) : value_(value) {}
  constexpr OptionalMs(const std::optional<int64_t>& value) : value_(value ? *value : kAbsent) {}

  constexpr bool has_value() const { return value_ != kAbsent; }
  constexpr explicit operator bool() const { return has_value(); }
  constexpr int64_t operator*() const { return value_; }
  constexpr int64_t value_or(int64_t fallback) const { return has_value() ? value_ : fallback; }
  operator std::optional<int64_t>() const {
    return has_value() ? std::optional<int64_t>(value_) : std::nullopt;
  }
  constexpr void reset() { value_ = kAbsent; }
  friend constexpr bool operator==(OptionalMs a, OptionalMs b) = default;

 private:
  static constexpr int64_t kAbsent = std::numeric_limits<int64_t>::min();
  int64_t value_ = kAbsent;
};

// shuffle, skipped and offline: unknown, false or true, in 2 bits of PlayRecord each.
enum class Tri : uint8_t { kUnknown, kFalse, kTrue };
Tri TriOf(const std::optional<bool>& value);
std::optional<bool> OptionalOf(Tri value);

// Strings are Text (interned, a 4-byte id each), so a record is trivially copyable: sorting and
// moving plays copies a hundred-odd bytes and allocates nothing.
// Fields are ordered by size (8-byte, then 4-byte, then the small values in bit-fields, packed
// into three bytes) so the record has no padding.
// Values that follow from the other fields (started_at, platform, is_stream, is_skip and the
// event id, event_ids.h) are worked out when the rows are written, not stored: every play is in
// memory at once, and each 8 bytes a play is 40 MB at five million plays.
struct PlayRecord {
  int64_t ended_at_ms = 0;       // UTC; for account rows before the zone decision: naive wall clock
  OptionalMs ms_played;          // unknown for api-only plays until estimated
  OptionalMs offline_at_ms;      // normalised offline_timestamp; junk dropped
  OptionalMs track_duration_ms;  // api only

  // Music identity and attributes; empty = absent.
  Text track_uri, track_name, artist_name, artist_id, album_name, album_id;
  // Podcast / audiobook identity.
  Text episode_uri, episode_name, show_name;
  Text audiobook_uri, audiobook_title, chapter_uri, chapter_title, author_name;
  Text context_type, context_uri;  // api only
  Text platform_raw, conn_country, reason_start, reason_end;
  Text bronze_file;  // the lake key the survivor came from
  uint32_t record_index = 0;
  Text resolved_uri;  // set by name resolution (resolve_plays.h)

  // Bit-fields, each within one byte; their widths are checked against the enums below.
  Content content : 2 = Content::kMusic;
  Source source : 2 = Source::kExtended;  // of the survivor
  uint8_t sources : 3 = 0;
  Precision precision : 2 = Precision::kSeconds;
  Resolution resolution : 3 = Resolution::kOwn;  // set by resolution, as are the flags below
  bool ended_at_ambiguous : 1 = false;
  bool ms_played_estimated : 1 = false;
  bool incognito : 1 = false;
  Tri shuffle : 2 = Tri::kUnknown;
  Tri skipped : 2 = Tri::kUnknown;
  Tri offline : 2 = Tri::kUnknown;

  // The URI identity (track, episode or chapter URI) or "" when the play is known by names only.
  Text Uri() const;
  bool IsMusic() const { return content == Content::kMusic; }
  // DESIGN §3 "Time": ended_at - ms_played, unless offline_at disagrees by more than 10 s.
  int64_t StartedAtMs() const;
  // DESIGN §3 "What counts": played 30 s or more; a skip ended by the listener or under 30 s.
  bool IsStream() const;
  bool IsSkip() const;
  // PlatformFamily of platform_raw ("" when absent). Thread safe.
  Text Platform() const;
};
static_assert(std::is_trivially_copyable_v<PlayRecord>);
// Plays are held by the million: keep an eye on growth (each 8 bytes is ~9 MB at 1M plays).
static_assert(sizeof(PlayRecord) <= 128);
// The bit-fields' widths against the largest enumerators.
static_assert(int(Content::kVideoPodcast) < 4 && int(Source::kAccount) < 4 &&
              int(Precision::kMinute) < 4 && int(Resolution::kSearch) < 8 && int(Tri::kTrue) < 4 &&
              (kSeenByAccount | kSeenByApi | kSeenByExtended) < 8);

// Normalised names identity: case-folded (ASCII), trimmed, whitespace-collapsed "a\x1fb" of
// (artist, track), (show, episode) or (book, chapter); "" when the names are missing.
std::string NameKey(const PlayRecord& play);
std::string NormaliseName(const std::string& name);
// NormaliseName(name) interned, computed once per distinct name in the process.
Text NormalisedName(Text name);

// offline_timestamp as epoch ms: values >= 1e11 are milliseconds, else seconds; anything before
// 2008 (1.2e9 s: 0, 1 and other placeholders) is junk and yields nullopt (formats.md §2.6).
std::optional<int64_t> NormaliseOfflineTimestamp(std::optional<int64_t> raw);

// The platform family of a raw platform string: android, ios, windows, osx, linux, web, cast,
// partner, not_applicable, other.
std::string PlatformFamily(const std::string& raw);

}  // namespace uw::silver
