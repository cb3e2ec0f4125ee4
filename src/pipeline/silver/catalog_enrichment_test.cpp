// Silver filled from Spotify catalogue responses, through the real build (BuildSilver) on a lake
// holding a small extended-history export and responses modelled on Spotify's: every enriched
// column, the id rules (name-keyed rows stand for the Spotify ids their tracks' responses give;
// responses of unplayed ids add no rows), bad files named and skipped; and the incremental
// paths: new responses rebuild only the dimension tables, new plays with responses extend
// them, and both end file for file where a full build of the same bronze ends.
#include "pipeline/silver/catalog_enrichment.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/lake_paths.h"
#include "delta/snapshot.h"
#include "pipeline/silver/build_silver.h"
#include "pipeline/silver/lake_tables.h"
#include "pipeline/silver/spotify_fixture.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::silver {
namespace {

using namespace fixture;  // NOLINT: the fixture's ids and files read as the test's own

SilverBuildReport Build(storage::ObjectStore& lake) {
  SilverBuildOptions options;
  options.listener_zone = "UTC";
  return BuildSilver(lake, options);
}

// One dimension row, by its key, as column name -> value ("null" for nulls).
using Row = std::map<std::string, std::string>;
Row FindRow(const storage::ObjectStore& lake, const std::string& table, const std::string& key,
            const std::string& id) {
  const parquet::Batch t = ReadTable(lake, lake::SilverTable(table));
  for (size_t r = 0; r < t.num_rows(); ++r) {
    if (t.column(key).GetString(r) != id) continue;
    Row row;
    for (size_t c = 0; c < t.num_columns(); ++c) {
      const parquet::ColumnVector& col = t.column(c);
      std::string value;
      if (col.IsNull(r)) {
        value = "null";
      } else if (col.type() == parquet::ColumnType::kString) {
        value = std::string(col.GetString(r));
      } else if (col.type() == parquet::ColumnType::kInt32) {
        value = std::to_string(col.GetInt32(r));
      } else if (col.type() == parquet::ColumnType::kInt64 ||
                 col.type() == parquet::ColumnType::kTimestamp) {
        value = std::to_string(col.GetInt64(r));
      } else if (col.type() == parquet::ColumnType::kBoolean) {
        value = col.GetBool(r) ? "true" : "false";
      }
      row[t.schema().field(c).name] = value;
    }
    return row;
  }
  return {};
}

const PublishedTable* Published(const SilverBuildReport& r, std::string_view name) {
  for (const PublishedTable& t : r.tables) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

TEST(CatalogEnrichment, DimensionsCarryTheResponsesFields) {
  testing::TempDir dir;
  storage::MemoryStore lake("enrichment-fields");
  FillExport(lake, dir);
  Land(lake, Responses());
  Land(lake, BadResponses());
  const SilverBuildReport report = Build(lake);

  const std::string killers = NameId("artist", {"The Killers"});
  const std::string pitbull = NameId("artist", {"Pitbull"});
  const std::string hot_fuss = NameId("album", {killers, "Hot Fuss"});
  const std::string timber_album = NameId("album", {pitbull, "Timber"});

  // Tracks: only played ones; the API's duration; every attribute of the response.
  EXPECT_EQ(Ids(lake, "tracks", "track_id"),
            (std::set<std::string>{kBrightside, kTimber, kNobodysSong}));
  Row t = FindRow(lake, "tracks", "track_id", kBrightside);
  EXPECT_EQ(t["duration_ms"], "222200");
  EXPECT_EQ(t["explicit"], "false");
  EXPECT_EQ(t["popularity"], "73");
  EXPECT_EQ(t["isrc"], "GBFFP0300052");
  EXPECT_EQ(t["track_number"], "2");
  EXPECT_EQ(t["disc_number"], "1");
  EXPECT_EQ(t["is_local"], "false");
  EXPECT_EQ(t["metadata_source"], "spotify");
  EXPECT_EQ(t["artist_id"], killers);  // the plays' ids stay: the facts use them
  EXPECT_EQ(t["album_id"], hot_fuss);
  t = FindRow(lake, "tracks", "track_id", kTimber);
  EXPECT_EQ(t["duration_ms"], "204053");
  EXPECT_EQ(t["popularity"], "85");
  EXPECT_EQ(t["track_number"], "1");
  t = FindRow(lake, "tracks", "track_id", kNobodysSong);  // its only response was bad
  EXPECT_EQ(t["metadata_source"], "null");
  EXPECT_EQ(t["duration_ms"], "null");
  EXPECT_EQ(t["explicit"], "null");

  // Every credited artist, the featured one as a row of its own.
  const parquet::Batch bridge = ReadTable(lake, lake::SilverTable("track_artists"));
  std::map<std::pair<std::string, int32_t>, std::string> credits;
  for (size_t r = 0; r < bridge.num_rows(); ++r) {
    credits[{std::string(bridge.column(0).GetString(r)), bridge.column(2).GetInt32(r)}] =
        bridge.column(1).GetString(r);
  }
  EXPECT_EQ(credits.size(), 4u);
  EXPECT_EQ((credits[{kTimber, 0}]), pitbull);
  EXPECT_EQ((credits[{kTimber, 1}]), kKesha);
  EXPECT_EQ((credits[{kBrightside, 0}]), killers);

  // Artists: the name-keyed row stands for the Spotify id; the artist response fills it.
  EXPECT_EQ(Ids(lake, "artists", "artist_id"),
            (std::set<std::string>{killers, pitbull, NameId("artist", {"Nobody"}), kKesha}));
  Row a = FindRow(lake, "artists", "artist_id", killers);
  EXPECT_EQ(a["spotify_id"], kKillers);
  EXPECT_EQ(a["followers"], "49022656");
  EXPECT_EQ(a["popularity"], "80");
  EXPECT_EQ(a["genre_count"], "2");
  EXPECT_EQ(a["image_url"], "https://i.scdn.co/image/killers");
  EXPECT_EQ(a["metadata_source"], "spotify");
  EXPECT_EQ(a["name_only"], "true");
  a = FindRow(lake, "artists", "artist_id", kKesha);
  EXPECT_EQ(a["artist_name"], "Ke$ha");
  EXPECT_EQ(a["name_only"], "false");
  EXPECT_EQ(a["metadata_source"], "null");  // no artist response yet: the enricher's next job
  a = FindRow(lake, "artists", "artist_id", pitbull);
  EXPECT_EQ(a["spotify_id"], kPitbull);
  EXPECT_EQ(a["metadata_source"], "null");  // its response was not JSON
  const parquet::Batch genres = ReadTable(lake, lake::SilverTable("artist_genres"));
  ASSERT_EQ(genres.num_rows(), 2u);
  EXPECT_EQ(genres.column("artist_id").GetString(0), killers);
  EXPECT_EQ(genres.column("genre").GetString(0), "modern rock");
  EXPECT_EQ(genres.column("source").GetString(1), "spotify");

  // Albums: the album response, else the track's copy of the album.
  Row al = FindRow(lake, "albums", "album_id", hot_fuss);
  EXPECT_EQ(al["spotify_id"], kHotFuss);
  EXPECT_EQ(al["label"], "Island Records");
  EXPECT_EQ(al["upc"], "602498616381");
  EXPECT_EQ(al["release_date"], "2004-06-07");  // the album's own response wins over the copy
  EXPECT_EQ(al["release_date_precision"], "day");
  EXPECT_EQ(al["release_year"], "2004");
  EXPECT_EQ(al["total_tracks"], "11");
  EXPECT_EQ(al["metadata_source"], "spotify");
  al = FindRow(lake, "albums", "album_id", timber_album);
  EXPECT_EQ(al["spotify_id"], kTimberAlbum);
  EXPECT_EQ(al["album_type"], "single");
  EXPECT_EQ(al["release_year"], "2013");
  EXPECT_EQ(al["total_tracks"], "1");
  EXPECT_EQ(al["image_url"], "https://i.scdn.co/image/timber");
  EXPECT_EQ(al["label"], "null");

  // Episodes and shows.
  Row e = FindRow(lake, "episodes", "episode_id", kEpisode);
  EXPECT_EQ(e["duration_ms"], "8052140");
  EXPECT_EQ(e["release_date"], "2015-05-22");
  EXPECT_EQ(e["languages"], "en-US");
  EXPECT_EQ(e["explicit"], "false");
  EXPECT_EQ(e["description"], "We try to convince Jeff");
  EXPECT_EQ(e["metadata_source"], "spotify");
  Row s = FindRow(lake, "shows", "show_id", NameId("show", {"The Giant Beastcast"}));
  EXPECT_EQ(s["spotify_id"], kShow);
  EXPECT_EQ(s["publisher"], "Giant Bomb");
  EXPECT_EQ(s["media_type"], "audio");
  EXPECT_EQ(s["metadata_source"], "spotify");

  // The facts keep the plays' ids.
  const parquet::Batch events =
      ReadTable(lake, lake::SilverTable("listening_events"), {"track_id", "artist_id"});
  for (size_t r = 0; r < events.num_rows(); ++r) {
    if (events.column(0).GetString(r) == kBrightside) {
      EXPECT_EQ(events.column(1).GetString(r), killers);
    }
  }

  // The summary counts what was read and used and names the bad files.
  const CatalogueSummary& c = report.catalogue;
  EXPECT_EQ(c.files[size_t(SpotifyKind::kTrack)], 4u);
  EXPECT_EQ(c.files[size_t(SpotifyKind::kArtist)], 2u);
  EXPECT_EQ(c.counts.used[size_t(SpotifyKind::kTrack)], 2u);
  EXPECT_EQ(c.counts.used[size_t(SpotifyKind::kArtist)], 1u);
  EXPECT_EQ(c.counts.used[size_t(SpotifyKind::kAlbum)], 1u);
  EXPECT_EQ(c.counts.used[size_t(SpotifyKind::kEpisode)], 1u);
  EXPECT_EQ(c.counts.artists_added, 1u);
  ASSERT_EQ(c.rejected.size(), 2u);
  const std::string text = SilverReportToText(report);
  for (const auto& [key, body] : BadResponses())
    EXPECT_NE(text.find(key), std::string::npos) << text;
  EXPECT_NE(SilverReportToJson(report).find("\"rejected\":[{\"key\""), std::string::npos);
  EXPECT_FALSE(Ids(lake, "artists", "artist_id").count(kDaftPunk));
}

TEST(CatalogEnrichment, NewResponsesRebuildOnlyTheDimensionsAsAFullBuildWould) {
  testing::TempDir dir;
  storage::MemoryStore lake("enrichment-incremental");
  FillExport(lake, dir);
  const SilverBuildReport first = Build(lake);
  EXPECT_EQ(first.catalogue.files, (std::array<uint64_t, kSpotifyKinds>{}));
  EXPECT_EQ(FindRow(lake, "tracks", "track_id", kBrightside)["metadata_source"], "null");

  Land(lake, Responses());
  const SilverBuildReport second = Build(lake);
  EXPECT_TRUE(second.incremental) << second.reason;
  EXPECT_NE(second.reason.find("dimensions only: 6 new Spotify catalogue responses"),
            std::string::npos)
      << second.reason;
  EXPECT_EQ(Published(second, "listening_events"), nullptr);  // facts are not even staged
  EXPECT_EQ(Published(second, "podcast_events"), nullptr);
  for (const char* table :
       {"tracks", "track_artists", "artists", "albums", "shows", "episodes", "artist_genres"}) {
    ASSERT_NE(Published(second, table), nullptr) << table;
    EXPECT_TRUE(Published(second, table)->committed) << table;
  }
  EXPECT_FALSE(Published(second, "audio_features")->committed);
  EXPECT_EQ(FindRow(lake, "tracks", "track_id", kBrightside)["metadata_source"], "spotify");
  EXPECT_TRUE(Build(lake).up_to_date);

  storage::MemoryStore fresh("enrichment-incremental-fresh");
  FillExport(fresh, dir);
  Land(fresh, Responses());
  EXPECT_FALSE(Build(fresh).incremental);
  EXPECT_EQ(LiveFiles(lake), LiveFiles(fresh));

  // A bad response alone: the dimensions are rebuilt, nothing changes, the file is named.
  Land(lake, BadResponses());
  const SilverBuildReport third = Build(lake);
  EXPECT_TRUE(third.incremental) << third.reason;
  EXPECT_EQ(third.catalogue.rejected.size(), 2u);
  for (const PublishedTable& t : third.tables) EXPECT_FALSE(t.committed) << t.name;
}

TEST(CatalogEnrichment, NewPlaysWithResponsesExtendTheDimensionsAsAFullBuildWould) {
  testing::TempDir dir;
  storage::MemoryStore lake("enrichment-plays");
  FillExport(lake, dir);
  Land(lake, Responses());
  Build(lake);

  // A later recently-played poll: a new track by the featured artist (known by id), and its
  // catalogue response with another duration (the response's wins).
  const std::string poll = R"({"items": [{"played_at": "2024-06-01T10:00:00.000Z",
      "context": null, "track": {"id": "2dpaYNEQHiRxtZbfNsse99",
      "uri": "spotify:track:2dpaYNEQHiRxtZbfNsse99", "name": "Tik Tok", "type": "track",
      "duration_ms": 200000, "album": {"id": "5peykVqYBxKFVo1Dx7TZP2", "name": "Animal"},
      "artists": [{"id": "6LqNN22kT3074XbTVUrhzX", "name": "Ke$ha"}]}}],
      "next": null, "cursors": null, "limit": 50})";
  const std::map<std::string, std::string> more = {
      {lake::BronzeSpotifyObject("tracks", kNewTrack),
       R"({"id": "2dpaYNEQHiRxtZbfNsse99", "type": "track", "name": "Tik Tok",
           "duration_ms": 199999, "explicit": true,
           "artists": [{"id": "6LqNN22kT3074XbTVUrhzX", "name": "Ke$ha"}],
           "album": {"id": "5peykVqYBxKFVo1Dx7TZP2", "name": "Animal", "album_type": "album",
                     "release_date": "2010-01-01", "release_date_precision": "day"}})"}};
  ImportFile(lake, dir, "recently_played.json", poll);
  Land(lake, more);
  const SilverBuildReport next = Build(lake);
  EXPECT_TRUE(next.incremental) << next.reason;
  EXPECT_NE(next.reason.find("1 new catalogue responses"), std::string::npos) << next.reason;
  Row t = FindRow(lake, "tracks", "track_id", kNewTrack);
  EXPECT_EQ(t["duration_ms"], "199999");
  EXPECT_EQ(t["explicit"], "true");
  EXPECT_EQ(t["artist_id"], kKesha);
  EXPECT_EQ(FindRow(lake, "albums", "album_id", "5peykVqYBxKFVo1Dx7TZP2")["release_year"], "2010");

  storage::MemoryStore fresh("enrichment-plays-fresh");
  FillExport(fresh, dir);
  ImportFile(fresh, dir, "recently_played.json", poll);
  Land(fresh, Responses());
  Land(fresh, more);
  Build(fresh);
  EXPECT_EQ(LiveFiles(lake), LiveFiles(fresh));
}

TEST(CatalogEnrichment, AppliedTwiceGivesTheSameCatalog) {
  // The incremental builds re-apply every response to dimensions read back from silver, which
  // earlier responses already filled: applying must not depend on that.
  SpotifyObjects objects;
  simdjson::dom::parser parser;
  for (const auto& [key, body] : Responses()) AddSpotifyObject(key, body, objects, parser);
  Catalog catalog;
  catalog.tracks[kBrightside].name = "Mr. Brightside";
  catalog.tracks[kTimber].name = "Timber";  // no artist, no album: filled from the response
  catalog.artists[NameId("artist", {"The Killers"})].name = "The Killers";
  catalog.tracks[kBrightside].artist_id = NameId("artist", {"The Killers"});
  const EnrichmentCounts once = ApplySpotifyObjects(catalog, objects);
  EXPECT_EQ(catalog.tracks[kTimber].artist_id, kPitbull);  // no row of that name: its own row
  EXPECT_EQ(catalog.tracks[kTimber].album_id, kTimberAlbum);
  EXPECT_EQ(catalog.tracks[kTimber].other_artist_ids, (std::vector<std::string>{kKesha}));
  EXPECT_EQ(once.artists_added, 2u);
  EXPECT_EQ(once.albums_added, 2u);  // neither track had an album: both get the response's
  const auto snapshot = [](const Catalog& c) {
    std::vector<std::string> out;
    for (const auto& [id, t] : c.tracks)
      out.push_back(id + "|" + t.artist_id + "|" + t.album_id + "|" +
                    std::to_string(t.duration_ms.value_or(-1)) + "|" +
                    std::to_string(t.other_artist_ids.size()));
    for (const auto& [id, a] : c.artists) out.push_back(id + "|" + a.name + "|" + a.spotify_id);
    for (const auto& [id, a] : c.albums) out.push_back(id + "|" + a.name + "|" + a.spotify_id);
    return out;
  };
  const auto before = snapshot(catalog);
  const EnrichmentCounts twice = ApplySpotifyObjects(catalog, objects);
  EXPECT_EQ(snapshot(catalog), before);
  EXPECT_EQ(twice.used, once.used);
  EXPECT_EQ(twice.artists_added, 0u);
}

}  // namespace
}  // namespace uw::silver
