#include "pipeline/silver/bronze_reader.h"

#include <simdjson.h>

#include <string_view>

#include "core/lake_paths.h"
#include "sources/spotify_export/export_kinds.h"
#include "sources/spotify_export/record_validator.h"

namespace uw::silver {
namespace {

namespace se = spotify_export;

std::string Str(const std::optional<std::string_view>& s) { return s ? std::string(*s) : ""; }

// The <kind> folder of bronze/spotify_export/<kind>/<file>.
std::optional<se::FileKind> KindOfKey(std::string_view key) {
  key.remove_prefix(lake::kBronzeExportPrefix.size());
  const size_t slash = key.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  return se::KindFromName(key.substr(0, slash));
}

PlayRecord FromExtended(const se::ExtendedRecord& r) {
  PlayRecord p;
  p.source = Source::kExtended;
  p.sources = kSeenByExtended;
  p.precision = Precision::kSeconds;
  p.ended_at_ms = r.ended_at_ms;
  p.ms_played = r.ms_played;
  switch (r.content_type) {
    case se::ContentType::kPodcast:
      p.content = Content::kEpisode;
      break;
    case se::ContentType::kVideo:
      p.content = Content::kVideoPodcast;
      break;
    case se::ContentType::kAudiobook:
      p.content = Content::kAudiobook;
      break;
    default:
      p.content = Content::kMusic;
      break;
  }
  p.track_uri = Str(r.track_uri);
  p.track_name = Str(r.track_name);
  p.artist_name = Str(r.artist_name);
  p.album_name = Str(r.album_name);
  p.episode_uri = Str(r.episode_uri);
  p.episode_name = Str(r.episode_name);
  p.show_name = Str(r.show_name);
  p.audiobook_uri = Str(r.audiobook_uri);
  p.audiobook_title = Str(r.audiobook_title);
  p.chapter_uri = Str(r.audiobook_chapter_uri);
  p.chapter_title = Str(r.audiobook_chapter_title);
  p.platform_raw = Str(r.platform);
  p.platform = PlatformFamily(p.platform_raw);
  p.conn_country = Str(r.conn_country);
  p.reason_start = Str(r.reason_start);
  p.reason_end = Str(r.reason_end);
  p.shuffle = r.shuffle;
  p.skipped = r.skipped;
  p.offline = r.offline;
  p.offline_at_ms = NormaliseOfflineTimestamp(r.offline_timestamp);
  p.incognito = r.incognito_mode.value_or(false);
  return p;
}

PlayRecord FromAccount(const se::AccountRecord& r) {
  PlayRecord p;
  p.source = Source::kAccount;
  p.sources = kSeenByAccount;
  p.precision = Precision::kMinute;
  p.ended_at_ms = r.ended_at_naive_s * 1000;
  p.ms_played = r.ms_played;
  p.content = r.content_type == se::ContentType::kPodcast     ? Content::kEpisode
              : r.content_type == se::ContentType::kAudiobook ? Content::kAudiobook
                                                              : Content::kMusic;
  p.artist_name = Str(r.artist_name);
  p.track_name = Str(r.track_name);
  p.show_name = Str(r.podcast_name);
  p.episode_name = Str(r.episode_name);
  p.audiobook_title = Str(r.audiobook_name);
  p.chapter_title = Str(r.chapter_name);
  p.author_name = Str(r.author_name);
  return p;
}

std::string GetString(simdjson::dom::element e, std::string_view key) {
  std::string_view s;
  if (e[key].get(s)) return {};
  return std::string(s);
}

// Fields the validator does not expose: primary artist, album and context type.
PlayRecord FromApi(const se::RecentlyPlayedItem& r, simdjson::dom::element item) {
  PlayRecord p;
  p.source = Source::kApi;
  p.sources = kSeenByApi;
  p.precision = Precision::kMillis;
  p.ended_at_ms = r.played_at_ms;
  const bool episode = r.content_type == se::ContentType::kPodcast;
  p.content = episode ? Content::kEpisode : Content::kMusic;
  (episode ? p.episode_uri : p.track_uri) = Str(r.track_uri);
  (episode ? p.episode_name : p.track_name) = Str(r.track_name);
  p.track_duration_ms = r.duration_ms;
  p.context_uri = Str(r.context_uri);
  simdjson::dom::element track, context;
  if (!item["track"].get(track)) {
    simdjson::dom::array artists;
    simdjson::dom::element album;
    if (!track["artists"].get(artists) && artists.size() > 0) {
      p.artist_name = GetString(artists.at(0).value_unsafe(), "name");
      p.artist_id = GetString(artists.at(0).value_unsafe(), "id");
    }
    if (!track["album"].get(album) && album.is_object()) {
      p.album_name = GetString(album, "name");
      p.album_id = GetString(album, "id");
    }
  }
  if (!item["context"].get(context) && context.is_object()) {
    p.context_type = GetString(context, "type");
  }
  return p;
}

// Appends the valid, identified records; `make` turns one into a PlayRecord.
template <typename Record>
void Keep(const std::string& key, uint64_t index, const Record* record, PlayRecord play,
          std::vector<PlayRecord>& out, SourceCounts& counts) {
  if (record->content_type == se::ContentType::kUnidentifiable) {
    ++counts.no_identity_records;
    return;
  }
  play.bronze_file = key;
  play.record_index = index;
  out.push_back(std::move(play));
  ++counts.records;
}

void ReadExportFile(const std::string& key, se::FileKind kind, simdjson::dom::array records,
                    BronzePlays& out) {
  if (kind == se::FileKind::kExtendedAudio || kind == se::FileKind::kExtendedVideo) {
    auto& counts = out.extended_counts;
    ++counts.files;
    se::ForEachExtendedRecord(records, kind == se::FileKind::kExtendedVideo,
                              [&](uint64_t i, const se::ExtendedRecord* r, std::string_view) {
                                if (!r) return void(++counts.rejected_records);
                                Keep(key, i, r, FromExtended(*r), out.extended, counts);
                              });
    return;
  }
  auto& counts = out.account_counts;
  ++counts.files;
  se::ForEachAccountRecord(records, [&](uint64_t i, const se::AccountRecord* r, std::string_view) {
    if (!r) return void(++counts.rejected_records);
    Keep(key, i, r, FromAccount(*r), out.account, counts);
  });
}

bool IsAccountKind(se::FileKind kind) {
  return kind == se::FileKind::kAccountMusic || kind == se::FileKind::kAccountPodcast ||
         kind == se::FileKind::kAccountAudiobook || kind == se::FileKind::kAccountMixed;
}

void ReadApiFile(const std::string& key, simdjson::dom::element root, BronzePlays& out) {
  auto& counts = out.api_counts;
  ++counts.files;
  simdjson::dom::array items;
  if (root["items"].get(items)) return void(++counts.unreadable_files);
  uint64_t index = 0;
  se::RecentlyPlayedItem record;
  for (simdjson::dom::element item : items) {
    const uint64_t i = index++;
    if (!se::ValidateRecentlyPlayedItem(item, record).empty()) {
      ++counts.rejected_records;
      continue;
    }
    Keep(key, i, &record, FromApi(record, item), out.api, counts);
  }
}

}  // namespace

BronzePlays ReadBronzePlays(const storage::ObjectStore& lake) {
  BronzePlays out;
  simdjson::dom::parser parser;
  for (const auto& info : lake.List(lake::kBronzeExportPrefix)) {
    const auto kind = KindOfKey(info.key);
    if (!kind || !(*kind == se::FileKind::kExtendedAudio || *kind == se::FileKind::kExtendedVideo ||
                   IsAccountKind(*kind))) {
      continue;
    }
    const simdjson::padded_string bytes(lake.Get(info.key));
    simdjson::dom::array records;
    if (parser.parse(bytes).get(records)) {
      auto& counts = IsAccountKind(*kind) ? out.account_counts : out.extended_counts;
      ++counts.unreadable_files;
      continue;
    }
    ReadExportFile(info.key, *kind, records, out);
  }
  for (const auto& info : lake.List(lake::kBronzeRecentlyPlayedPrefix)) {
    const simdjson::padded_string bytes(lake.Get(info.key));
    simdjson::dom::element root;
    if (parser.parse(bytes).get(root)) {
      ++out.api_counts.unreadable_files;
      continue;
    }
    ReadApiFile(info.key, root, out);
  }
  return out;
}

}  // namespace uw::silver
