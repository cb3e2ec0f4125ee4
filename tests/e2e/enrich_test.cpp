// End-to-end: `unwrapped enrich spotify` as a user runs it, headless, against a FakeSpotify in
// this process that serves the catalogue of a generated lake (read from its silver tables). A
// small budget stops the first run with exit 3; a long Retry-After stops the next with the resume
// time stated, and a run before that time sends nothing; the run after it fetches everything due
// (exit 0), with one id missing from the catalogue recorded as not found and one name-only track
// found by search. `build` then fills silver from the landed responses, and `status` shows the
// queue.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "core/lake_paths.h"
#include "fakes/fake_spotify.h"
#include "pipeline/tables/read_table.h"
#include "storage/local_store.h"
#include "testing/lake_runs.h"
#include "testing/testing.h"

namespace uw {
namespace {

namespace fs = std::filesystem;
using fakes::FakeSpotify;
using testing::RunUnwrapped;

std::string Text(const parquet::ColumnVector& column, size_t row) {
  return column.IsNull(row) ? std::string() : std::string(column.GetString(row));
}

bool IsSpotifyId(const std::string& id) { return !id.empty() && id.rfind("name:", 0) != 0; }

class EnrichE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto gen = RunUnwrapped(
        {"generate", "--events", "1500", "--seed", "7", "--out", (dir_ / "gen").string()});
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
    ASSERT_EQ(Run({"import", (dir_ / "gen" / "export").string()}).exit_code, 0);
    const auto build = Run({"build", "--layer", "silver"});
    ASSERT_EQ(build.exit_code, 0) << build.err;
    ServeSilverCatalogue();
    refresh_token_ = fake_.IssueRefreshToken();
  }

  // Every track and episode silver knows by Spotify id goes into the fake's catalogue (with
  // its album, artist and show), except the first track: that one is "missing". The first
  // name-only track is in the catalogue under its names, for search to find.
  void ServeSilverCatalogue() {
    storage::LocalStore store(lake_);
    const parquet::Batch tracks =
        tables::ReadTable(store, lake::SilverTable("tracks"),
                          {"track_id", "track_name", "artist_id", "artist_name", "album_id",
                           "album_name", "name_only"});
    for (size_t row = 0; row < tracks.num_rows(); ++row) {
      fakes::TrackSpec t;
      const std::string id = Text(tracks.column(0), row);
      t.name = Text(tracks.column(1), row);
      const std::string artist_id = Text(tracks.column(2), row);
      const std::string artist_name = Text(tracks.column(3), row);
      t.artists = {{IsSpotifyId(artist_id) ? artist_id : fakes::FakeId("artist:" + artist_name),
                    artist_name}};
      const std::string album_id = Text(tracks.column(4), row);
      t.album.id =
          IsSpotifyId(album_id) ? album_id : fakes::FakeId("album:" + Text(tracks.column(5), row));
      t.album.name = Text(tracks.column(5), row);
      t.album.artists = t.artists;
      if (tracks.column(6).GetBool(row)) {
        // The fake matches field filters exactly; a quote inside a name cannot be asked for.
        if (!searched_.empty() || t.name.empty() || artist_name.empty() ||
            (t.name + artist_name).find('"') != std::string::npos) {
          continue;
        }
        searched_ = fakes::FakeId("searched:" + id);
        searched_key_ = id;
        searched_artist_ = t.artists[0].id;
        searched_album_ = t.album.id;
        t.id = searched_;
      } else if (missing_.empty()) {
        missing_ = id;
        continue;
      } else {
        t.id = id;
      }
      fakes::ArtistSpec artist;
      artist.id = t.artists[0].id;
      artist.name = artist_name;
      fake_.AddArtist(artist);
      fake_.AddAlbum(t.album);
      served_tracks_.insert(t.id);
      fake_.AddTrack(std::move(t));
    }
    const parquet::Batch episodes =
        tables::ReadTable(store, lake::SilverTable("episodes"),
                          {"episode_id", "episode_uri", "episode_name", "show_name"});
    for (size_t row = 0; row < episodes.num_rows(); ++row) {
      if (Text(episodes.column(1), row).rfind("spotify:episode:", 0) != 0) continue;
      fakes::EpisodeSpec e;
      e.id = Text(episodes.column(0), row);
      e.name = Text(episodes.column(2), row);
      e.show.id = fakes::FakeId("show:" + Text(episodes.column(3), row));
      e.show.name = Text(episodes.column(3), row);
      fake_.AddShow(e.show);
      fake_.AddEpisode(std::move(e));
    }
    ASSERT_FALSE(missing_.empty());
    ASSERT_FALSE(searched_.empty());
    ASSERT_GT(served_tracks_.size(), 100u);
  }

  std::map<std::string, std::string> Env() const {
    return {{"UNWRAPPED_SPOTIFY_API_URL", fake_.api_url()},
            {"UNWRAPPED_SPOTIFY_ACCOUNTS_URL", fake_.accounts_url()},
            {"UNWRAPPED_SPOTIFY_CLIENT_ID", std::string(FakeSpotify::kClientId)},
            {"UNWRAPPED_SPOTIFY_REFRESH_TOKEN", refresh_token_},
            {"UNWRAPPED_SPOTIFY_CREDENTIALS_FILE", (dir_ / "credentials.json").string()},
            {"UNWRAPPED_SPOTIFY_MAX_ATTEMPTS", "2"},
            {"UNWRAPPED_SPOTIFY_RETRY_BASE_MS", "1"},
            {"UNWRAPPED_TIMEZONE", "UTC"}};
  }

  testing::RunResult Run(std::vector<std::string> args) {
    return RunUnwrapped(testing::LakeArgs(lake_, std::move(args)), Env());
  }

  // `enrich spotify --json ...`: the exit code and the parsed summary.
  int Enrich(std::vector<std::string> extra, simdjson::dom::element& summary) {
    std::vector<std::string> args = {"--json", "enrich", "spotify"};
    args.insert(args.end(), extra.begin(), extra.end());
    last_ = Run(args);
    if (parser_.parse(last_.out).get(summary))
      ADD_FAILURE() << "not JSON: " << last_.out << last_.err;
    return last_.exit_code;
  }

  // Time passes for the binary: the recorded resume time is moved into the past.
  void ResumeTimePasses() {
    const fs::path file = lake_ / std::string(lake::kSpotifyEnrichmentKey);
    const std::string state = testing::ReadFile(file);
    const std::string moved = std::regex_replace(state, std::regex("\"resume_after_ms\":[0-9]+"),
                                                 "\"resume_after_ms\":1000");
    ASSERT_NE(moved, state);
    testing::WriteFile(file, moved);
  }

  size_t BronzeObjects(const std::string& kind) const {
    const fs::path folder = lake_ / "bronze/spotify_api" / kind;
    if (!fs::exists(folder)) return 0;
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(folder)) n += e.is_regular_file();
    return n;
  }

  testing::TempDir dir_;
  fs::path lake_ = dir_ / "lake";
  FakeSpotify fake_;
  std::string refresh_token_;
  std::string missing_, searched_;
  // The name key silver gave the searched track before the search, and its artist and album ids
  // in the fake's catalogue.
  std::string searched_key_, searched_artist_, searched_album_;
  std::set<std::string> served_tracks_;
  simdjson::dom::parser parser_;
  testing::RunResult last_;
};

TEST_F(EnrichE2e, BudgetRateLimitResumeThenSilverCarriesTheMetadata) {
  simdjson::dom::element summary;
  // A budget of 5 requests cannot do it all: exit 3, work left.
  ASSERT_EQ(Enrich({"--max-requests", "5"}, summary), 3) << last_.out << last_.err;
  EXPECT_EQ(std::string_view(summary["stop"]), "budget_spent");
  EXPECT_TRUE(bool(summary["work_left"]));
  EXPECT_LE(fake_.TotalRequests(), 5);

  // A Retry-After of two hours: the run stops and says when to resume.
  fakes::Fault long_wait(fakes::FaultKind::k429, "/v1/");
  long_wait.retry_after_seconds = 7200;
  fake_.QueueFault(long_wait);
  ASSERT_EQ(Enrich({}, summary), 3) << last_.out << last_.err;
  EXPECT_EQ(std::string_view(summary["stop"]), "rate_limited");
  const std::string resume_at = std::string(std::string_view(summary["resume_at"]));
  EXPECT_NE(std::string_view(summary["message"]).find("resume after " + resume_at),
            std::string::npos);
  const auto text = Run({"enrich", "spotify"});  // before the resume time: nothing is sent
  EXPECT_EQ(text.exit_code, 3);
  EXPECT_NE(text.out.find("after " + resume_at), std::string::npos) << text.out;
  const int64_t requests = fake_.TotalRequests();
  ASSERT_EQ(Enrich({}, summary), 3);
  EXPECT_EQ(fake_.TotalRequests(), requests);

  // After it, everything due is fetched.
  ResumeTimePasses();
  ASSERT_EQ(Enrich({}, summary), 0) << last_.out << last_.err;
  EXPECT_EQ(std::string_view(summary["stop"]), "done");
  EXPECT_FALSE(bool(summary["work_left"]));
  const auto queue = summary["queue"]["kinds"];
  EXPECT_EQ(uint64_t(queue["tracks"]["fetched"]), served_tracks_.size());
  EXPECT_EQ(uint64_t(queue["tracks"]["not_found"]), 1u);
  EXPECT_EQ(uint64_t(queue["tracks"]["pending"]), 0u);
  EXPECT_EQ(uint64_t(summary["queue"]["search"]["accepted"]), 1u);
  EXPECT_EQ(BronzeObjects("tracks"), served_tracks_.size());
  EXPECT_GT(BronzeObjects("albums"), 0u);
  EXPECT_GT(BronzeObjects("artists"), 0u);
  EXPECT_GT(BronzeObjects("episodes"), 0u);
  EXPECT_GT(BronzeObjects("shows"), 0u);
  for (const std::string& id : served_tracks_)
    EXPECT_EQ(fake_.SuccessfulFetches("tracks", id), 1) << id;
  EXPECT_EQ(fake_.SuccessfulFetches("tracks", missing_), 0);
  const std::string state = testing::ReadFile(lake_ / std::string(lake::kSpotifyEnrichmentKey));
  EXPECT_NE(state.find("\"" + missing_ + "\""), std::string::npos);
  const std::string decisions =
      testing::ReadFile(lake_ / std::string(lake::kSpotifySearchDecisionsKey));
  EXPECT_NE(decisions.find("\"" + searched_ + "\""), std::string::npos);

  // Nothing more is due: the next run sends nothing and exits 0.
  const int64_t before = fake_.TotalRequests();
  EXPECT_EQ(Enrich({}, summary), 0);
  EXPECT_EQ(fake_.TotalRequests(), before);

  // Silver now carries the catalogue metadata of the fetched tracks.
  const auto build = Run({"build", "--layer", "silver"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  storage::LocalStore store(lake_);
  const parquet::Batch tracks =
      tables::ReadTable(store, lake::SilverTable("tracks"), {"track_id", "metadata_source"});
  size_t from_spotify = 0;
  for (size_t row = 0; row < tracks.num_rows(); ++row) {
    const std::string id = Text(tracks.column(0), row);
    const bool filled = Text(tracks.column(1), row) == "spotify";
    from_spotify += filled;
    if (served_tracks_.contains(id)) {
      EXPECT_TRUE(filled) << id;
    }
    if (id == missing_) {
      EXPECT_FALSE(filled) << id;
    }
  }
  EXPECT_EQ(from_spotify, served_tracks_.size());  // the searched track too, by its accepted id
  // The searched track's plays now carry the accepted id, the match's artist and album ids, and
  // say how they were resolved; none keeps the name key.
  const parquet::Batch events =
      tables::ReadTable(store, lake::SilverTable("listening_events"),
                        {"track_id", "track_uri", "artist_id", "album_id", "name_resolution"});
  size_t searched_plays = 0;
  for (size_t row = 0; row < events.num_rows(); ++row) {
    const std::string id = Text(events.column("track_id"), row);
    EXPECT_NE(id, searched_key_);
    if (id != searched_) continue;
    ++searched_plays;
    EXPECT_EQ(Text(events.column("track_uri"), row), "spotify:track:" + searched_);
    EXPECT_EQ(Text(events.column("artist_id"), row), searched_artist_);
    EXPECT_EQ(Text(events.column("album_id"), row), searched_album_);
    EXPECT_EQ(Text(events.column("name_resolution"), row), "search");
  }
  EXPECT_GT(searched_plays, 0u);
  EXPECT_NE(build.out.find("by search"), std::string::npos) << build.out;

  const auto status = Run({"status"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("Spotify enrichment"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("tracks"), std::string::npos);
  // status --json carries the same queue: every served track fetched.
  const auto json = Run({"--json", "status"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  simdjson::dom::parser parser;
  simdjson::dom::element enrichment = parser.parse(json.out)["spotify_enrichment"];
  EXPECT_TRUE(enrichment["silver_built"].get_bool().value()) << json.out;
  EXPECT_EQ(int64_t(enrichment["queue"]["kinds"]["tracks"]["fetched"]),
            int64_t(served_tracks_.size()))
      << json.out;
}

}  // namespace
}  // namespace uw
