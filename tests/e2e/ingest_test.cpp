// End-to-end: `unwrapped ingest` and `unwrapped run hourly` as a scheduler runs them, headless
// (client id and refresh token in the environment), against a FakeSpotify in this process.
// Ingesting twice lands the second (unchanged) response nowhere; `run hourly` lands, builds and
// loads the plays into SQLite; a long Retry-After stops the run with exit 3 and the resume time,
// and runs before that time call nothing.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <map>
#include <string>

#include "fakes/fake_spotify.h"
#include "testing/testing.h"
#include "warehouse/connection.h"
#include "warehouse/sql_text.h"
#include "warehouse/warehouse_url.h"

namespace uw {
namespace {

namespace fs = std::filesystem;
using fakes::FakeSpotify;
using testing::RunUnwrapped;

class IngestE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    now_ms_ = fake_.NowMs();
    for (int i = 0; i < 8; ++i) {
      fakes::TrackSpec track;
      track.id = fakes::FakeId("e2e-ingest-" + std::to_string(i));
      track.name = "Song " + std::to_string(i);
      track.artists = {{fakes::FakeId("e2e-artist"), "The Fakes"}};
      track.album.id = fakes::FakeId("e2e-album");
      track.album.name = "Loopback";
      track.album.artists = track.artists;
      tracks_.push_back(track.id);
      fake_.AddTrack(std::move(track));
    }
    refresh_token_ = fake_.IssueRefreshToken();
  }

  // Plays of the last minutes, `count` of them, ending before the fake's now.
  void AddPlays(int count) {
    for (int i = 0; i < count; ++i) {
      fake_.AddPlay(tracks_[(plays_ + i) % tracks_.size()],
                    now_ms_ - (count - i) * 200000 + plays_);
    }
    plays_ += count;
  }

  std::map<std::string, std::string> Env() const {
    return {{"UNWRAPPED_SPOTIFY_API_URL", fake_.api_url()},
            {"UNWRAPPED_SPOTIFY_ACCOUNTS_URL", fake_.accounts_url()},
            {"UNWRAPPED_SPOTIFY_CLIENT_ID", std::string(FakeSpotify::kClientId)},
            {"UNWRAPPED_SPOTIFY_REFRESH_TOKEN", refresh_token_},
            {"UNWRAPPED_SPOTIFY_CREDENTIALS_FILE", (dir_ / "credentials.json").string()},
            {"UNWRAPPED_SPOTIFY_MAX_ATTEMPTS", "2"},
            {"UNWRAPPED_SPOTIFY_RETRY_BASE_MS", "1"},
            {"UNWRAPPED_LAKE", lake_.string()}};
  }

  testing::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), "--no-progress");
    return RunUnwrapped(args, Env());
  }

  size_t BronzeResponses() const {
    const fs::path folder = lake_ / "bronze/spotify_api/recently_played";
    if (!fs::exists(folder)) return 0;
    size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(folder)) n += e.is_regular_file();
    return n;
  }

  int64_t WarehousePlays(const fs::path& db) {
    auto c = warehouse::Connect(warehouse::ParseWarehouseUrl("sqlite:" + db.string()));
    const std::string table =
        warehouse::TableName(warehouse::Dialect::kSqlite, "core", "fact_tracks_history");
    return std::stoll(*c->Query("SELECT COUNT(*) FROM " + table).at(0).at(0));
  }

  FakeSpotify fake_;
  testing::TempDir dir_;
  fs::path lake_ = dir_ / "lake";
  std::vector<std::string> tracks_;
  std::string refresh_token_;
  int64_t now_ms_ = 0;
  int plays_ = 0;
};

int64_t JsonInt(const std::string& json, const char* key) {
  simdjson::dom::parser parser;
  return int64_t(parser.parse(json)[key]);
}

TEST_F(IngestE2e, IngestTwiceLandsTheSecondUnchangedResponseNowhere) {
  AddPlays(5);
  const auto first = Run({"--json", "ingest"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(JsonInt(first.out, "responses_landed"), 1);
  EXPECT_EQ(JsonInt(first.out, "new_plays"), 5);
  EXPECT_EQ(BronzeResponses(), 1u);
  EXPECT_TRUE(fs::exists(lake_ / "_state/spotify/cursor.json"));

  const auto second = Run({"ingest"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("0 landed"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("(unchanged)"), std::string::npos) << second.out;
  EXPECT_EQ(BronzeResponses(), 1u);
  const auto status = Run({"status"});
  EXPECT_NE(status.out.find("Recently played (ingest)\n  cursor 20"), std::string::npos)
      << status.out;
  // The same in status --json: the cursor is the newest landed play, as an ISO time.
  const auto json = Run({"--json", "status"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  simdjson::dom::parser parser;
  simdjson::dom::element ingest = parser.parse(json.out)["spotify_ingest"];
  const std::string_view cursor = ingest["cursor"].get_string().value();
  EXPECT_TRUE(cursor.starts_with("20")) << json.out;
  EXPECT_TRUE(ingest["last_poll"].is_string()) << json.out;
  EXPECT_TRUE(ingest["resume_after"].is_null()) << json.out;
  // Secrets never reach the output.
  EXPECT_EQ(first.out.find(refresh_token_), std::string::npos);
  EXPECT_EQ(second.err.find(refresh_token_), std::string::npos);
}

TEST_F(IngestE2e, RunHourlyLandsBuildsAndLoadsThePlays) {
  AddPlays(6);
  const auto first = Run({"run", "hourly"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("Ingest:"), std::string::npos) << first.out;
  EXPECT_EQ(WarehousePlays(lake_ / "warehouse.db"), 6);  // load's default target

  AddPlays(3);
  const fs::path other = dir_ / "other.db";
  const auto second = Run({"--json", "run", "hourly", "--load", "sqlite:" + other.string()});
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  simdjson::dom::parser parser;
  const auto doc = parser.parse(second.out);
  EXPECT_EQ(int64_t(doc["ingest"]["new_plays"]), 3);
  EXPECT_TRUE(doc["failed_step"].is_null());
  EXPECT_EQ(WarehousePlays(other), 9);
}

TEST_F(IngestE2e, ALongRetryAfterStopsWithTheResumeTimeAndLaterRunsCallNothing) {
  AddPlays(4);
  ASSERT_EQ(Run({"ingest"}).exit_code, 0);
  AddPlays(2);
  fakes::Fault fault;
  fault.kind = fakes::FaultKind::k429;
  fault.path_prefix = "/v1/me/player/recently-played";
  fault.retry_after_seconds = 7200;
  fake_.QueueFault(fault);
  const auto stopped = Run({"ingest"});
  EXPECT_EQ(stopped.exit_code, 3) << stopped.out << stopped.err;  // partial: the next run resumes
  EXPECT_NE(stopped.out.find("stopped"), std::string::npos) << stopped.out;
  EXPECT_NE(stopped.out.find("resume after 20"), std::string::npos) << stopped.out;
  EXPECT_EQ(BronzeResponses(), 1u);

  const int64_t requests = fake_.TotalRequests();
  const auto skipped = Run({"--json", "ingest"});
  EXPECT_EQ(skipped.exit_code, 3);
  simdjson::dom::parser parser;
  const auto doc = parser.parse(skipped.out);
  EXPECT_EQ(std::string_view(doc["outcome"]), "skipped");
  EXPECT_GT(int64_t(doc["resume_after_ms"]), now_ms_ + 7100 * 1000);

  // The hourly job still builds and loads what landed, and exits 3 like the ingest.
  const auto hourly = Run({"run", "hourly"});
  EXPECT_EQ(hourly.exit_code, 3) << hourly.out << hourly.err;
  EXPECT_NE(hourly.out.find("Ingest skipped"), std::string::npos) << hourly.out;
  EXPECT_EQ(WarehousePlays(lake_ / "warehouse.db"), 4);
  EXPECT_EQ(fake_.TotalRequests(), requests);  // neither run sent anything to Spotify
}

TEST_F(IngestE2e, AFailedIngestStopsTheHourlyRunBeforeTheBuild) {
  AddPlays(3);
  fake_.RevokeRefreshTokens();  // the six-month expiry: invalid_grant
  const auto r = Run({"run", "hourly"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("unwrapped auth spotify"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("the ingest step failed"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(lake_ / "silver"));
  EXPECT_FALSE(fs::exists(lake_ / "warehouse.db"));
  EXPECT_EQ(r.err.find(refresh_token_), std::string::npos);
}

TEST_F(IngestE2e, WithoutASignInItIsAUsageError) {
  auto env = Env();
  env.erase("UNWRAPPED_SPOTIFY_REFRESH_TOKEN");
  const auto r = RunUnwrapped({"ingest"}, env);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("auth spotify"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace uw
