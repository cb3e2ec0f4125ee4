// Per-record validation of the three play formats: extended streaming history, account-data
// streaming history and recently-played API responses. Import uses it to count and reject
// records for the receipt; silver uses the same functions to read, so both skip exactly the same
// records (DESIGN §8.8). Pure functions, thread safe.
//
// Rules (formats.md §1.2, §2.2, §3.1): a record must be a JSON object; its required fields must
// be present with their type; every other known field, when present, must have its documented
// type or be null; unknown extra keys are allowed. A failing record yields a reason such as
// "\"ms_played\" is a string (\"123\"), expected an integer" (the caller adds file and index).
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sources/spotify_export/export_kinds.h"

namespace uw::spotify_export {

// Bits of ExtendedRecord::schema_keys: which vintage-defining keys a record carries (§2.3).
inline constexpr uint8_t kHasLegacyKeys = 1;  // username, ip_addr_decrypted, user_agent_decrypted
inline constexpr uint8_t kHasAudiobookKeys =
    2;  // audiobook_title, audiobook_uri, audiobook_chapter_*

// One extended-history play. Strings view into the parsed document (valid while it lives); null
// and absent are both nullopt, "" stays "". PII (username, IP, user agent) is type-checked but
// never exposed (formats.md §7.2).
struct ExtendedRecord {
  int64_t ended_at_ms = 0;  // ts: the end of the play, UTC
  int64_t ms_played = 0;
  ContentType content_type = ContentType::kUnidentifiable;
  uint8_t schema_keys = 0;
  std::optional<std::string_view> platform, conn_country;
  std::optional<std::string_view> track_name, artist_name, album_name, track_uri;
  std::optional<std::string_view> episode_name, show_name, episode_uri;
  std::optional<std::string_view> audiobook_title, audiobook_uri, audiobook_chapter_uri,
      audiobook_chapter_title;
  std::optional<std::string_view> reason_start, reason_end;
  std::optional<bool> shuffle, skipped, offline, incognito_mode;
  std::optional<int64_t> offline_timestamp;  // raw: seconds or milliseconds (formats.md §2.6)
};

// Bits of AccountRecord::name_keys: which name families a record carries (§1.2 eras).
inline constexpr uint8_t kHasMusicNames = 1;      // artistName, trackName
inline constexpr uint8_t kHasPodcastNames = 2;    // podcastName, episodeName
inline constexpr uint8_t kHasAudiobookNames = 4;  // audiobookName, chapterName, authorName

// One account-data play. endTime is minute-precision wall-clock text whose zone is decided later
// (DESIGN §3); `ended_at_naive_s` reads it as if it were UTC.
struct AccountRecord {
  std::string_view end_time;  // as written: "2023-10-02 23:43"
  int64_t ended_at_naive_s = 0;
  int64_t ms_played = 0;
  ContentType content_type = ContentType::kUnidentifiable;
  uint8_t name_keys = 0;
  std::optional<std::string_view> artist_name, track_name;
  std::optional<std::string_view> podcast_name, episode_name;
  std::optional<std::string_view> audiobook_name, chapter_name, author_name;
};

// One item of a recently-played response (§3.1): {"track":{…},"played_at":…,"context":…}.
struct RecentlyPlayedItem {
  int64_t played_at_ms = 0;
  ContentType content_type = ContentType::kUnidentifiable;
  std::optional<std::string_view> track_id, track_uri, track_name, context_uri;
  std::optional<int64_t> duration_ms;
};

// Each returns "" and fills every field of `out` when the element is a valid record, else the
// reason (and `out` holds a mix of old and new values). `out` may be reused across calls.
// `video_file`: the record comes from a Streaming_History_Video file (episodes become video).
std::string ValidateExtendedRecord(simdjson::dom::element element, bool video_file,
                                   ExtendedRecord& out);
std::string ValidateAccountRecord(simdjson::dom::element element, AccountRecord& out);
std::string ValidateRecentlyPlayedItem(simdjson::dom::element element, RecentlyPlayedItem& out);

// Visits every element of `records` in order as visit(index, const Record* record,
// std::string_view reason): exactly one of record (valid) or reason (rejected) is set.
template <typename Record, typename Validate, typename Visitor>
void ForEachRecord(simdjson::dom::array records, Validate&& validate, Visitor&& visit) {
  Record record;
  uint64_t index = 0;
  for (simdjson::dom::element element : records) {
    const std::string reason = validate(element, record);
    visit(index++, reason.empty() ? &record : nullptr, std::string_view(reason));
  }
}

template <typename Visitor>
void ForEachExtendedRecord(simdjson::dom::array records, bool video_file, Visitor&& visit) {
  ForEachRecord<ExtendedRecord>(
      records,
      [video_file](simdjson::dom::element e, ExtendedRecord& r) {
        return ValidateExtendedRecord(e, video_file, r);
      },
      visit);
}

template <typename Visitor>
void ForEachAccountRecord(simdjson::dom::array records, Visitor&& visit) {
  ForEachRecord<AccountRecord>(records, ValidateAccountRecord, visit);
}

template <typename Visitor>
void ForEachRecentlyPlayedItem(simdjson::dom::array items, Visitor&& visit) {
  ForEachRecord<RecentlyPlayedItem>(items, ValidateRecentlyPlayedItem, visit);
}

}  // namespace uw::spotify_export
