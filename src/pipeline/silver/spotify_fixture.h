// Test support: a small extended-history export and Spotify catalogue responses for it, shaped
// like Spotify's (spotify-web-api-java and zmb3/spotify fixtures), shared by the silver, gold and
// end-to-end tests of the enrichment columns. Plays: "Mr. Brightside" twice (an album response
// and an artist response exist), "Timber" (2024's floats, a featured artist), a song with no
// usable response, and one podcast episode (its show named only by the episode response).
#pragma once

#include <map>
#include <set>
#include <string>

#include "core/lake_paths.h"
#include "delta/snapshot.h"
#include "pipeline/tables/read_table.h"
#include "pipeline/bronze/import_exports.h"
#include "storage/object_store.h"
#include "testing/testing.h"

namespace uw::silver::fixture {

// The values of `key` in silver `table`.
inline std::set<std::string> Ids(const storage::ObjectStore& lake, const std::string& table,
                                 const std::string& key) {
  const parquet::Batch t = tables::ReadTable(lake, lake::SilverTable(table), {key});
  std::set<std::string> ids;
  for (size_t r = 0; r < t.num_rows(); ++r) ids.emplace(t.column(0).GetString(r));
  return ids;
}

// Every silver table -> the content-named files of its latest version (absent tables left out):
// two lakes holding the same rows hold the same names.
inline std::map<std::string, std::set<std::string>> LiveFiles(const storage::ObjectStore& lake) {
  std::map<std::string, std::set<std::string>> out;
  for (const char* table :
       {"listening_events", "podcast_events", "tracks", "track_artists", "artists", "albums",
        "shows", "episodes", "artist_genres", "audio_features", "lastfm_track_tags",
        "lastfm_track_stats", "lastfm_artist_tags"}) {
    const auto snapshot = delta::ReadSnapshot(lake, lake::SilverTable(table));
    if (!snapshot) continue;
    for (const auto& [path, add] : snapshot->live_files) out[table].insert(path);
  }
  return out;
}

inline constexpr const char* kBrightside = "3n3Ppam7vgaVa1iaRUc9Lp";
inline constexpr const char* kKillers = "0C0XlULifJtAgn6ZNCW2eu";
inline constexpr const char* kHotFuss = "4OHNH3sDzIxnmUADXzv2kT";
inline constexpr const char* kTimber = "1zHlj4dQ8ZAtrayhuDDmkY";
inline constexpr const char* kTimberAlbum = "3X33e7UII5loqrEgauOKEC";
inline constexpr const char* kPitbull = "0TnOYISbd1XYRBk9myaseg";
inline constexpr const char* kKesha = "6LqNN22kT3074XbTVUrhzX";
inline constexpr const char* kNobodysSong = "4uLU6hMCjMI75M1A2tKUQC";
inline constexpr const char* kEpisode = "4GI3dxEafwap1sFiTGPKd1";
inline constexpr const char* kShow = "5AvwZVawapvyhJUIx71pdJ";
inline constexpr const char* kUnplayed = "7qiZfU4dY1lWllzX7mPBI3";
inline constexpr const char* kDaftPunk = "4tZwfgrHOc3mvqYlEYSvVi";
inline constexpr const char* kNewTrack = "2dpaYNEQHiRxtZbfNsse99";

inline std::string MusicRecord(const std::string& ts, const std::string& track,
                               const std::string& artist, const std::string& album,
                               const std::string& id) {
  return R"({"ts": ")" + ts + R"(", "platform": "android", "ms_played": 180000,
    "conn_country": "DE", "master_metadata_track_name": ")" +
         track + R"(", "master_metadata_album_artist_name": ")" + artist +
         R"(", "master_metadata_album_album_name": ")" + album +
         R"(", "spotify_track_uri": "spotify:track:)" + id +
         R"(", "episode_name": null, "episode_show_name": null, "spotify_episode_uri": null,
    "reason_start": "trackdone", "reason_end": "trackdone", "shuffle": false, "skipped": false,
    "offline": false, "offline_timestamp": null, "incognito_mode": false})";
}

inline std::string Export() {
  return "[" +
         MusicRecord("2024-03-01T10:00:00Z", "Mr. Brightside", "The Killers", "Hot Fuss",
                     kBrightside) +
         "," +
         MusicRecord("2024-03-02T10:00:00Z", "Mr. Brightside", "The Killers", "Hot Fuss",
                     kBrightside) +
         "," + MusicRecord("2024-03-03T10:00:00Z", "Timber", "Pitbull", "Timber", kTimber) + "," +
         MusicRecord("2024-04-03T10:00:00Z", "Song", "Nobody", "Nothing", kNobodysSong) + "," +
         R"({"ts": "2024-04-04T10:00:00Z", "platform": "android", "ms_played": 1800000,
    "conn_country": "DE", "master_metadata_track_name": null,
    "master_metadata_album_artist_name": null, "master_metadata_album_album_name": null,
    "spotify_track_uri": null, "episode_name": "Episode 0",
    "episode_show_name": "The Giant Beastcast",
    "spotify_episode_uri": "spotify:episode:4GI3dxEafwap1sFiTGPKd1", "reason_start": "trackdone",
    "reason_end": "trackdone", "shuffle": false, "skipped": false, "offline": false,
    "offline_timestamp": null, "incognito_mode": false}])";
}

// Responses shaped like Spotify's, one per file as the enricher lands them.
inline std::map<std::string, std::string> Responses() {
  return {
      {lake::BronzeSpotifyObject("tracks", kBrightside), R"({
        "album": {"album_type": "album", "id": "4OHNH3sDzIxnmUADXzv2kT", "name": "Hot Fuss",
                  "artists": [{"id": "0C0XlULifJtAgn6ZNCW2eu", "name": "The Killers"}],
                  "release_date": "2004", "release_date_precision": "year", "type": "album"},
        "artists": [{"id": "0C0XlULifJtAgn6ZNCW2eu", "name": "The Killers", "type": "artist"}],
        "disc_number": 1, "duration_ms": 222200, "explicit": false,
        "external_ids": {"isrc": "GBFFP0300052"}, "id": "3n3Ppam7vgaVa1iaRUc9Lp",
        "is_local": false, "name": "Mr. Brightside", "popularity": 73, "track_number": 2,
        "type": "track"})"},
      // 2024's floats, and a featured artist the plays never named.
      {lake::BronzeSpotifyObject("tracks", kTimber), R"({
        "album": {"album_type": "single", "id": "3X33e7UII5loqrEgauOKEC", "name": "Timber",
                  "release_date": "2013-10-07", "release_date_precision": "day",
                  "total_tracks": 1.0, "type": "album",
                  "images": [{"height": 640.0, "url": "https://i.scdn.co/image/timber",
                              "width": 640.0}]},
        "artists": [{"id": "0TnOYISbd1XYRBk9myaseg", "name": "Pitbull"},
                    {"id": "6LqNN22kT3074XbTVUrhzX", "name": "Ke$ha"}],
        "disc_number": 1.0, "duration_ms": 204053.0, "explicit": false,
        "external_ids": {"isrc": "USRC11301695"}, "id": "1zHlj4dQ8ZAtrayhuDDmkY",
        "name": "Timber", "popularity": 85.0, "track_number": 1.0, "type": "track"})"},
      {lake::BronzeSpotifyObject("artists", kKillers), R"({
        "followers": {"href": null, "total": 4.9022656E7},
        "genres": ["modern rock", "permanent wave"], "id": "0C0XlULifJtAgn6ZNCW2eu",
        "images": [{"height": 640, "url": "https://i.scdn.co/image/killers", "width": 640}],
        "name": "The Killers", "popularity": 80.0, "type": "artist"})"},
      {lake::BronzeSpotifyObject("albums", kHotFuss), R"({
        "album_type": "album", "id": "4OHNH3sDzIxnmUADXzv2kT", "name": "Hot Fuss",
        "artists": [{"id": "0C0XlULifJtAgn6ZNCW2eu", "name": "The Killers"}],
        "external_ids": {"upc": "602498616381"}, "label": "Island Records",
        "release_date": "2004-06-07", "release_date_precision": "day", "total_tracks": 11,
        "genres": [], "type": "album"})"},
      {lake::BronzeSpotifyObject("episodes", kEpisode), R"({
        "description": "We try to convince Jeff", "duration_ms": 8052140, "explicit": false,
        "id": "4GI3dxEafwap1sFiTGPKd1", "language": "en-US", "languages": ["en-US"],
        "name": "The Giant Beastcast: Episode 0", "release_date": "2015-05-22",
        "release_date_precision": "day", "type": "episode",
        "show": {"id": "5AvwZVawapvyhJUIx71pdJ", "name": "The Giant Beastcast",
                 "publisher": "Giant Bomb", "media_type": "audio", "explicit": false,
                 "languages": ["en-US"], "description": "The Giant Bomb East team",
                 "type": "show"}})"},
      // A track nobody played: it adds no rows, nor does its artist.
      {lake::BronzeSpotifyObject("tracks", kUnplayed), R"({"id": "7qiZfU4dY1lWllzX7mPBI3",
        "type": "track", "name": "One More Time", "duration_ms": 320357,
        "artists": [{"id": "4tZwfgrHOc3mvqYlEYSvVi", "name": "Daft Punk"}]})"},
  };
}

// Files that are not what their names say.
inline std::map<std::string, std::string> BadResponses() {
  return {
      {lake::BronzeSpotifyObject("tracks", kNobodysSong),
       R"({"id": "3n3Ppam7vgaVa1iaRUc9Lp", "type": "track", "duration_ms": 1})"},
      {lake::BronzeSpotifyObject("artists", kPitbull), "<html>Too Many Requests</html>"},
  };
}

inline void Land(storage::ObjectStore& lake, const std::map<std::string, std::string>& files) {
  for (const auto& [key, body] : files) lake.Put(key, body);
}

inline void ImportFile(storage::ObjectStore& lake, const testing::TempDir& dir,
                       const std::string& name, const std::string& content) {
  const auto path = dir.path() / name;
  testing::WriteFile(path, content);
  bronze::ImportExports(lake, {path}, bronze::ImportOptions{});
}

// A lake with the export imported.
inline void FillExport(storage::ObjectStore& lake, const testing::TempDir& dir) {
  ImportFile(lake, dir, "Streaming_History_Audio_2024_0.json", Export());
}

}  // namespace uw::silver::fixture
