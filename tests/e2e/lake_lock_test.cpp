// End-to-end: two `unwrapped` processes on one lake. An `ingest` holds the lake lock while the
// FakeSpotify holds its recently-played request (a timeout fault that only ends when the fake
// stops), so the test decides when the first run finishes and nothing depends on timing. A
// second writing command with --lock-wait 0 is turned away at once (exit 1, the holder named);
// with a wait it waits, says so, and succeeds once the first run has finished.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <thread>

#include "core/poll.h"
#include "fakes/fake_spotify.h"
#include "testing/testing.h"

namespace uw {
namespace {

namespace fs = std::filesystem;
using fakes::FakeSpotify;
using testing::RunUnwrapped;

constexpr const char* kRecentlyPlayed = "/v1/me/player/recently-played";

// A generous bound for what happens without waiting on anything else: it only ends a broken test.
bool Eventually(const std::function<bool()>& condition) {
  return core::PollUntil(condition, std::chrono::seconds(60), std::chrono::milliseconds(20));
}

// Runs a function when it goes out of scope.
class AtExit {
 public:
  explicit AtExit(std::function<void()> f) : f_(std::move(f)) {}
  ~AtExit() { f_(); }
  AtExit(const AtExit&) = delete;
  AtExit& operator=(const AtExit&) = delete;

 private:
  std::function<void()> f_;
};

class LakeLockE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    fakes::TrackSpec track;
    track.id = fakes::FakeId("e2e-lock-track");
    track.name = "Waiting Song";
    track.artists = {{fakes::FakeId("e2e-lock-artist"), "The Queue"}};
    track.album.id = fakes::FakeId("e2e-lock-album");
    track.album.name = "Held";
    track.album.artists = track.artists;
    fake_->AddTrack(track);
    fake_->AddPlay(track.id, fake_->NowMs() - 60'000);
    env_ = {{"UNWRAPPED_SPOTIFY_API_URL", fake_->api_url()},
            {"UNWRAPPED_SPOTIFY_ACCOUNTS_URL", fake_->accounts_url()},
            {"UNWRAPPED_SPOTIFY_CLIENT_ID", std::string(FakeSpotify::kClientId)},
            {"UNWRAPPED_SPOTIFY_REFRESH_TOKEN", fake_->IssueRefreshToken()},
            {"UNWRAPPED_SPOTIFY_CREDENTIALS_FILE", (dir_ / "credentials.json").string()},
            // The held request must outlast the test's checks, not the client's timeout.
            {"UNWRAPPED_SPOTIFY_TIMEOUT_SECONDS", "3600"},
            {"UNWRAPPED_SPOTIFY_MAX_ATTEMPTS", "1"},
            {"UNWRAPPED_LAKE", lake_.string()}};
    // Held until the fake stops (its destructor wakes held requests).
    fakes::Fault hold(fakes::FaultKind::kTimeout, kRecentlyPlayed);
    hold.timeout_ms = 3'600'000;
    fake_->QueueFault(hold);
  }

  testing::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), "--no-progress");
    return RunUnwrapped(args, env_);
  }

  std::string LakeLog() const {
    const fs::path log = lake_ / "_state/logs/unwrapped.log";
    return fs::exists(log) ? testing::ReadFile(log) : std::string();
  }

  testing::TempDir dir_;
  fs::path lake_ = dir_ / "lake";
  std::map<std::string, std::string> env_;
  std::optional<FakeSpotify> fake_{std::in_place};
};

TEST_F(LakeLockE2e, ASecondWriterWaitsForTheFirstOrIsTurnedAwayWithoutAWait) {
  testing::RunResult holder, waiter;
  std::jthread holder_run, waiter_run;
  // Stopping the fake ends the held request and with it the first run; on every way out of this
  // test, before the threads are joined.
  const auto finish_holder = [&] { fake_.reset(); };
  const AtExit stop_on_exit(finish_holder);
  holder_run = std::jthread([&] { holder = Run({"ingest"}); });
  // The ingest holds the lake lock from before its first request to its end.
  ASSERT_TRUE(Eventually([&] { return fake_->RequestCount(kRecentlyPlayed) > 0; }))
      << "the ingest never asked for recently-played";
  ASSERT_TRUE(fs::exists(lake_ / "_state/lock.json"));

  const auto refused = Run({"--lock-wait", "0", "build"});
  EXPECT_EQ(refused.exit_code, 1) << refused.out << refused.err;
  EXPECT_NE(refused.err.find("is in use by `unwrapped ingest` (pid"), std::string::npos)
      << refused.err;

  waiter_run = std::jthread([&] { waiter = Run({"-v", "--lock-wait", "3600", "build"}); });
  // Only once the waiter has said it waits does the first run get to finish.
  const bool said = Eventually([&] {
    return LakeLog().find("waiting up to 3600 s for the lake lock held by `unwrapped ingest`") !=
           std::string::npos;
  });
  finish_holder();
  ASSERT_TRUE(said) << LakeLog();
  holder_run.join();
  waiter_run.join();
  EXPECT_NE(holder.exit_code, 0) << "the held request should have failed the ingest";
  EXPECT_EQ(waiter.exit_code, 0) << waiter.out << waiter.err;
  EXPECT_NE(waiter.err.find("waiting up to 3600 s"), std::string::npos) << waiter.err;
  EXPECT_FALSE(fs::exists(lake_ / "_state/lock.json")) << "the waiter left its lock behind";
}

}  // namespace
}  // namespace uw
