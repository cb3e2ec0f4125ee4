// The only module that builds lake paths (DESIGN §2; documented in docs/lake.md). Keys are
// relative to the lake root, '/'-separated, and never start with '/'.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace uw::lake {

// bronze/spotify_export/<kind>/<sha256-prefix>__<original-name>
// The original name is reduced to its last path component with unsafe characters replaced.
std::string BronzeExport(std::string_view kind, std::string_view sha256_hex, std::string_view original_name);
inline constexpr std::string_view kBronzeExportPrefix = "bronze/spotify_export/";

// bronze/spotify_api/recently_played/year=YYYY/month=MM/day=DD/<name>.json
std::string BronzeRecentlyPlayed(int64_t epoch_millis, std::string_view name);
inline constexpr std::string_view kBronzeRecentlyPlayedPrefix = "bronze/spotify_api/recently_played/";

// bronze/spotify_api/<kind>/<base64url(id)>.json: the raw Web API response for one catalogue
// object (kind: tracks, artists, albums, episodes, shows). Present = fetched.
std::string BronzeSpotifyObject(std::string_view kind, std::string_view id);
inline constexpr std::string_view kBronzeSpotifyApiPrefix = "bronze/spotify_api/";
// bronze/spotify_api/search/<base64url(query)>.json: the raw response of one track search.
std::string BronzeSpotifySearch(std::string_view query);
inline constexpr std::string_view kBronzeSpotifySearchPrefix = "bronze/spotify_api/search/";

// _state/spotify/: the recently-played cursor, the enrichment queue (not-found and failed
// lookups with their retry times) and the search decisions.
inline constexpr std::string_view kSpotifyCursorKey = "_state/spotify/cursor.json";
inline constexpr std::string_view kSpotifyEnrichmentKey = "_state/spotify/enrichment.json";
inline constexpr std::string_view kSpotifySearchDecisionsKey = "_state/spotify/search_decisions.json";

// _state/...
inline constexpr std::string_view kLockKey = "_state/lock.json";
inline constexpr std::string_view kLogsDir = "_state/logs";
inline constexpr std::string_view kReceiptsPrefix = "_state/receipts/";
std::string Receipt(std::string_view receipt_id);
// _state/builds/<layer>.json: what the last build of a layer consumed (inputs fingerprint).
std::string BuildState(std::string_view layer);

// silver/<table>/ and gold/<table>/
std::string SilverTable(std::string_view table);
std::string GoldTable(std::string_view table);

// <table_root>/_delta_log/ and <table_root>/_delta_log/%020d.json (tech.md §3.1); `table_root`
// is a table folder such as SilverTable("x"), with or without its trailing '/'.
std::string DeltaLogPrefix(std::string_view table_root);
std::string DeltaCommit(std::string_view table_root, int64_t version);

// A file name safe on every object store and file system: the last path component of `name`,
// with control characters, '/', '\\' and ':' replaced by '_'.
std::string SafeFileName(std::string_view name);

}  // namespace uw::lake
