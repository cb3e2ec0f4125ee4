// Validation of one account-data streaming-history record (formats.md §1.2): every era's keys.
#include <fmt/format.h>

#include "core/civil_time.h"
#include "sources/spotify_export/json_fields.h"
#include "sources/spotify_export/record_validator.h"

namespace uw::spotify_export {
namespace {

enum Field {
  kEndTime,
  kArtistName,
  kTrackName,
  kPodcastName,
  kEpisodeName,
  kAudiobookName,
  kChapterName,
  kAuthorName,
  kMsPlayed,
  kFieldCount
};

constexpr KeyTable<kFieldCount> kKeys({"endTime", "artistName", "trackName", "podcastName",
                                       "episodeName", "audiobookName", "chapterName", "authorName",
                                       "msPlayed"});

std::optional<std::string_view>* NameSlot(Field field, AccountRecord& r) {
  switch (field) {
    case kArtistName:
      return &r.artist_name;
    case kTrackName:
      return &r.track_name;
    case kPodcastName:
      return &r.podcast_name;
    case kEpisodeName:
      return &r.episode_name;
    case kAudiobookName:
      return &r.audiobook_name;
    case kChapterName:
      return &r.chapter_name;
    case kAuthorName:
      return &r.author_name;
    default:
      return nullptr;
  }
}

uint8_t NameBit(Field field) {
  switch (field) {
    case kArtistName:
    case kTrackName:
      return kHasMusicNames;
    case kPodcastName:
    case kEpisodeName:
      return kHasPodcastNames;
    default:
      return kHasAudiobookNames;
  }
}

std::string CheckEndTime(simdjson::dom::element value, AccountRecord& r) {
  std::string_view text;
  if (value.get(text)) return WrongType("endTime", value, "a string");
  const auto seconds = core::ParseAccountEndTime(text);
  if (!seconds) {
    return fmt::format("\"endTime\" is {}, expected a time like 2023-10-02 23:43",
                       ValueExcerpt(value));
  }
  r.end_time = text;
  r.ended_at_naive_s = *seconds;
  return {};
}

std::string CheckMsPlayed(simdjson::dom::element value, AccountRecord& r) {
  if (value.is_null()) return "\"msPlayed\" is null, expected an integer";
  std::optional<int64_t> ms;
  if (std::string reason = CheckInteger("msPlayed", value, ms); !reason.empty()) return reason;
  if (*ms < 0) return fmt::format("\"msPlayed\" is negative ({})", *ms);
  r.ms_played = *ms;
  return {};
}

// Rows lacking names are unidentifiable, not errors (formats.md §1.2, your_spotify #540).
ContentType Classify(const AccountRecord& r) {
  if (Has(r.artist_name) && Has(r.track_name)) return ContentType::kMusic;
  if (Has(r.episode_name) || Has(r.podcast_name)) return ContentType::kPodcast;
  if (Has(r.chapter_name) || Has(r.audiobook_name)) return ContentType::kAudiobook;
  return ContentType::kUnidentifiable;
}

}  // namespace

std::string ValidateAccountRecord(simdjson::dom::element element, AccountRecord& out) {
  out = AccountRecord{};
  simdjson::dom::object object;
  if (element.get(object)) {
    return fmt::format("is {}, expected an object", JsonTypeName(element.type()));
  }
  bool has_end_time = false, has_ms_played = false;
  size_t cursor = 0;
  for (const auto field : object) {
    const int index = kKeys.Find(field.key, cursor);
    if (index < 0) continue;
    std::string reason;
    if (index == kEndTime) {
      has_end_time = true;
      reason = CheckEndTime(field.value, out);
    } else if (index == kMsPlayed) {
      has_ms_played = true;
      reason = CheckMsPlayed(field.value, out);
    } else {
      const auto f = static_cast<Field>(index);
      out.name_keys |= NameBit(f);
      reason = CheckString(kKeys.Name(f), field.value, *NameSlot(f, out));
    }
    if (!reason.empty()) return reason;
  }
  if (!has_end_time) return "\"endTime\" is missing";
  if (!has_ms_played) return "\"msPlayed\" is missing";
  out.content_type = Classify(out);
  return {};
}

}  // namespace uw::spotify_export
