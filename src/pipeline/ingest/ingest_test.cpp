// Ingest runs against the in-process FakeSpotify: what lands, what does not, the cursor, gaps,
// rate-limit stops and sign-in failures.
#include "pipeline/ingest/ingest.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "core/error.h"
#include "pipeline/ingest/ingest_state.h"
#include "pipeline/ingest/ingest_test_support.h"
#include "pipeline/ingest/response_lander.h"

namespace uw::ingest {
namespace {

using test::Harness;
using test::kHourMs;
using test::kStartMs;

size_t ItemsIn(const std::string& body) {
  simdjson::dom::parser parser;
  return simdjson::dom::array(parser.parse(body)["items"]).size();
}

TEST(Ingest, FirstPollLandsTheResponseAndSetsTheCursor) {
  Harness h("first-poll");
  for (int i = 0; i < 5; ++i) h.Play(i, kStartMs - (5 - i) * 240000);
  const IngestSummary s = h.Run();
  EXPECT_EQ(s.outcome, IngestOutcome::kPolled);
  EXPECT_EQ(IngestExitCode(s), 0);
  EXPECT_EQ(s.responses_fetched, 1u);
  EXPECT_EQ(s.new_plays, 5u);
  EXPECT_EQ(s.late_arrivals, 0u);
  EXPECT_FALSE(s.possible_gap);
  ASSERT_EQ(h.BronzeKeys(), std::vector<std::string>{ResponseKey(kStartMs, 1)});
  EXPECT_EQ(s.landed_keys, h.BronzeKeys());
  EXPECT_EQ(ItemsIn(h.lake.Get(h.BronzeKeys()[0])), 5u);
  const IngestState state = ReadIngestState(h.lake);
  EXPECT_EQ(state.cursor_ms, kStartMs - 240000);
  EXPECT_EQ(s.cursor_ms, state.cursor_ms);
  EXPECT_EQ(state.last_poll_ms, kStartMs);
  EXPECT_EQ(state.recent.size(), 5u);
  EXPECT_EQ(h.SilverPlays(), test::AsMultiset(h.truth));
  // Silver takes the plays in with ms_played estimated and flagged (DESIGN §3).
  const parquet::Batch flags =
      tables::ReadTable(h.lake, lake::SilverTable("listening_events"), {"ms_played_estimated"});
  ASSERT_EQ(flags.num_rows(), 5u);
  for (size_t r = 0; r < flags.num_rows(); ++r) EXPECT_TRUE(flags.column(0).GetBool(r));
}

TEST(Ingest, UnchangedSecondPollLandsNothing) {
  Harness h("unchanged");
  for (int i = 0; i < 8; ++i) h.Play(i, kStartMs - (8 - i) * 200000);
  h.Run();
  const std::string state_before = h.lake.Get(lake::kSpotifyCursorKey);
  h.Advance(10 * 60 * 1000);
  const IngestSummary s = h.Run();
  EXPECT_EQ(s.outcome, IngestOutcome::kPolled);
  EXPECT_EQ(s.responses_fetched, 1u);
  EXPECT_EQ(s.items, 8u);
  EXPECT_EQ(s.responses_landed, 0u);
  EXPECT_EQ(s.new_plays, 0u);
  EXPECT_EQ(h.BronzeKeys().size(), 1u);
  EXPECT_EQ(s.cursor_ms, s.previous_cursor_ms);
  const IngestState state = ReadIngestState(h.lake);
  EXPECT_EQ(state.cursor_ms, IngestStateFromJson(state_before, "before").cursor_ms);
  EXPECT_EQ(state.last_poll_ms, kStartMs + 10 * 60 * 1000);  // the poll itself is recorded
}

TEST(Ingest, OneNewPlayLandsTheWholeResponse) {
  Harness h("one-new");
  for (int i = 0; i < 4; ++i) h.Play(i, kStartMs - (4 - i) * 200000);
  h.Run();
  h.Play(9, kStartMs + 60000);
  h.Advance(5 * 60 * 1000);
  const IngestSummary s = h.Run();
  EXPECT_EQ(s.new_plays, 1u);
  ASSERT_EQ(s.landed_keys.size(), 1u);
  EXPECT_EQ(ItemsIn(h.lake.Get(s.landed_keys[0])), 5u);  // raw: repeats stay in the response
  EXPECT_EQ(s.cursor_ms, kStartMs + 60000);
  EXPECT_EQ(h.SilverPlays(), test::AsMultiset(h.truth));  // silver merges the repeats
}

TEST(Ingest, LateArrivalOlderThanTheCursorIsLanded) {
  Harness h("late");
  for (int i = 0; i < 6; ++i) h.Play(i, kStartMs - (6 - i) * 300000);
  // Played before everything above, synced from an offline device two hours later.
  h.Play(20, kStartMs - 40 * 60 * 1000, kStartMs + 2 * kHourMs);
  const IngestSummary first = h.Run();
  EXPECT_EQ(first.new_plays, 6u);
  h.Advance(kHourMs);
  EXPECT_EQ(h.Run().responses_landed, 0u);  // not visible yet
  h.Advance(kHourMs);
  const IngestSummary s = h.Run();
  EXPECT_EQ(s.new_plays, 1u);
  EXPECT_EQ(s.late_arrivals, 1u);
  EXPECT_EQ(s.responses_landed, 1u);
  EXPECT_EQ(s.cursor_ms, first.cursor_ms);  // an older play never moves the cursor
  EXPECT_EQ(h.SilverPlays(), test::AsMultiset(h.truth));
}

TEST(Ingest, MoreThanFiftyPlaysBetweenPollsReportsAGapAndFabricatesNothing) {
  Harness h("gap");
  for (int i = 0; i < 10; ++i) h.Play(i, kStartMs - (10 - i) * 200000);
  h.Run();
  std::vector<int64_t> later;
  for (int i = 0; i < 80; ++i) {
    later.push_back(kStartMs + (i + 1) * 180000);
    h.Play(i, later.back());
  }
  h.SetNow(kStartMs + 81 * 180000);
  const IngestSummary s = h.Run();
  EXPECT_EQ(s.new_plays, 50u);
  EXPECT_TRUE(s.possible_gap);
  EXPECT_EQ(s.oldest_reachable_ms, later[30]);  // the 50 newest of 80
  EXPECT_EQ(s.previous_cursor_ms, kStartMs - 200000);
  EXPECT_NE(IngestSummaryToText(s).find("possible gap"), std::string::npos);
  EXPECT_NE(IngestSummaryToJson(s).find("\"possible_gap\":true"), std::string::npos);
  // Silver holds exactly what Spotify returned: the 10 first plays and the newest 50.
  const auto silver = h.SilverPlays();
  EXPECT_EQ(silver.size(), 60u);
  for (const auto& play : silver) EXPECT_TRUE(h.truth.count(play)) << play.first;
  for (int i = 0; i < 30; ++i) EXPECT_EQ(silver.count({h.track_ids[i], later[i]}), 0u);
}

TEST(Ingest, FirstPollOfAFullWindowIsNoGap) {
  Harness h("full-first");
  for (int i = 0; i < 70; ++i) h.Play(i, kStartMs - (70 - i) * 100000);
  const IngestSummary s = h.Run();
  EXPECT_EQ(s.new_plays, 50u);
  EXPECT_FALSE(s.possible_gap);  // no cursor yet: older history is the exports' job
}

TEST(Ingest, LongRetryAfterStopsAndEarlierRunsSkipWithoutCallingSpotify) {
  Harness h("retry-after");
  for (int i = 0; i < 3; ++i) h.Play(i, kStartMs - (3 - i) * 200000);
  fakes::Fault fault;
  fault.kind = fakes::FaultKind::k429;
  fault.path_prefix = "/v1/me/player/recently-played";
  fault.retry_after_seconds = 7200;
  h.fake.QueueFault(fault);
  const IngestSummary stopped = h.Run();
  EXPECT_EQ(stopped.outcome, IngestOutcome::kStopped);
  EXPECT_EQ(IngestExitCode(stopped), kExitPartial);
  EXPECT_EQ(stopped.stop_reason, "rate_limited");
  ASSERT_TRUE(stopped.resume_after_ms);
  EXPECT_GE(*stopped.resume_after_ms, kStartMs + 7200 * 1000);
  EXPECT_LE(*stopped.resume_after_ms, kStartMs + 7201 * 1000);
  EXPECT_TRUE(h.BronzeKeys().empty());
  EXPECT_EQ(h.clock.total_slept_ms(), 0);  // too long to wait: no sleep at all
  EXPECT_NE(IngestSummaryToText(stopped).find("resume after " +
                                              http::FormatUtc(*stopped.resume_after_ms)),
            std::string::npos);
  EXPECT_EQ(ReadIngestState(h.lake).resume_after_ms, stopped.resume_after_ms);

  const int64_t requests = h.fake.TotalRequests();
  h.Advance(kHourMs);
  const IngestSummary skipped = h.Run();
  EXPECT_EQ(skipped.outcome, IngestOutcome::kSkipped);
  EXPECT_EQ(IngestExitCode(skipped), kExitPartial);
  EXPECT_EQ(skipped.resume_after_ms, stopped.resume_after_ms);
  EXPECT_EQ(h.fake.TotalRequests(), requests);  // neither the API nor the token endpoint

  h.SetNow(*stopped.resume_after_ms + 1000);
  const IngestSummary resumed = h.Run();
  EXPECT_EQ(resumed.outcome, IngestOutcome::kPolled);
  EXPECT_EQ(resumed.new_plays, 3u);
  EXPECT_FALSE(ReadIngestState(h.lake).resume_after_ms);
}

TEST(Ingest, QuotaExceededStopsTheRun) {
  Harness h("quota");
  h.Play(1, kStartMs - 100000);
  fakes::Fault fault;
  fault.kind = fakes::FaultKind::k429QuotaExceeded;
  fault.retry_after_seconds = 86400;
  h.fake.QueueFault(fault);
  const IngestSummary s = h.Run();
  EXPECT_EQ(s.outcome, IngestOutcome::kStopped);
  EXPECT_EQ(s.stop_reason, "quota_exceeded");
  EXPECT_EQ(ReadIngestState(h.lake).stop_reason, "quota_exceeded");
}

TEST(Ingest, InvalidGrantIsAClearErrorAndIsRecorded) {
  Harness h("invalid-grant");
  h.Play(1, kStartMs - 100000);
  h.Run();
  h.fake.RevokeRefreshTokens();
  h.Advance(kHourMs);
  try {
    h.Run();
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInput);
    EXPECT_NE(std::string(e.what()).find("unwrapped auth spotify"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find(h.settings.spotify_refresh_token), std::string::npos);
  }
  const IngestState state = ReadIngestState(h.lake);
  EXPECT_NE(state.last_error.find("auth spotify"), std::string::npos);
  EXPECT_EQ(state.last_error_ms, kStartMs + kHourMs);
  EXPECT_EQ(state.cursor_ms, kStartMs - 100000);  // untouched
}

TEST(Ingest, AFailedPollChangesNothingAndTheNextOneCatchesUp) {
  Harness h("failed-poll");
  h.Play(1, kStartMs - 100000);
  h.Run();
  h.Play(2, kStartMs + 100000);
  fakes::Fault fault;
  fault.kind = fakes::FaultKind::k503;
  fault.path_prefix = "/v1/me/player/recently-played";
  fault.times = 3;  // every attempt the harness allows
  h.fake.QueueFault(fault);
  h.Advance(kHourMs);
  EXPECT_THROW(h.Run(), http::RequestFailed);
  EXPECT_EQ(h.BronzeKeys().size(), 1u);
  const IngestState failed = ReadIngestState(h.lake);
  EXPECT_EQ(failed.cursor_ms, kStartMs - 100000);
  EXPECT_FALSE(failed.last_error.empty());
  h.Advance(kHourMs);
  const IngestSummary s = h.Run();
  EXPECT_EQ(s.new_plays, 1u);
  EXPECT_TRUE(ReadIngestState(h.lake).last_error.empty());
  EXPECT_EQ(h.SilverPlays(), test::AsMultiset(h.truth));
}

TEST(Ingest, FloatsForIntsAndShuffledItemsStillCount) {
  Harness h("quirks");
  for (int i = 0; i < 6; ++i) h.Play(i, kStartMs - (6 - i) * 200000);
  for (auto kind : {fakes::FaultKind::kFloatsForInts, fakes::FaultKind::kShuffledItems}) {
    fakes::Fault fault;
    fault.kind = kind;
    fault.path_prefix = "/v1/me/player/recently-played";
    h.fake.QueueFault(fault);
  }
  const IngestSummary s = h.Run();
  EXPECT_EQ(s.new_plays, 6u);
  EXPECT_EQ(s.unusable_items, 0u);
  EXPECT_EQ(s.responses_landed, 1u);
  EXPECT_NE(h.lake.Get(s.landed_keys[0]).find(".0,"), std::string::npos);  // raw bytes kept
  h.Advance(kHourMs);
  const IngestSummary again = h.Run();  // shuffled this time: the same plays
  EXPECT_EQ(again.new_plays, 0u);
  EXPECT_EQ(again.responses_landed, 0u);
  EXPECT_EQ(h.SilverPlays(), test::AsMultiset(h.truth));
}

// A store that records the order of writes, to check the state comes after durable bronze.
class RecordingStore : public storage::ObjectStore {
 public:
  explicit RecordingStore(std::string name) : inner_(std::move(name)) {}
  std::string Get(std::string_view key) const override { return inner_.Get(key); }
  std::string GetRange(std::string_view key, uint64_t offset, uint64_t length) const override {
    return inner_.GetRange(key, offset, length);
  }
  std::optional<storage::ObjectInfo> Stat(std::string_view key) const override {
    return inner_.Stat(key);
  }
  void Put(std::string_view key, std::string_view data) override {
    log.push_back("put " + std::string(key));
    inner_.Put(key, data);
  }
  bool PutIfAbsent(std::string_view key, std::string_view data) override {
    log.push_back("put " + std::string(key));
    return inner_.PutIfAbsent(key, data);
  }
  std::vector<storage::ObjectInfo> List(std::string_view prefix) const override {
    return inner_.List(prefix);
  }
  bool Delete(std::string_view key) override { return inner_.Delete(key); }
  void Sync() override { log.push_back("sync"); }
  std::string Url() const override { return inner_.Url(); }

  std::vector<std::string> log;

 private:
  storage::MemoryStore inner_;
};

TEST(Ingest, TheCursorIsWrittenOnlyAfterBronzeIsSynced) {
  Harness h("order");
  for (int i = 0; i < 3; ++i) h.Play(i, kStartMs - (3 - i) * 200000);
  RecordingStore store("ingest-order-recording");
  Ingest(store, SpotifyFetch(h.settings, h.clock), h.clock);
  const std::string response = "put " + ResponseKey(kStartMs, 1);
  const std::string cursor = "put " + std::string(lake::kSpotifyCursorKey);
  EXPECT_EQ(store.log, (std::vector<std::string>{response, "sync", cursor}));
}

TEST(Ingest, TheCursorNeverMovesBackAcrossRuns) {
  Harness h("monotone");
  int64_t last = 0;
  for (int round = 0; round < 6; ++round) {
    // Each round adds a newer play and an older late one.
    h.Play(round, kStartMs + round * kHourMs - 60000);
    h.Play(round + 30, kStartMs + round * kHourMs - 50 * 60000, kStartMs + round * kHourMs);
    h.SetNow(kStartMs + round * kHourMs);
    h.Run();
    const int64_t cursor = ReadIngestState(h.lake).cursor_ms;
    EXPECT_GE(cursor, last);
    last = cursor;
  }
  EXPECT_EQ(last, kStartMs + 5 * kHourMs - 60000);
  EXPECT_EQ(h.SilverPlays(), test::AsMultiset(h.truth));
}

}  // namespace
}  // namespace uw::ingest
