#include "pipeline/enrich/enrichment_state.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/lake_paths.h"
#include "storage/memory_store.h"

namespace uw::enrich {
namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kDay = 24 * 60 * kMinute;
constexpr int64_t kT0 = 1'750'000'000'000;

TEST(RetrySchedules, NotFoundBacksOffToHalfAYear) {
  EXPECT_EQ(NotFoundRetryDelayMs(1), 7 * kDay);
  EXPECT_EQ(NotFoundRetryDelayMs(2), 30 * kDay);
  EXPECT_EQ(NotFoundRetryDelayMs(3), 90 * kDay);
  EXPECT_EQ(NotFoundRetryDelayMs(4), 180 * kDay);
  EXPECT_EQ(NotFoundRetryDelayMs(40), 180 * kDay);
}

TEST(RetrySchedules, FailuresDoubleFromFifteenMinutesUpToADay) {
  EXPECT_EQ(FailureRetryDelayMs(1), 15 * kMinute);
  EXPECT_EQ(FailureRetryDelayMs(2), 30 * kMinute);
  EXPECT_EQ(FailureRetryDelayMs(4), 120 * kMinute);
  EXPECT_EQ(FailureRetryDelayMs(7), 960 * kMinute);
  EXPECT_EQ(FailureRetryDelayMs(8), kDay);
  EXPECT_EQ(FailureRetryDelayMs(1000), kDay);
}

TEST(EnrichmentState, NotFoundWaitsForItsScheduleAndCounts) {
  EnrichmentState state;
  state.RecordNotFound("tracks", "a", kT0, false);
  EXPECT_TRUE(state.Waiting("tracks", "a", kT0 + 7 * kDay - 1));
  EXPECT_FALSE(state.Waiting("tracks", "a", kT0 + 7 * kDay));
  EXPECT_FALSE(state.Waiting("artists", "a", kT0));  // kinds are separate
  state.RecordNotFound("tracks", "a", kT0 + 8 * kDay, false);
  const NotFound* nf = state.FindNotFound("tracks", "a");
  ASSERT_NE(nf, nullptr);
  EXPECT_EQ(nf->attempts, 2);
  EXPECT_EQ(nf->first_at_ms, kT0);
  EXPECT_EQ(nf->last_at_ms, kT0 + 8 * kDay);
  EXPECT_EQ(nf->next_retry_at_ms, kT0 + 38 * kDay);
}

TEST(EnrichmentState, InvalidIdsNeverComeBack) {
  EnrichmentState state;
  state.RecordNotFound("albums", "bad id", kT0, true);
  EXPECT_TRUE(state.Waiting("albums", "bad id", kT0 + 10000 * kDay));
}

TEST(EnrichmentState, FailureIsNeverANotFound) {
  EnrichmentState state;
  state.RecordFailure("tracks", "a", kT0, 503, "HTTP 503");
  state.RecordFailure("tracks", "a", kT0 + kDay, 0, "timeout");
  EXPECT_EQ(state.FindNotFound("tracks", "a"), nullptr);
  const Failure* f = state.FindFailure("tracks", "a");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->attempts, 2);
  EXPECT_EQ(f->last_status, 0);
  EXPECT_EQ(f->last_error, "timeout");
  EXPECT_EQ(f->next_retry_at_ms, kT0 + kDay + 30 * kMinute);
  EXPECT_TRUE(state.Waiting("tracks", "a", kT0 + kDay + 29 * kMinute));
  EXPECT_FALSE(state.Waiting("tracks", "a", kT0 + kDay + 30 * kMinute));
}

TEST(EnrichmentState, OutcomesReplaceEachOther) {
  EnrichmentState state;
  state.RecordFailure("tracks", "a", kT0, 500, "HTTP 500");
  state.RecordNotFound("tracks", "a", kT0, false);  // a real 404 after a failure
  EXPECT_EQ(state.FindFailure("tracks", "a"), nullptr);
  ASSERT_NE(state.FindNotFound("tracks", "a"), nullptr);
  state.RecordFetched("tracks", "a");  // it came back
  EXPECT_EQ(state.FindNotFound("tracks", "a"), nullptr);
  EXPECT_TRUE(state.not_found.empty());
  EXPECT_FALSE(state.Waiting("tracks", "a", kT0));
}

TEST(EnrichmentState, RoundTripsThroughTheLake) {
  EnrichmentState state;
  state.RecordNotFound("tracks", "gone", kT0, false);
  state.RecordNotFound("albums", "bad", kT0, true);
  state.RecordFailure("artists", "slow \"one\"", kT0, 502, "HTTP 502 \"bad gateway\"\n");
  state.batch_unavailable["tracks"] = kT0;
  state.resume_after_ms = kT0 + 3600'000;
  state.stop_reason = "rate_limited";
  storage::MemoryStore lake("enrichment-state-round-trip");
  SaveEnrichmentState(lake, state);
  const EnrichmentState back = LoadEnrichmentState(lake);
  EXPECT_EQ(EnrichmentStateToJson(back), EnrichmentStateToJson(state));
  EXPECT_EQ(back.resume_after_ms, kT0 + 3600'000);
  ASSERT_NE(back.FindFailure("artists", "slow \"one\""), nullptr);
  EXPECT_EQ(back.FindFailure("artists", "slow \"one\"")->last_error, "HTTP 502 \"bad gateway\"\n");
  EXPECT_TRUE(back.FindNotFound("albums", "bad")->invalid);
  EXPECT_EQ(back.batch_unavailable.at("tracks"), kT0);
}

TEST(EnrichmentState, MissingFileIsEmptyDamagedFileIsAnError) {
  storage::MemoryStore lake("enrichment-state-damaged");
  EXPECT_TRUE(LoadEnrichmentState(lake).not_found.empty());
  lake.Put(lake::kSpotifyEnrichmentKey, "{\"format\":1,\"not_found\":{\"tracks\":{\"a\":{\"attempts\":\"x\"}}}}");
  try {
    LoadEnrichmentState(lake);
    FAIL() << "expected kCorrupt";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kCorrupt);
    EXPECT_NE(std::string(e.what()).find("enrichment.json"), std::string::npos) << e.what();
  }
  lake.Put(lake::kSpotifyEnrichmentKey, "garbage");
  EXPECT_THROW(LoadEnrichmentState(lake), Error);
}

}  // namespace
}  // namespace uw::enrich
