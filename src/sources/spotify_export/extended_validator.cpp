// Validation of one extended-streaming-history record (formats.md §2.2–2.3).
#include <fmt/format.h>

#include "core/civil_time.h"
#include "sources/spotify_export/json_fields.h"
#include "sources/spotify_export/record_validator.h"

namespace uw::spotify_export {
namespace {

// Known keys in the order Spotify writes them (the union of vintages A, B and C).
enum Field {
  kTs,
  kUsername,
  kPlatform,
  kMsPlayed,
  kConnCountry,
  kIpAddrDecrypted,
  kIpAddr,
  kUserAgentDecrypted,
  kTrackName,
  kArtistName,
  kAlbumName,
  kTrackUri,
  kEpisodeName,
  kEpisodeShowName,
  kEpisodeUri,
  kAudiobookTitle,
  kAudiobookUri,
  kAudiobookChapterUri,
  kAudiobookChapterTitle,
  kReasonStart,
  kReasonEnd,
  kShuffle,
  kSkipped,
  kOffline,
  kOfflineTimestamp,
  kIncognitoMode,
  kFieldCount
};

constexpr KeyTable<kFieldCount> kKeys({"ts",
                                       "username",
                                       "platform",
                                       "ms_played",
                                       "conn_country",
                                       "ip_addr_decrypted",
                                       "ip_addr",
                                       "user_agent_decrypted",
                                       "master_metadata_track_name",
                                       "master_metadata_album_artist_name",
                                       "master_metadata_album_album_name",
                                       "spotify_track_uri",
                                       "episode_name",
                                       "episode_show_name",
                                       "spotify_episode_uri",
                                       "audiobook_title",
                                       "audiobook_uri",
                                       "audiobook_chapter_uri",
                                       "audiobook_chapter_title",
                                       "reason_start",
                                       "reason_end",
                                       "shuffle",
                                       "skipped",
                                       "offline",
                                       "offline_timestamp",
                                       "incognito_mode"});

// Where a string field is stored; nullptr for PII, which is checked and dropped.
std::optional<std::string_view>* StringSlot(Field field, ExtendedRecord& r) {
  switch (field) {
    case kPlatform:
      return &r.platform;
    case kConnCountry:
      return &r.conn_country;
    case kTrackName:
      return &r.track_name;
    case kArtistName:
      return &r.artist_name;
    case kAlbumName:
      return &r.album_name;
    case kTrackUri:
      return &r.track_uri;
    case kEpisodeName:
      return &r.episode_name;
    case kEpisodeShowName:
      return &r.show_name;
    case kEpisodeUri:
      return &r.episode_uri;
    case kAudiobookTitle:
      return &r.audiobook_title;
    case kAudiobookUri:
      return &r.audiobook_uri;
    case kAudiobookChapterUri:
      return &r.audiobook_chapter_uri;
    case kAudiobookChapterTitle:
      return &r.audiobook_chapter_title;
    case kReasonStart:
      return &r.reason_start;
    case kReasonEnd:
      return &r.reason_end;
    default:
      return nullptr;
  }
}

std::optional<bool>* BoolSlot(Field field, ExtendedRecord& r) {
  switch (field) {
    case kShuffle:
      return &r.shuffle;
    case kSkipped:
      return &r.skipped;
    case kOffline:
      return &r.offline;
    case kIncognitoMode:
      return &r.incognito_mode;
    default:
      return nullptr;
  }
}

uint8_t SchemaBit(Field field) {
  switch (field) {
    case kUsername:
    case kIpAddrDecrypted:
    case kUserAgentDecrypted:
      return kHasLegacyKeys;
    case kAudiobookTitle:
    case kAudiobookUri:
    case kAudiobookChapterUri:
    case kAudiobookChapterTitle:
      return kHasAudiobookKeys;
    default:
      return 0;
  }
}

// Checks one known, non-required field and stores it.
std::string CheckOptionalField(Field field, simdjson::dom::element value, ExtendedRecord& r) {
  const std::string_view key = kKeys.Name(field);
  if (field == kOfflineTimestamp) return CheckInteger(key, value, r.offline_timestamp);
  if (auto* slot = BoolSlot(field, r)) return CheckBool(key, value, *slot);
  if (auto* slot = StringSlot(field, r)) return CheckString(key, value, *slot);
  std::optional<std::string_view> dropped;  // PII: validated, never kept
  return CheckString(key, value, dropped);
}

std::string CheckTs(simdjson::dom::element value, ExtendedRecord& r) {
  std::string_view ts;
  if (value.get(ts)) return WrongType("ts", value, "a string");
  const auto ms = core::ParseIsoUtcMillis(ts);
  if (!ms) {
    return fmt::format("\"ts\" is {}, expected a UTC time like 2021-11-15T13:41:44Z",
                       ValueExcerpt(value));
  }
  r.ended_at_ms = *ms;
  return {};
}

std::string CheckMsPlayed(simdjson::dom::element value, ExtendedRecord& r) {
  if (value.is_null()) return "\"ms_played\" is null, expected an integer";
  std::optional<int64_t> ms;
  if (std::string reason = CheckInteger("ms_played", value, ms); !reason.empty()) return reason;
  if (*ms < 0) return fmt::format("\"ms_played\" is negative ({})", *ms);
  r.ms_played = *ms;
  return {};
}

// Content type by identity (decisions in DESIGN §8.5 and §8.7): URIs first, then names.
ContentType Classify(const ExtendedRecord& r, bool video_file) {
  const ContentType episode = video_file ? ContentType::kVideo : ContentType::kPodcast;
  if (Has(r.track_uri)) return ContentType::kMusic;
  if (Has(r.episode_uri)) return episode;
  if (Has(r.audiobook_uri) || Has(r.audiobook_chapter_uri) || Has(r.audiobook_title)) {
    return ContentType::kAudiobook;
  }
  if (Has(r.track_name) && Has(r.artist_name)) return ContentType::kMusic;  // a local file
  if (Has(r.episode_name)) return episode;
  return ContentType::kUnidentifiable;
}

}  // namespace

std::string ValidateExtendedRecord(simdjson::dom::element element, bool video_file,
                                   ExtendedRecord& out) {
  out = ExtendedRecord{};
  simdjson::dom::object object;
  if (element.get(object)) {
    return fmt::format("is {}, expected an object", JsonTypeName(element.type()));
  }
  bool has_ts = false, has_ms_played = false;
  size_t cursor = 0;
  for (const auto field : object) {
    const int index = kKeys.Find(field.key, cursor);
    if (index < 0) continue;  // unknown keys are allowed
    std::string reason;
    if (index == kTs) {
      has_ts = true;
      reason = CheckTs(field.value, out);
    } else if (index == kMsPlayed) {
      has_ms_played = true;
      reason = CheckMsPlayed(field.value, out);
    } else {
      out.schema_keys |= SchemaBit(static_cast<Field>(index));
      reason = CheckOptionalField(static_cast<Field>(index), field.value, out);
    }
    if (!reason.empty()) return reason;
  }
  if (!has_ts) return "\"ts\" is missing";
  if (!has_ms_played) return "\"ms_played\" is missing";
  out.content_type = Classify(out, video_file);
  return {};
}

}  // namespace uw::spotify_export
