// Issue 6 item 3, done when: "ingest over 500 simulated hourly polls with random faults loses no
// play, duplicates none, and its cursor never goes backwards". In process, deterministic: one
// seed for the plays and one for the fake's faults, FakeClock so nothing really sleeps.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <random>

#include "core/error.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/ingest/ingest_state.h"
#include "pipeline/ingest/ingest_test_support.h"

namespace uw::ingest {
namespace {

using test::Harness;
using test::kHourMs;
using test::kStartMs;

constexpr int kReachable = 50;  // Spotify's recently-played window (formats.md §3.1)

// Generates the listening online, one hour at a time, so that it never asks the impossible:
// every play not yet fetched by a successful poll must still be among the newest 50 when the
// next poll that could see it comes (only the last 50 are reachable; the real service would
// lose the rest, and the export is then the only source). Plays are added in played_at order,
// so "plays newer than p" is "plays after p in `plays_`". A late play (offline sync) counts as
// pending from the start, which keeps it inside the window when it appears.
class Listening {
 public:
  Listening(Harness& harness, uint64_t seed) : harness_(harness), rng_(seed) {}

  // Plays ending in (from_ms, to_ms]: 0–30, fewer when a pending play would fall out of reach;
  // ~10 % of them become visible 1–5 hours late.
  void Hour(int64_t from_ms, int64_t to_ms) {
    const int wanted = Uniform(0, 30);
    const int n = std::max(0, std::min(wanted, Room()));
    std::set<int64_t> ends;
    while (static_cast<int>(ends.size()) < n) ends.insert(from_ms + 1 + Uniform(0, kHourMs - 1));
    for (int64_t end : ends) {
      const bool late = Uniform(0, 9) == 0;
      const int64_t visible = late ? end + Uniform(kHourMs, 5 * kHourMs) : end;
      harness_.Play(Uniform(0, 59), end, visible);
      plays_.push_back({end, visible, false});
      late_plays_ += late;
    }
    reduced_hours_ += n < wanted;
  }

  // A poll at now_ms succeeded: the newest 50 visible plays were returned.
  void Fetched(int64_t now_ms) {
    int seen = 0;
    for (auto it = plays_.rbegin(); it != plays_.rend() && seen < kReachable; ++it) {
      if (it->visible_ms > now_ms) continue;
      it->fetched = true;
      ++seen;
    }
  }

  size_t Unfetched() const {
    size_t n = 0;
    for (const auto& p : plays_) n += !p.fetched;
    return n;
  }
  size_t plays() const { return plays_.size(); }
  int late_plays() const { return late_plays_; }
  int reduced_hours() const { return reduced_hours_; }

 private:
  struct GeneratedPlay {
    int64_t played_at_ms, visible_ms;
    bool fetched;
  };

  // How many new (newest) plays keep the oldest pending play among the newest 50.
  int Room() {
    while (first_pending_ < plays_.size() && plays_[first_pending_].fetched) ++first_pending_;
    if (first_pending_ == plays_.size()) return kReachable;
    const size_t newer = plays_.size() - 1 - first_pending_;
    return static_cast<int>(kReachable - 1 - static_cast<int64_t>(newer));
  }
  int64_t Uniform(int64_t low, int64_t high) {
    return std::uniform_int_distribution<int64_t>(low, high)(rng_);
  }

  Harness& harness_;
  std::mt19937_64 rng_;
  std::vector<GeneratedPlay> plays_;
  size_t first_pending_ = 0;
  int late_plays_ = 0;
  int reduced_hours_ = 0;
};

fakes::Fault RecentlyPlayedFault(fakes::FaultKind kind, int times, int retry_after_seconds = 1) {
  fakes::Fault fault;
  fault.kind = kind;
  fault.path_prefix = "/v1/me/player/recently-played";
  fault.times = times;
  fault.retry_after_seconds = retry_after_seconds;
  return fault;
}

TEST(HourlyPolls, FiveHundredPollsWithFaultsLoseNothingDuplicateNothingAndKeepTheCursor) {
  constexpr int kPolls = 500;
  constexpr int kQuietHoursAtEnd = 6;  // late plays of the last hours still get to appear
  Harness h("hourly-500");
  Listening listening(h, 20251122);
  h.fake.SetRandomFaults(
      0.15,
      {fakes::FaultKind::k429, fakes::FaultKind::k500, fakes::FaultKind::k502,
       fakes::FaultKind::k503, fakes::FaultKind::kFloatsForInts, fakes::FaultKind::kShuffledItems},
      7);
  std::vector<int64_t> cursors;
  int polled = 0, failed = 0, stopped = 0, skipped = 0;
  for (int hour = 1; hour <= kPolls; ++hour) {
    const int64_t now = kStartMs + hour * kHourMs;
    if (hour <= kPolls - kQuietHoursAtEnd) listening.Hour(now - kHourMs, now);
    h.SetNow(now);
    // Whole polls that fail after every retry, and a long rate limit now and then.
    if (hour % 41 == 13) h.fake.QueueFault(RecentlyPlayedFault(fakes::FaultKind::k503, 3));
    if (hour % 97 == 50) h.fake.QueueFault(RecentlyPlayedFault(fakes::FaultKind::k429, 1, 5400));
    try {
      const IngestSummary s = h.Run();
      if (s.outcome == IngestOutcome::kPolled) {
        ++polled;
        listening.Fetched(now);
      }
      stopped += s.outcome == IngestOutcome::kStopped;
      skipped += s.outcome == IngestOutcome::kSkipped;
    } catch (const Error&) {
      ++failed;
    }
    cursors.push_back(ReadIngestState(h.lake).cursor_ms);
    ASSERT_GE(cursors.back(), cursors.size() > 1 ? cursors[cursors.size() - 2] : 0)
        << "cursor went backwards at poll " << hour;
    if (hour % 100 == 0) h.SilverPlays();  // builds along the way: incremental and full
  }

  // The scenario did what it says (the figures go to --gtest_output=xml).
  RecordProperty("plays", static_cast<int>(listening.plays()));
  RecordProperty("late_plays", listening.late_plays());
  RecordProperty("hours_with_fewer_plays", listening.reduced_hours());
  RecordProperty("polls_ok_failed_stopped_skipped",
                 fmt::format("{}/{}/{}/{}", polled, failed, stopped, skipped));
  RecordProperty("bronze_responses", static_cast<int>(h.BronzeKeys().size()));
  EXPECT_EQ(listening.Unfetched(), 0u) << "the generator let a play fall out of reach";
  EXPECT_GT(listening.plays(), 2500u);
  EXPECT_GT(listening.late_plays(), 150);
  EXPECT_GE(failed, 10);
  EXPECT_GE(stopped, 4);
  EXPECT_GE(skipped, 4);
  EXPECT_GT(polled, 450);
  for (auto kind : {fakes::FaultKind::k429, fakes::FaultKind::k500, fakes::FaultKind::k502,
                    fakes::FaultKind::k503, fakes::FaultKind::kFloatsForInts,
                    fakes::FaultKind::kShuffledItems}) {
    EXPECT_GT(h.fake.FaultsInjected(kind), 5) << fakes::FaultKindName(kind);
  }

  // Every play exactly once, nothing else; the cursor ends at the newest play.
  const auto silver = h.SilverPlays();
  EXPECT_EQ(silver.size(), h.truth.size());
  EXPECT_EQ(silver, test::AsMultiset(h.truth));
  EXPECT_EQ(
      cursors.back(),
      h.truth.empty()
          ? 0
          : std::max_element(h.truth.begin(), h.truth.end(), [](const auto& a, const auto& b) {
              return a.second < b.second;
            })->second);
  // Responses with nothing new were not landed.
  EXPECT_LT(h.BronzeKeys().size(), static_cast<size_t>(polled));
}

}  // namespace
}  // namespace uw::ingest
