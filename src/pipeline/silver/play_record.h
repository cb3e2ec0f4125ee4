// The normalised play record silver builds from every bronze source (DESIGN §2 silver tables):
// one struct for extended history, account data and recently-played items, before and after
// de-duplication. Never holds IP addresses, user agents or usernames.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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

struct PlayRecord {
  int64_t ended_at_ms = 0;  // UTC; for account rows before the zone decision: naive wall clock
  std::optional<int64_t> ms_played;  // unknown for api-only plays until estimated
  Content content = Content::kMusic;
  Source source = Source::kExtended;  // of the survivor
  uint8_t sources = 0;
  Precision precision = Precision::kSeconds;

  // Music identity and attributes; empty = absent.
  std::string track_uri, track_name, artist_name, artist_id, album_name, album_id;
  // Podcast / audiobook identity.
  std::string episode_uri, episode_name, show_name;
  std::string audiobook_uri, audiobook_title, chapter_uri, chapter_title, author_name;

  std::string context_type, context_uri;  // api only
  std::string platform_raw, platform, conn_country, reason_start, reason_end;
  std::optional<bool> shuffle, skipped, offline;
  std::optional<int64_t> offline_at_ms;  // normalised offline_timestamp; junk dropped
  bool incognito = false;
  std::optional<int64_t> track_duration_ms;  // api only

  std::string bronze_file;  // the lake key the survivor came from
  uint64_t record_index = 0;

  // Derived by resolution (flags.h).
  std::string resolved_uri;
  Resolution resolution = Resolution::kOwn;
  bool ended_at_ambiguous = false;
  bool ms_played_estimated = false;
  int64_t started_at_ms = 0;
  bool is_stream = false, is_skip = false;
  std::string event_id;

  // The URI identity (track, episode or chapter URI) or "" when the play is known by names only.
  const std::string& Uri() const;
  bool IsMusic() const { return content == Content::kMusic; }
};

// Normalised names identity: case-folded (ASCII), trimmed, whitespace-collapsed "a\x1fb" of
// (artist, track), (show, episode) or (book, chapter); "" when the names are missing.
std::string NameKey(const PlayRecord& play);
std::string NormaliseName(const std::string& name);

// offline_timestamp as epoch ms: values >= 1e11 are milliseconds, else seconds; anything before
// 2008 (1.2e9 s: 0, 1 and other placeholders) is junk and yields nullopt (formats.md §2.6).
std::optional<int64_t> NormaliseOfflineTimestamp(std::optional<int64_t> raw);

// The platform family of a raw platform string: android, ios, windows, osx, linux, web, cast,
// partner, not_applicable, other.
std::string PlatformFamily(const std::string& raw);

}  // namespace uw::silver
