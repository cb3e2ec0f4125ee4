// Validation of one account-data streaming-history record (formats.md §1.2): every era's keys.
// Like the extended validator, the path of a valid record builds no string; reasons are built
// only when a record fails.
#include <fmt/format.h>

#include <array>
#include <bit>

#include "core/civil_time.h"
#include "sources/spotify_export/json_fields.h"
#include "sources/spotify_export/record_validator.h"

namespace uw::spotify_export {
namespace {

enum class Kind : uint8_t { kEndTime, kMsPlayed, kName };

using NameSlot = std::optional<std::string_view> AccountRecord::*;

struct FieldSpec {
  std::string_view key;
  Kind kind;
  NameSlot name = nullptr;  // kName only
  uint8_t name_bit = 0;     // the AccountRecord::name_keys bit the key sets
};

using R = AccountRecord;

constexpr std::array<FieldSpec, 9> kFields{{
    {"endTime", Kind::kEndTime},
    {"artistName", Kind::kName, &R::artist_name, kHasMusicNames},
    {"trackName", Kind::kName, &R::track_name, kHasMusicNames},
    {"podcastName", Kind::kName, &R::podcast_name, kHasPodcastNames},
    {"episodeName", Kind::kName, &R::episode_name, kHasPodcastNames},
    {"audiobookName", Kind::kName, &R::audiobook_name, kHasAudiobookNames},
    {"chapterName", Kind::kName, &R::chapter_name, kHasAudiobookNames},
    {"authorName", Kind::kName, &R::author_name, kHasAudiobookNames},
    {"msPlayed", Kind::kMsPlayed},
}};
constexpr size_t kFieldCount = kFields.size();

constexpr KeyTable<kFieldCount> kKeys = [] {
  std::array<std::string_view, kFieldCount> keys;
  for (size_t i = 0; i < kFieldCount; ++i) keys[i] = kFields[i].key;
  return KeyTable<kFieldCount>(keys);
}();

constexpr uint32_t Bit(size_t index) { return uint32_t{1} << index; }
constexpr uint32_t kEndTimeBit = Bit(0);
constexpr uint32_t kMsPlayedBit = Bit(kFieldCount - 1);
constexpr uint32_t kNameFields = (Bit(kFieldCount) - 1) & ~kEndTimeBit & ~kMsPlayedBit;
static_assert(kFields[0].kind == Kind::kEndTime &&
              kFields[kFieldCount - 1].kind == Kind::kMsPlayed);

bool ReadEndTime(simdjson::dom::element value, AccountRecord& r) {
  std::string_view text;
  if (value.get(text)) return false;
  const auto seconds = core::ParseAccountEndTime(text);
  if (!seconds) return false;
  r.end_time = text;
  r.ended_at_naive_s = *seconds;
  return true;
}

std::string EndTimeProblem(simdjson::dom::element value) {
  std::string_view text;
  if (value.get(text)) return StringProblem("endTime", value);
  return fmt::format("\"endTime\" is {}, expected a time like 2023-10-02 23:43",
                     ValueExcerpt(value));
}

bool ReadField(const FieldSpec& spec, simdjson::dom::element value, AccountRecord& r) {
  switch (spec.kind) {
    case Kind::kName:
      return ReadString(value, r.*spec.name);
    case Kind::kEndTime:
      return ReadEndTime(value, r);
    case Kind::kMsPlayed:
      return ReadNonNegativeInteger(value, r.ms_played);
  }
  return false;
}

std::string FieldProblem(const FieldSpec& spec, simdjson::dom::element value) {
  switch (spec.kind) {
    case Kind::kName:
      return StringProblem(spec.key, value);
    case Kind::kEndTime:
      return EndTimeProblem(value);
    case Kind::kMsPlayed:
      return NonNegativeIntegerProblem(spec.key, value);
  }
  return {};
}

// The name families present, and the names missing from the record marked absent (`r` is
// reused from record to record).
uint8_t SettleNames(uint32_t seen, AccountRecord& r) {
  uint8_t families = 0;
  for (uint32_t names = kNameFields; names != 0; names &= names - 1) {
    const int index = std::countr_zero(names);
    const FieldSpec& spec = kFields[index];
    if (seen & Bit(index)) {
      families |= spec.name_bit;
    } else {
      (r.*spec.name).reset();
    }
  }
  return families;
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
  simdjson::dom::object object;
  if (element.get(object)) {
    return fmt::format("is {}, expected an object", JsonTypeName(element.type()));
  }
  uint32_t seen = 0;  // bit i: the record has kFields[i]
  size_t cursor = 0;
  for (const auto field : object) {
    const int index = kKeys.Find(field.key, cursor);
    if (index < 0) continue;  // unknown keys are allowed
    seen |= Bit(index);
    const FieldSpec& spec = kFields[index];
    if (!ReadField(spec, field.value, out)) return FieldProblem(spec, field.value);
  }
  if (!(seen & kEndTimeBit)) return "\"endTime\" is missing";
  if (!(seen & kMsPlayedBit)) return "\"msPlayed\" is missing";
  out.name_keys = SettleNames(seen, out);
  out.content_type = Classify(out);
  return {};
}

}  // namespace uw::spotify_export
