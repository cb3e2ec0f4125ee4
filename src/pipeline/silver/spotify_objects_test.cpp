// The catalogue-response parser on small bodies shaped like Spotify's (spotify-web-api-java and
// zmb3/spotify fixtures): every field read, numbers in every form Spotify has sent them, fields
// development-mode apps no longer get, and each way a file is refused. Then the recorded samples
// in ../shared/samples (skipped when absent).
#include "pipeline/silver/spotify_objects.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/base64.h"
#include "core/lake_paths.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::silver {
namespace {

simdjson::dom::parser& Parser() {
  static simdjson::dom::parser parser;
  return parser;
}

SpotifyTrack Track(std::string_view body, std::string_view id, std::string* why = nullptr) {
  SpotifyTrack t;
  const std::string reason = ParseSpotifyTrack(body, id, t, Parser());
  if (why)
    *why = reason;
  else
    EXPECT_EQ(reason, "");
  return t;
}

std::string TrackReason(std::string_view body, std::string_view id) {
  std::string why;
  Track(body, id, &why);
  return why;
}

// Modelled on GetTrackRequest.json (2019 shape: popularity present).
constexpr std::string_view kTrack = R"json({
  "album": {"album_type": "album",
            "artists": [{"id": "0C0XlULifJtAgn6ZNCW2eu", "name": "The Killers", "type": "artist"}],
            "id": "4OHNH3sDzIxnmUADXzv2kT",
            "images": [{"height": 300, "url": "https://i.scdn.co/image/small", "width": 295},
                       {"height": 640, "url": "https://i.scdn.co/image/big", "width": 629}],
            "name": "Hot Fuss (Deluxe Version)", "release_date": "2004-06-15",
            "release_date_precision": "day", "total_tracks": 18, "type": "album"},
  "artists": [{"id": "0C0XlULifJtAgn6ZNCW2eu", "name": "The Killers", "type": "artist"}],
  "disc_number": 1, "duration_ms": 222200, "explicit": false,
  "external_ids": {"isrc": "GBFFP0300052"},
  "id": "3n3Ppam7vgaVa1iaRUc9Lp", "is_local": false, "name": "Mr. Brightside",
  "popularity": 73, "track_number": 2, "type": "track",
  "uri": "spotify:track:3n3Ppam7vgaVa1iaRUc9Lp"})json";

TEST(SpotifyObjects, ReadsEveryTrackField) {
  const SpotifyTrack t = Track(kTrack, "3n3Ppam7vgaVa1iaRUc9Lp");
  EXPECT_EQ(t.id, "3n3Ppam7vgaVa1iaRUc9Lp");
  EXPECT_EQ(t.name, "Mr. Brightside");
  EXPECT_EQ(t.isrc, "GBFFP0300052");
  EXPECT_EQ(t.duration_ms, 222200);
  EXPECT_EQ(t.popularity, 73);
  EXPECT_EQ(t.track_number, 2);
  EXPECT_EQ(t.disc_number, 1);
  EXPECT_EQ(t.is_explicit, false);
  EXPECT_EQ(t.is_local, false);
  ASSERT_EQ(t.artists.size(), 1u);
  EXPECT_EQ(t.artists[0].id, "0C0XlULifJtAgn6ZNCW2eu");
  EXPECT_EQ(t.artists[0].name, "The Killers");
  ASSERT_TRUE(t.album);
  EXPECT_FALSE(t.album->full);
  EXPECT_EQ(t.album->id, "4OHNH3sDzIxnmUADXzv2kT");
  EXPECT_EQ(t.album->album_type, "album");
  EXPECT_EQ(t.album->release_date, "2004-06-15");
  EXPECT_EQ(t.album->release_date_precision, "day");
  EXPECT_EQ(t.album->total_tracks, 18);
  EXPECT_EQ(t.album->image_url, "https://i.scdn.co/image/big");  // the widest, wherever listed
  EXPECT_EQ(t.album->artists.at(0).name, "The Killers");
}

TEST(SpotifyObjects, IntegersArriveAsFloatsAndExponents) {
  // find_track_with_floats.txt (2024): every integer rendered as a float.
  const SpotifyTrack t = Track(R"({"id": "1zHlj4dQ8ZAtrayhuDDmkY", "type": "track",
      "disc_number": 1.0, "duration_ms": 204053.0, "popularity": 85.0, "track_number": 1.0,
      "album": {"id": "3X33e7UII5loqrEgauOKEC", "total_tracks": 1.0,
                "images": [{"height": 640.0, "url": "u640", "width": 640.0},
                           {"height": 300.0, "url": "u300", "width": 300.0}]}})",
                               "1zHlj4dQ8ZAtrayhuDDmkY");
  EXPECT_EQ(t.duration_ms, 204053);
  EXPECT_EQ(t.popularity, 85);
  EXPECT_EQ(t.track_number, 1);
  EXPECT_EQ(t.disc_number, 1);
  EXPECT_EQ(t.album->total_tracks, 1);
  EXPECT_EQ(t.album->image_url, "u640");

  SpotifyArtist a;
  ASSERT_EQ(ParseSpotifyArtist(R"({"id": "x", "type": "artist", "followers": {"href": null,
      "total": 4.9022656E7}, "popularity": 8.9e1, "genres": []})",
                               "x", a, Parser()),
            "");
  EXPECT_EQ(a.followers, 49022656);
  EXPECT_EQ(a.popularity, 89);
  ASSERT_TRUE(a.genres);
  EXPECT_TRUE(a.genres->empty());  // present but empty is not absent
}

TEST(SpotifyObjects, LenientIntegerForms) {
  const auto parse = [](std::string_view json) {
    simdjson::dom::element e;
    EXPECT_FALSE(Parser().parse(json).get(e)) << json;
    return LenientInteger(e);
  };
  EXPECT_EQ(parse("188000"), 188000);
  EXPECT_EQ(parse("188000.0"), 188000);
  EXPECT_EQ(parse("1.88E5"), 188000);
  EXPECT_EQ(parse("1.88e+5"), 188000);
  EXPECT_EQ(parse("204053.6"), 204054);
  EXPECT_EQ(parse(R"({"totalMilliseconds": 188000})"), 188000);  // local files, Dec 2023
  EXPECT_EQ(parse(R"({"totalMilliseconds": 1.88E5})"), 188000);
  EXPECT_EQ(parse(R"({"other": 1})"), std::nullopt);
  EXPECT_EQ(parse(R"("188000")"), std::nullopt);
  EXPECT_EQ(parse("null"), std::nullopt);
  EXPECT_EQ(parse("-5"), std::nullopt);
  EXPECT_EQ(parse("1e300"), std::nullopt);
  EXPECT_EQ(parse("18446744073709551615"), std::nullopt);
}

TEST(SpotifyObjects, LocalFileDurationAsAnObject) {
  const SpotifyTrack t = Track(R"({"id": "l1", "type": "track", "is_local": true,
      "duration_ms": {"totalMilliseconds": 188000}, "artists": [{"id": null, "name": "Me"}]})",
                               "l1");
  EXPECT_EQ(t.duration_ms, 188000);
  EXPECT_EQ(t.is_local, true);
  ASSERT_EQ(t.artists.size(), 1u);
  EXPECT_EQ(t.artists[0].id, "");
  EXPECT_EQ(t.artists[0].name, "Me");
}

TEST(SpotifyObjects, DevelopmentModeShapesLeaveFieldsAbsent) {
  // February 2026: no popularity, followers, genres, label, publisher for development-mode apps.
  const SpotifyTrack t = Track(R"({"id": "t", "type": "track", "name": "N"})", "t");
  EXPECT_EQ(t.popularity, std::nullopt);
  EXPECT_EQ(t.duration_ms, std::nullopt);
  EXPECT_EQ(t.is_explicit, std::nullopt);
  EXPECT_FALSE(t.album);
  SpotifyArtist a;
  ASSERT_EQ(ParseSpotifyArtist(R"({"id": "a", "type": "artist", "name": "A"})", "a", a, Parser()),
            "");
  EXPECT_FALSE(a.genres);
  EXPECT_EQ(a.followers, std::nullopt);
  SpotifyShow s;
  ASSERT_EQ(ParseSpotifyShow(R"({"id": "s", "type": "show", "name": "S"})", "s", s, Parser()), "");
  EXPECT_EQ(s.publisher, "");
  // A field of the wrong type reads as absent; the file still counts.
  const SpotifyTrack odd =
      Track(R"({"id": "t", "type": "track", "explicit": "no", "popularity": "73"})", "t");
  EXPECT_EQ(odd.is_explicit, std::nullopt);
  EXPECT_EQ(odd.popularity, std::nullopt);
}

TEST(SpotifyObjects, AlbumEpisodeShowAndArtistFields) {
  SpotifyAlbum album;
  ASSERT_EQ(ParseSpotifyAlbum(R"({"album_type": "album", "id": "0sNOF9WDwhWunNAHPD3Baj",
      "artists": [{"id": "2BTZIqw0ntH9MvilQ3ewNY", "name": "Cyndi Lauper"}],
      "external_ids": {"upc": "5099749994324"}, "genres": [], "label": "Epic",
      "name": "She's So Unusual", "popularity": 39, "release_date": "1983",
      "release_date_precision": "year", "total_tracks": 13, "type": "album"})",
                              "0sNOF9WDwhWunNAHPD3Baj", album, Parser()),
            "");
  EXPECT_TRUE(album.full);
  EXPECT_EQ(album.label, "Epic");
  EXPECT_EQ(album.upc, "5099749994324");
  EXPECT_EQ(album.popularity, 39);
  EXPECT_EQ(album.release_date, "1983");
  EXPECT_EQ(ReleaseYear(album.release_date), 1983);

  SpotifyArtist artist;
  ASSERT_EQ(ParseSpotifyArtist(R"({"followers": {"href": null, "total": 306565},
      "genres": ["indie folk", "indie pop", "indie folk", ""], "id": "0OdUWJ0sBjDrqHygGUXeCF",
      "images": [{"height": 816, "url": "https://i/1000", "width": 1000}],
      "name": "Band of Horses", "popularity": 59, "type": "artist"})",
                               "0OdUWJ0sBjDrqHygGUXeCF", artist, Parser()),
            "");
  EXPECT_EQ(*artist.genres, (std::vector<std::string>{"indie folk", "indie pop"}));
  EXPECT_EQ(artist.followers, 306565);
  EXPECT_EQ(artist.image_url, "https://i/1000");

  SpotifyEpisode episode;
  ASSERT_EQ(ParseSpotifyEpisode(R"({"description": "We try", "duration_ms": 8052140,
      "explicit": false, "id": "4GI3dxEafwap1sFiTGPKd1", "language": "en-US",
      "languages": ["en-US", "de"], "name": "Episode 0", "release_date": "2015-05-22",
      "release_date_precision": "day", "type": "episode",
      "show": {"id": "5AvwZVawapvyhJUIx71pdJ", "name": "The Giant Beastcast",
               "publisher": "Giant Bomb", "media_type": "audio", "explicit": true,
               "languages": ["en-US"], "total_episodes": 12.0, "type": "show"}})",
                                "4GI3dxEafwap1sFiTGPKd1", episode, Parser()),
            "");
  EXPECT_EQ(episode.duration_ms, 8052140);
  EXPECT_EQ(episode.languages, "en-US,de");
  EXPECT_EQ(episode.release_date, "2015-05-22");
  ASSERT_TRUE(episode.show);
  EXPECT_EQ(episode.show->id, "5AvwZVawapvyhJUIx71pdJ");
  EXPECT_EQ(episode.show->publisher, "Giant Bomb");
  EXPECT_EQ(episode.show->total_episodes, 12);
  EXPECT_EQ(episode.show->is_explicit, true);

  SpotifyEpisode old;  // only the deprecated single language
  ASSERT_EQ(ParseSpotifyEpisode(R"({"id": "e", "type": "episode", "language": "sv"})", "e", old,
                                Parser()),
            "");
  EXPECT_EQ(old.languages, "sv");
}

TEST(SpotifyObjects, DescriptionsAreCutOnCharacters) {
  std::string text;
  for (size_t i = 0; i < kMaxDescriptionChars + 10; ++i) text += "é";  // two bytes each
  SpotifyShow s;
  ASSERT_EQ(ParseSpotifyShow(R"({"id": "s", "description": ")" + text + "\"}", "s", s, Parser()),
            "");
  EXPECT_EQ(s.description.size(), kMaxDescriptionChars * 2);
  EXPECT_EQ(s.description, text.substr(0, kMaxDescriptionChars * 2));
}

TEST(SpotifyObjects, RefusesFilesThatAreNotTheObjectTheirNameSays) {
  EXPECT_NE(TrackReason(R"({"id": "abc", "type": "track")", "abc").find("not valid JSON"),
            std::string::npos);
  EXPECT_NE(TrackReason("", "abc").find("not valid JSON"), std::string::npos);
  EXPECT_NE(TrackReason(R"({"id": "abc"} {"id": "abc"})", "abc").find("not valid JSON"),
            std::string::npos);  // two documents (zmb3's find_album.txt) are not one response
  EXPECT_EQ(TrackReason(R"([{"id": "abc"}])", "abc"), "is an array, expected a track object");
  EXPECT_EQ(TrackReason(R"({"tracks": [null]})", "abc"), "has no id, expected the track abc");
  EXPECT_EQ(TrackReason(R"({"error": {"status": 429, "message": "Too many requests"}})", "abc"),
            "is an error response, not a track");
  EXPECT_EQ(TrackReason(R"({"id": "abc", "type": "artist"})", "abc"),
            "is of type \"artist\", expected a track");
  EXPECT_EQ(TrackReason(R"({"id": "xyz", "type": "track"})", "abc"),
            "is the track xyz, not abc as its name says");
  // Relinked: the body is another id, linked_from names the requested one.
  const SpotifyTrack relinked =
      Track(R"({"id": "xyz", "type": "track", "linked_from": {"id": "abc"}, "name": "N"})", "abc");
  EXPECT_EQ(relinked.id, "abc");
}

TEST(SpotifyObjects, KeysNameKindAndId) {
  const std::string key = lake::BronzeSpotifyObject("albums", "4OHNH3sDzIxnmUADXzv2kT");
  const auto name = SpotifyObjectOfKey(key);
  ASSERT_TRUE(name);
  EXPECT_EQ(name->kind, SpotifyKind::kAlbum);
  EXPECT_EQ(name->id, "4OHNH3sDzIxnmUADXzv2kT");
  EXPECT_FALSE(SpotifyObjectOfKey(lake::BronzeSpotifySearch("track:x")));
  EXPECT_FALSE(SpotifyObjectOfKey("bronze/spotify_api/recently_played/year=2024/x.json"));
  EXPECT_FALSE(SpotifyObjectOfKey("bronze/spotify_export/tracks/x.json"));
  const auto bad = SpotifyObjectOfKey("bronze/spotify_api/tracks/not*base64.json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->id, "");
}

TEST(SpotifyObjects, ReadsALakeSkippingAndNamingBadFiles) {
  storage::MemoryStore lake("spotify-objects-read");
  const std::string good = lake::BronzeSpotifyObject("tracks", "3n3Ppam7vgaVa1iaRUc9Lp");
  lake.Put(good, kTrack);
  const std::string wrong = lake::BronzeSpotifyObject("tracks", "someOtherId");
  lake.Put(wrong, kTrack);
  const std::string truncated = lake::BronzeSpotifyObject("artists", "a1");
  lake.Put(truncated, R"({"id": "a1", "type": "art)");
  // The same id under a padded name: a second response for it.
  const std::string padded =
      "bronze/spotify_api/tracks/" + core::Base64Url("3n3Ppam7vgaVa1iaRUc9Lp") + "==.json";
  lake.Put(padded, kTrack);
  lake.Put(lake::BronzeSpotifySearch("q"), "{}");  // not a catalogue response: not read
  std::vector<std::string> keys;
  for (const auto& o : lake.List(lake::kBronzeSpotifyApiPrefix)) keys.push_back(o.key);

  const SpotifyObjects objects = ReadSpotifyObjects(lake, keys);
  EXPECT_EQ(objects.tracks.size(), 1u);
  EXPECT_TRUE(objects.tracks.count("3n3Ppam7vgaVa1iaRUc9Lp"));
  EXPECT_EQ(objects.files[size_t(SpotifyKind::kTrack)], 3u);
  EXPECT_EQ(objects.files[size_t(SpotifyKind::kArtist)], 1u);
  ASSERT_EQ(objects.rejected.size(), 3u);
  std::map<std::string, std::string> reasons;
  for (const auto& r : objects.rejected) reasons[r.key] = r.reason;
  EXPECT_NE(reasons[wrong].find("not someOtherId as its name says"), std::string::npos);
  EXPECT_NE(reasons[truncated].find("not valid JSON"), std::string::npos);
  EXPECT_NE(reasons[padded].find("a second response"), std::string::npos);
}

// Every recorded single-object response in ../shared/samples parses with the values it holds.
TEST(SpotifyObjects, RecordedSamples) {
  UW_REQUIRE_SHARED(shared);
  const auto body = [&](const char* path) { return testing::ReadFile(shared / "samples" / path); };
  const SpotifyTrack track =
      Track(body("spotify-web-api-java/GetTrackRequest.json"), "3n3Ppam7vgaVa1iaRUc9Lp");
  EXPECT_EQ(track.duration_ms, 222200);
  EXPECT_EQ(track.isrc, "GBFFP0300052");
  EXPECT_EQ(track.album->id, "4OHNH3sDzIxnmUADXzv2kT");
  const SpotifyTrack floats =
      Track(body("zmb3-spotify/find_track_with_floats.txt"), "1zHlj4dQ8ZAtrayhuDDmkY");
  EXPECT_EQ(floats.duration_ms, 204053);
  EXPECT_EQ(floats.popularity, 85);
  EXPECT_EQ(floats.artists.size(), 2u);
  // The same track recorded with integers reads the same.
  const SpotifyTrack ints = Track(body("zmb3-spotify/find_track.txt"), "1zHlj4dQ8ZAtrayhuDDmkY");
  EXPECT_EQ(ints.duration_ms, floats.duration_ms);
  EXPECT_EQ(ints.album->image_url, floats.album->image_url);

  SpotifyArtist artist;
  EXPECT_EQ(ParseSpotifyArtist(body("spotify-web-api-java/GetArtistRequest.json"),
                               "0OdUWJ0sBjDrqHygGUXeCF", artist, Parser()),
            "");
  EXPECT_EQ(artist.followers, 306565);
  EXPECT_EQ(artist.genres->size(), 2u);
  SpotifyAlbum album;
  EXPECT_EQ(ParseSpotifyAlbum(body("spotify-web-api-java/GetAlbumRequest.json"),
                              "0sNOF9WDwhWunNAHPD3Baj", album, Parser()),
            "");
  EXPECT_EQ(album.upc, "5099749994324");
  EXPECT_EQ(album.release_date_precision, "year");
  SpotifyEpisode episode;
  EXPECT_EQ(ParseSpotifyEpisode(body("spotify-web-api-java/GetEpisodeRequest.json"),
                                "4GI3dxEafwap1sFiTGPKd1", episode, Parser()),
            "");
  EXPECT_EQ(episode.duration_ms, 8052140);
  EXPECT_EQ(episode.show->publisher, "Giant Bomb");
  SpotifyShow show;
  EXPECT_EQ(ParseSpotifyShow(body("spotify-web-api-java/GetShowRequest.json"),
                             "7iZEp9f2Gg8JvKNqK3t905", show, Parser()),
            "");
  EXPECT_EQ(show.publisher, "DER SPIEGEL");
  EXPECT_EQ(show.media_type, "audio");
  // A batch body is not a single object.
  SpotifyTrack batch;
  EXPECT_NE(ParseSpotifyTrack(body("spotify-web-api-java/GetSeveralTracksRequest.json"), "x", batch,
                              Parser()),
            "");
}

}  // namespace
}  // namespace uw::silver
