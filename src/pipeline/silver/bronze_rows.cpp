#include "pipeline/silver/bronze_rows.h"

#include <string>
#include <type_traits>

#include "sources/spotify_export/json_fields.h"
#include "sources/spotify_export/record_validator.h"

namespace uw::silver {
namespace {

namespace se = spotify_export;

// A string field of a validated record and the PlayRecord member it becomes.
template <typename Record>
struct TextField {
  std::optional<std::string_view> Record::*from;
  Text PlayRecord::*to;
};

constexpr TextField<se::ExtendedRecord> kExtendedTexts[] = {
    {&se::ExtendedRecord::track_uri, &PlayRecord::track_uri},
    {&se::ExtendedRecord::track_name, &PlayRecord::track_name},
    {&se::ExtendedRecord::artist_name, &PlayRecord::artist_name},
    {&se::ExtendedRecord::album_name, &PlayRecord::album_name},
    {&se::ExtendedRecord::episode_uri, &PlayRecord::episode_uri},
    {&se::ExtendedRecord::episode_name, &PlayRecord::episode_name},
    {&se::ExtendedRecord::show_name, &PlayRecord::show_name},
    {&se::ExtendedRecord::audiobook_uri, &PlayRecord::audiobook_uri},
    {&se::ExtendedRecord::audiobook_title, &PlayRecord::audiobook_title},
    {&se::ExtendedRecord::audiobook_chapter_uri, &PlayRecord::chapter_uri},
    {&se::ExtendedRecord::audiobook_chapter_title, &PlayRecord::chapter_title},
    {&se::ExtendedRecord::platform, &PlayRecord::platform_raw},
    {&se::ExtendedRecord::conn_country, &PlayRecord::conn_country},
    {&se::ExtendedRecord::reason_start, &PlayRecord::reason_start},
    {&se::ExtendedRecord::reason_end, &PlayRecord::reason_end},
};
static_assert(std::size(kExtendedTexts) == std::extent_v<decltype(BronzeRow::texts)>);

constexpr TextField<se::AccountRecord> kAccountTexts[] = {
    {&se::AccountRecord::artist_name, &PlayRecord::artist_name},
    {&se::AccountRecord::track_name, &PlayRecord::track_name},
    {&se::AccountRecord::podcast_name, &PlayRecord::show_name},
    {&se::AccountRecord::episode_name, &PlayRecord::episode_name},
    {&se::AccountRecord::audiobook_name, &PlayRecord::audiobook_title},
    {&se::AccountRecord::chapter_name, &PlayRecord::chapter_title},
    {&se::AccountRecord::author_name, &PlayRecord::author_name},
};

Content ContentOf(se::ContentType type) {
  switch (type) {
    case se::ContentType::kPodcast:
      return Content::kEpisode;
    case se::ContentType::kVideo:
      return Content::kVideoPodcast;
    case se::ContentType::kAudiobook:
      return Content::kAudiobook;
    default:
      return Content::kMusic;
  }
}

// The non-string fields; the strings are interned for the whole file at once.
BronzeRow FromExtended(const se::ExtendedRecord& r) {
  BronzeRow row;
  row.source = Source::kExtended;
  row.ended_at_ms = r.ended_at_ms;
  row.ms_played = r.ms_played;
  row.content = ContentOf(r.content_type);
  row.shuffle = TriOf(r.shuffle);
  row.skipped = TriOf(r.skipped);
  row.offline = TriOf(r.offline);
  row.offline_at_ms =
      NormaliseOfflineTimestamp(r.offline_timestamp).value_or(BronzeRow::kNoOffline);
  row.incognito = r.incognito_mode.value_or(false);
  return row;
}

BronzeRow FromAccount(const se::AccountRecord& r) {
  BronzeRow row;
  row.source = Source::kAccount;
  row.ended_at_ms = r.ended_at_naive_s * 1000;
  row.ms_played = r.ms_played;
  row.content = ContentOf(r.content_type == se::ContentType::kVideo ? se::ContentType::kMusic
                                                                    : r.content_type);
  return row;
}

// Visits the file's records; keeps the identified ones as rows (strings pending in `interner`),
// then interns every pending string at once. Consecutive plays mostly share their platform,
// country, reasons and often their album and artist, and most records leave half their fields
// null: a field equal to the previous row's is copied from it and an empty one stays "", so
// neither is hashed and looked up.
template <typename Record, size_t N, typename ForEach, typename Make>
void ReadRows(Text key, ForEach&& for_each, Make&& make, const TextField<Record> (&fields)[N],
              TextInterner& interner, std::vector<RowTexts>& row_texts, BronzeRows& rows,
              SourceCounts& counts) {
  static_assert(N <= 16, "RowTexts holds 16 bits");
  const size_t first = rows.size();
  std::string_view previous[N] = {};  // the previous row's strings, in the parsed document
  row_texts.clear();
  for_each([&](uint64_t i, const Record* r, std::string_view) {
    if (!r) return void(++counts.rejected_records);
    if (r->content_type == se::ContentType::kUnidentifiable) {
      return void(++counts.no_identity_records);
    }
    BronzeRow& row = rows.emplace_back(make(*r));
    row.bronze_file = key;
    row.record_index = static_cast<uint32_t>(i);
    ++counts.records;
    RowTexts& t = row_texts.emplace_back();
    for (size_t k = 0; k < N; ++k) {
      const std::string_view s = (r->*fields[k].from).value_or(std::string_view());
      if (s.empty()) {
        previous[k] = s;
      } else if (se::SameKey(s, previous[k])) {  // inline, no memcmp call per field
        t.same |= uint16_t(1u << k);
      } else {
        previous[k] = s;
        t.submitted |= uint16_t(1u << k);
        interner.Submit(s);
      }
    }
  });
  const std::vector<Text>& texts = interner.Drain();
  size_t next = 0;
  for (size_t i = first; i < rows.size(); ++i) {
    const RowTexts t = row_texts[i - first];
    for (size_t k = 0; k < N; ++k) {
      if (t.submitted & (1u << k)) {
        rows[i].texts[k] = texts[next++];
      } else if (t.same & (1u << k)) {
        rows[i].texts[k] = rows[i - 1].texts[k];  // i > first: the first row has no "same"
      }
    }
  }
  interner.Clear();
}

Text GetString(simdjson::dom::element e, std::string_view key, TextInterner& interner) {
  std::string_view s;
  if (e[key].get(s)) return {};
  return interner.Intern(s);
}

// Fields the validator does not expose: primary artist, album and context type.
PlayRecord FromApi(const se::RecentlyPlayedItem& r, simdjson::dom::element item,
                   TextInterner& str) {
  const auto text = [&str](const std::optional<std::string_view>& s) {
    return s ? str.Intern(*s) : Text();
  };
  PlayRecord p;
  p.source = Source::kApi;
  p.sources = kSeenByApi;
  p.precision = Precision::kMillis;
  p.ended_at_ms = r.played_at_ms;
  const bool episode = r.content_type == se::ContentType::kPodcast;
  p.content = episode ? Content::kEpisode : Content::kMusic;
  (episode ? p.episode_uri : p.track_uri) = text(r.track_uri);
  (episode ? p.episode_name : p.track_name) = text(r.track_name);
  p.track_duration_ms = r.duration_ms;
  p.context_uri = text(r.context_uri);
  simdjson::dom::element track, context;
  if (!item["track"].get(track)) {
    simdjson::dom::array artists;
    simdjson::dom::element album;
    if (!track["artists"].get(artists) && artists.size() > 0) {
      p.artist_name = GetString(artists.at(0).value_unsafe(), "name", str);
      p.artist_id = GetString(artists.at(0).value_unsafe(), "id", str);
    }
    if (!track["album"].get(album) && album.is_object()) {
      p.album_name = GetString(album, "name", str);
      p.album_id = GetString(album, "id", str);
    }
  }
  if (!item["context"].get(context) && context.is_object()) {
    p.context_type = GetString(context, "type", str);
  }
  return p;
}

}  // namespace

void RowMaker::ExtendedFile(Text key, simdjson::dom::array records, bool video_file,
                            BronzeRows& rows, SourceCounts& counts) {
  ReadRows(
      key, [&](auto&& visit) { se::ForEachExtendedRecord(records, video_file, visit); },
      FromExtended, kExtendedTexts, interner_, row_texts_, rows, counts);
}

void RowMaker::AccountFile(Text key, simdjson::dom::array records, BronzeRows& rows,
                           SourceCounts& counts) {
  ReadRows(
      key, [&](auto&& visit) { se::ForEachAccountRecord(records, visit); }, FromAccount,
      kAccountTexts, interner_, row_texts_, rows, counts);
}

void RowMaker::ApiItems(Text key, simdjson::dom::array items, std::vector<PlayRecord>& plays,
                        SourceCounts& counts) {
  uint64_t index = 0;
  se::RecentlyPlayedItem record;
  for (simdjson::dom::element item : items) {
    const uint64_t i = index++;
    if (!se::ValidateRecentlyPlayedItem(item, record).empty()) {
      ++counts.rejected_records;
      continue;
    }
    if (record.content_type == se::ContentType::kUnidentifiable) {
      ++counts.no_identity_records;
      continue;
    }
    PlayRecord& p = plays.emplace_back(FromApi(record, item, interner_));
    p.bronze_file = key;
    p.record_index = static_cast<uint32_t>(i);
    ++counts.records;
  }
}

PlayRecord ToPlay(const BronzeRow& row) {
  PlayRecord p;
  p.source = row.source;
  p.sources = SourceBit(row.source);
  p.precision = row.source == Source::kAccount ? Precision::kMinute : Precision::kSeconds;
  p.ended_at_ms = row.ended_at_ms;
  p.ms_played = row.ms_played;
  p.content = row.content;
  p.bronze_file = row.bronze_file;
  p.record_index = row.record_index;
  if (row.source == Source::kAccount) {
    for (size_t k = 0; k < std::size(kAccountTexts); ++k) p.*kAccountTexts[k].to = row.texts[k];
    return p;
  }
  for (size_t k = 0; k < std::size(kExtendedTexts); ++k) p.*kExtendedTexts[k].to = row.texts[k];
  p.shuffle = row.shuffle;
  p.skipped = row.skipped;
  p.offline = row.offline;
  if (row.offline_at_ms != BronzeRow::kNoOffline) p.offline_at_ms = row.offline_at_ms;
  p.incognito = row.incognito;
  return p;
}

}  // namespace uw::silver
