// The normalised play record silver builds from every bronze source (DESIGN §2 silver tables):
// one struct for extended history, account data and recently-played items, before and after
// de-duplication. Never holds IP addresses, user agents or usernames.
#pragma once

#include <cstdint>
#include <iosfwd>
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
// How the play's URI was decided (DESIGN §8.3).
enum class Resolution : uint8_t { kOwn, kUnique, kMostUsed, kUnseen };

// The 32-hex-digit event id, held inline (one per play, so not worth interning). Reads as a
// std::string_view or std::string like Text.
class EventId {
 public:
  static constexpr size_t kMaxSize = 32;
  EventId& operator=(std::string_view s);  // throws Error(kInternal) beyond kMaxSize

  std::string_view view() const { return {bytes_, size_}; }
  operator std::string_view() const { return view(); }
  operator std::string() const { return std::string(view()); }
  const char* data() const { return bytes_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  friend bool operator==(const EventId& a, const EventId& b) { return a.view() == b.view(); }
  friend bool operator==(const EventId& a, std::string_view b) { return a.view() == b; }

 private:
  char bytes_[kMaxSize] = {};
  uint8_t size_ = 0;
};

std::ostream& operator<<(std::ostream& out, const EventId& id);

// Strings are Text (interned, a 4-byte id each), so a record is trivially copyable: sorting and
// moving plays copies a couple of hundred bytes and allocates nothing.
struct PlayRecord {
  int64_t ended_at_ms = 0;  // UTC; for account rows before the zone decision: naive wall clock
  std::optional<int64_t> ms_played;  // unknown for api-only plays until estimated
  Content content = Content::kMusic;
  Source source = Source::kExtended;  // of the survivor
  uint8_t sources = 0;
  Precision precision = Precision::kSeconds;

  // Music identity and attributes; empty = absent.
  Text track_uri, track_name, artist_name, artist_id, album_name, album_id;
  // Podcast / audiobook identity.
  Text episode_uri, episode_name, show_name;
  Text audiobook_uri, audiobook_title, chapter_uri, chapter_title, author_name;

  Text context_type, context_uri;  // api only
  Text platform_raw, platform, conn_country, reason_start, reason_end;
  std::optional<bool> shuffle, skipped, offline;
  std::optional<int64_t> offline_at_ms;  // normalised offline_timestamp; junk dropped
  bool incognito = false;
  std::optional<int64_t> track_duration_ms;  // api only

  Text bronze_file;  // the lake key the survivor came from
  uint64_t record_index = 0;

  // Derived by resolution (flags.h).
  Text resolved_uri;
  Resolution resolution = Resolution::kOwn;
  bool ended_at_ambiguous = false;
  bool ms_played_estimated = false;
  int64_t started_at_ms = 0;
  bool is_stream = false, is_skip = false;
  EventId event_id;

  // The URI identity (track, episode or chapter URI) or "" when the play is known by names only.
  Text Uri() const;
  bool IsMusic() const { return content == Content::kMusic; }
};
static_assert(std::is_trivially_copyable_v<PlayRecord>);

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

template <>
struct fmt::formatter<uw::silver::EventId> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const uw::silver::EventId& id, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(id.view(), ctx);
  }
};
