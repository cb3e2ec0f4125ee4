// Validation of one extended-streaming-history record (formats.md §2.2–2.3). This runs for every
// record at import and again in silver, so the path of a valid record builds no string, calls
// nothing per key and touches every field once; reasons are built only when a record fails.
#include <fmt/format.h>

#include <array>
#include <bit>

#include "sources/spotify_export/json_fields.h"
#include "sources/spotify_export/record_validator.h"
#include "sources/spotify_export/utc_millis_parser.h"

namespace uw::spotify_export {
namespace {

// How a known field is checked and where its value goes.
enum class Kind : uint8_t {
  kTs,                // required UTC time string
  kMsPlayed,          // required non-negative integer
  kText,              // string or null, kept
  kPii,               // string or null, checked and dropped (formats.md §7.2)
  kFlag,              // boolean or null, kept
  kOfflineTimestamp,  // integer or null, kept raw
};

using TextSlot = std::optional<std::string_view> ExtendedRecord::*;
using FlagSlot = std::optional<bool> ExtendedRecord::*;

struct FieldSpec {
  std::string_view key;
  Kind kind;
  TextSlot text = nullptr;  // kText only
  FlagSlot flag = nullptr;  // kFlag only
  uint8_t schema_bit = 0;   // the ExtendedRecord::schema_keys bit the key sets
};

using R = ExtendedRecord;

// Known keys in the order Spotify writes them (the union of vintages A, B and C).
constexpr std::array<FieldSpec, 26> kFields{{
    {"ts", Kind::kTs},
    {"username", Kind::kPii, nullptr, nullptr, kHasLegacyKeys},
    {"platform", Kind::kText, &R::platform},
    {"ms_played", Kind::kMsPlayed},
    {"conn_country", Kind::kText, &R::conn_country},
    {"ip_addr_decrypted", Kind::kPii, nullptr, nullptr, kHasLegacyKeys},
    {"ip_addr", Kind::kPii},
    {"user_agent_decrypted", Kind::kPii, nullptr, nullptr, kHasLegacyKeys},
    {"master_metadata_track_name", Kind::kText, &R::track_name},
    {"master_metadata_album_artist_name", Kind::kText, &R::artist_name},
    {"master_metadata_album_album_name", Kind::kText, &R::album_name},
    {"spotify_track_uri", Kind::kText, &R::track_uri},
    {"episode_name", Kind::kText, &R::episode_name},
    {"episode_show_name", Kind::kText, &R::show_name},
    {"spotify_episode_uri", Kind::kText, &R::episode_uri},
    {"audiobook_title", Kind::kText, &R::audiobook_title, nullptr, kHasAudiobookKeys},
    {"audiobook_uri", Kind::kText, &R::audiobook_uri, nullptr, kHasAudiobookKeys},
    {"audiobook_chapter_uri", Kind::kText, &R::audiobook_chapter_uri, nullptr, kHasAudiobookKeys},
    {"audiobook_chapter_title", Kind::kText, &R::audiobook_chapter_title, nullptr,
     kHasAudiobookKeys},
    {"reason_start", Kind::kText, &R::reason_start},
    {"reason_end", Kind::kText, &R::reason_end},
    {"shuffle", Kind::kFlag, nullptr, &R::shuffle},
    {"skipped", Kind::kFlag, nullptr, &R::skipped},
    {"offline", Kind::kFlag, nullptr, &R::offline},
    {"offline_timestamp", Kind::kOfflineTimestamp},
    {"incognito_mode", Kind::kFlag, nullptr, &R::incognito_mode},
}};
constexpr size_t kFieldCount = kFields.size();
static_assert(kFieldCount <= 32, "a record's known keys are tracked in a 32-bit mask");

constexpr KeyTable<kFieldCount> kKeys = [] {
  std::array<std::string_view, kFieldCount> keys;
  for (size_t i = 0; i < kFieldCount; ++i) keys[i] = kFields[i].key;
  return KeyTable<kFieldCount>(keys);
}();

// Bits (1 << index into kFields) of the fields for which `pick` holds.
template <typename Pick>
constexpr uint32_t MaskOf(Pick pick) {
  uint32_t mask = 0;
  for (size_t i = 0; i < kFieldCount; ++i) {
    if (pick(kFields[i])) mask |= uint32_t{1} << i;
  }
  return mask;
}
constexpr uint32_t kTsBit = MaskOf([](const FieldSpec& f) { return f.kind == Kind::kTs; });
constexpr uint32_t kMsPlayedBit =
    MaskOf([](const FieldSpec& f) { return f.kind == Kind::kMsPlayed; });
constexpr uint32_t kLegacyKeys =
    MaskOf([](const FieldSpec& f) { return f.schema_bit == kHasLegacyKeys; });
constexpr uint32_t kAudiobookKeys =
    MaskOf([](const FieldSpec& f) { return f.schema_bit == kHasAudiobookKeys; });
// Fields stored in the record, which must read as absent when the record lacks them.
constexpr uint32_t kStoredFields = MaskOf([](const FieldSpec& f) {
  return f.kind == Kind::kText || f.kind == Kind::kFlag || f.kind == Kind::kOfflineTimestamp;
});

bool ReadTs(simdjson::dom::element value, ExtendedRecord& r) {
  std::string_view ts;
  if (value.get(ts)) return false;
  // One per thread keeps the validators thread safe; its memory of the last day is what saves
  // re-reading the date of every record (a file's plays are in time order).
  thread_local UtcMillisParser parser;
  const auto ms = parser.Parse(ts);
  if (!ms) return false;
  r.ended_at_ms = *ms;
  return true;
}

std::string TsProblem(simdjson::dom::element value) {
  std::string_view ts;
  if (value.get(ts)) return StringProblem("ts", value);
  return fmt::format("\"ts\" is {}, expected a UTC time like 2021-11-15T13:41:44Z",
                     ValueExcerpt(value));
}

// Checks one known field and stores it; false when the value has the wrong type or form.
bool ReadField(const FieldSpec& spec, simdjson::dom::element value, ExtendedRecord& r) {
  // Most known fields are kept text: testing for them before the switch measured 10% faster
  // than the switch's indirect jump alone.
  if (spec.kind == Kind::kText) return ReadString(value, r.*spec.text);
  switch (spec.kind) {
    case Kind::kText:  // handled above
      return ReadString(value, r.*spec.text);
    case Kind::kPii: {
      std::optional<std::string_view> dropped;
      return ReadString(value, dropped);
    }
    case Kind::kFlag:
      return ReadBool(value, r.*spec.flag);
    case Kind::kOfflineTimestamp:
      return ReadInteger(value, r.offline_timestamp);
    case Kind::kTs:
      return ReadTs(value, r);
    case Kind::kMsPlayed:
      return ReadNonNegativeInteger(value, r.ms_played);
  }
  return false;
}

// Why ReadField refused `value`.
std::string FieldProblem(const FieldSpec& spec, simdjson::dom::element value) {
  switch (spec.kind) {
    case Kind::kText:
    case Kind::kPii:
      return StringProblem(spec.key, value);
    case Kind::kFlag:
      return BoolProblem(spec.key, value);
    case Kind::kOfflineTimestamp:
      return IntegerProblem(spec.key, value);
    case Kind::kTs:
      return TsProblem(value);
    case Kind::kMsPlayed:
      return NonNegativeIntegerProblem(spec.key, value);
  }
  return {};
}

// Marks the stored fields missing from the record as absent. `r` is reused from record to record,
// and clearing only what a record lacks is cheaper than clearing the whole struct each time.
void ClearMissing(uint32_t seen, ExtendedRecord& r) {
  for (uint32_t missing = kStoredFields & ~seen; missing != 0; missing &= missing - 1) {
    const FieldSpec& spec = kFields[std::countr_zero(missing)];
    if (spec.text) {
      (r.*spec.text).reset();
    } else if (spec.flag) {
      (r.*spec.flag).reset();
    } else {
      r.offline_timestamp.reset();
    }
  }
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
  simdjson::dom::object object;
  if (element.get(object)) {
    return fmt::format("is {}, expected an object", JsonTypeName(element.type()));
  }
  uint32_t seen = 0;  // bit i: the record has kFields[i]
  size_t cursor = 0;
  for (const auto field : object) {
    const int index = kKeys.Find(field.key, cursor);
    if (index < 0) continue;  // unknown keys are allowed
    seen |= uint32_t{1} << index;
    const FieldSpec& spec = kFields[index];
    if (!ReadField(spec, field.value, out)) return FieldProblem(spec, field.value);
  }
  if (!(seen & kTsBit)) return "\"ts\" is missing";
  if (!(seen & kMsPlayedBit)) return "\"ms_played\" is missing";
  ClearMissing(seen, out);
  out.schema_keys = ((seen & kLegacyKeys) ? kHasLegacyKeys : 0) |
                    ((seen & kAudiobookKeys) ? kHasAudiobookKeys : 0);
  out.content_type = Classify(out, video_file);
  return {};
}

}  // namespace uw::spotify_export
