// Name resolution by search through the real build (BuildSilver) on a lake holding an
// account-data export (names only) and track search responses as `enrich spotify` lands them:
// accepted matches reach listening_events and the dimensions, a new response triggers a full
// build, and the incremental append stays exact next to search-resolved plays.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/lake_paths.h"
#include "delta/snapshot.h"
#include "pipeline/silver/build_silver.h"
#include "pipeline/silver/lake_tables.h"
#include "pipeline/silver/search_fixture.h"
#include "pipeline/silver/search_match.h"
#include "pipeline/silver/spotify_fixture.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::silver {
namespace {

using fixture::SearchResponse;

constexpr const char* kAccountExport = R"([
  {"endTime": "2024-03-01 10:00", "artistName": "Coldplay", "trackName": "Yellow", "msPlayed": 180000},
  {"endTime": "2024-03-02 10:00", "artistName": "Coldplay", "trackName": "Clocks", "msPlayed": 180000},
  {"endTime": "2024-03-03 10:00", "artistName": "Coldplay", "trackName": "Fix You", "msPlayed": 180000}
])";

// A recently-played poll of one track by Coldplay, known by its id.
std::string Poll(const std::string& played_at, const std::string& id, const std::string& name) {
  return R"({"items": [{"played_at": ")" + played_at + R"(", "context": null, "track": {"id": ")" +
         id + R"(", "uri": "spotify:track:)" + id + R"(", "name": ")" + name +
         R"(", "type": "track", "duration_ms": 200000, "album": {"id": "al-)" + id +
         R"(", "name": "Parachutes"}, "artists": [{"id": "id-Coldplay", "name": "Coldplay"}]}}],
      "next": null, "cursors": null, "limit": 50})";
}

std::map<std::string, std::string> Responses() {
  const auto key = [](const char* track) {
    return lake::BronzeSpotifySearch(TrackSearchQueries(track, "Coldplay").front());
  };
  return {{key("Yellow"), SearchResponse({{"t1", "Yellow", {"Coldplay"}},
                                          {"t9", "Yellow Submarine", {"The Beatles"}}})},
          {key("Fix You"), SearchResponse({{"t3", "Fix You", {"Someone Else"}}})}};
}

SilverBuildReport Build(storage::ObjectStore& lake) {
  SilverBuildOptions options;
  options.account_zone = "UTC";
  options.listener_zone = "UTC";
  return BuildSilver(lake, options);
}

// track_name -> "track_id artist_id album_id name_resolution" of its listening_events rows (name
// keys shown as "name:").
std::map<std::string, std::string> Events(const storage::ObjectStore& lake) {
  const parquet::Batch t = ReadTable(lake, lake::SilverTable("listening_events"));
  std::map<std::string, std::string> out;
  for (size_t r = 0; r < t.num_rows(); ++r) {
    std::string row;
    for (const char* column : {"track_id", "artist_id", "album_id", "name_resolution"}) {
      const parquet::ColumnVector& c = t.column(column);
      const std::string value = c.IsNull(r) ? "null" : std::string(c.GetString(r));
      row += (row.empty() ? "" : " ") + (value.starts_with("name:") ? std::string("name:") : value);
    }
    out[std::string(t.column("track_name").GetString(r))] = row;
  }
  return out;
}


TEST(SearchBuild, AcceptedMatchesReachSilverAndANewResponseMeansAFullBuild) {
  testing::TempDir dir;
  storage::MemoryStore lake("search-build");
  fixture::ImportFile(lake, dir, "StreamingHistory_music_0.json", kAccountExport);
  const SilverBuildReport first = Build(lake);
  EXPECT_EQ(first.summary.names_unresolved, 3u);
  EXPECT_EQ(Events(lake)["Yellow"], "name: name: null unresolved");

  fixture::Land(lake, Responses());
  const SilverBuildReport second = Build(lake);
  EXPECT_FALSE(second.incremental);
  EXPECT_NE(second.reason.find("new Spotify search responses"), std::string::npos) << second.reason;
  EXPECT_EQ(second.summary.names_resolved_search, 1u);
  EXPECT_EQ(second.summary.names_unresolved, 2u);
  EXPECT_NE(SilverReportToJson(second).find("\"resolved_search\":1"), std::string::npos);
  EXPECT_NE(SilverReportToText(second).find("1 by search"), std::string::npos);
  const auto events = Events(lake);
  EXPECT_EQ(events.at("Yellow"), "t1 id-Coldplay al-t1 search");
  // The artist's id reaches its other plays: one Coldplay row, not a name key beside it.
  EXPECT_EQ(events.at("Clocks"), "name: id-Coldplay null unresolved");
  EXPECT_EQ(events.at("Fix You"), "name: id-Coldplay null unresolved");  // no confident match
  EXPECT_EQ(fixture::Ids(lake, "artists", "artist_id"), std::set<std::string>{"id-Coldplay"});
  EXPECT_TRUE(fixture::Ids(lake, "tracks", "track_id").contains("t1"));
  EXPECT_TRUE(fixture::Ids(lake, "albums", "album_id").contains("al-t1"));
  EXPECT_TRUE(Build(lake).up_to_date);
}

TEST(SearchBuild, AppendsStayExactAndOwnPlaysOfSearchedNamesRebuild) {
  testing::TempDir dir;
  storage::MemoryStore lake("search-append");
  fixture::ImportFile(lake, dir, "StreamingHistory_music_0.json", kAccountExport);
  fixture::Land(lake, Responses());
  Build(lake);

  // A later play of another track: appended, as a full build would write it.
  const std::string later = Poll("2024-06-01T10:00:00.000Z", "t5", "Trouble");
  fixture::ImportFile(lake, dir, "recently_played.json", later);
  const SilverBuildReport append = Build(lake);
  EXPECT_TRUE(append.incremental) << append.reason;
  storage::MemoryStore fresh("search-append-fresh");
  fixture::ImportFile(fresh, dir, "StreamingHistory_music_0.json", kAccountExport);
  fixture::Land(fresh, Responses());
  fixture::ImportFile(fresh, dir, "recently_played.json", later);
  Build(fresh);
  EXPECT_EQ(fixture::LiveFiles(lake), fixture::LiveFiles(fresh));

  // An own play of the searched names: own history now resolves them (a full build).
  fixture::ImportFile(lake, dir, "recently_played_2.json",
                      Poll("2024-07-01T10:00:00.000Z", "t1", "Yellow"));
  const SilverBuildReport own = Build(lake);
  EXPECT_FALSE(own.incremental);
  EXPECT_NE(own.reason.find("could change how plays known by name only resolve"), std::string::npos)
      << own.reason;
  EXPECT_EQ(own.summary.names_resolved_search, 0u);
  EXPECT_EQ(Events(lake).at("Yellow").substr(0, 2), "t1");
  const parquet::Batch t = ReadTable(lake, lake::SilverTable("listening_events"));
  std::multiset<std::string> yellow;
  for (size_t r = 0; r < t.num_rows(); ++r) {
    if (t.column("track_name").GetString(r) == "Yellow")
      yellow.emplace(t.column("name_resolution").GetString(r));
  }
  EXPECT_EQ(yellow, (std::multiset<std::string>{"own", "unique"}));
}

}  // namespace
}  // namespace uw::silver
