#include "pipeline/ingest/ingest_state.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/lake_paths.h"
#include "storage/memory_store.h"

namespace uw::ingest {
namespace {

TEST(IngestState, AbsentFileIsAFreshState) {
  storage::MemoryStore lake("ingest-state-absent");
  const IngestState state = ReadIngestState(lake);
  EXPECT_EQ(state.cursor_ms, 0);
  EXPECT_EQ(state.last_poll_ms, 0);
  EXPECT_FALSE(state.resume_after_ms);
  EXPECT_TRUE(state.recent.empty());
}

TEST(IngestState, RoundTripsThroughTheLake) {
  storage::MemoryStore lake("ingest-state-round-trip");
  IngestState state;
  state.cursor_ms = 1750000000123;
  state.last_poll_ms = 1750000009999;
  state.resume_after_ms = 1750007200000;
  state.stop_reason = "rate_limited";
  state.last_error = "Spotify said \"no\"\nfor a while";
  state.last_error_ms = 1750000005000;
  state.recent = {{1750000000123, "4uLU6hMCjMI75M1A2tKUQC"}, {1749999990000, "spotify:local:a:b"}};
  WriteIngestState(lake, state);
  const IngestState back = ReadIngestState(lake);
  EXPECT_EQ(back.cursor_ms, state.cursor_ms);
  EXPECT_EQ(back.last_poll_ms, state.last_poll_ms);
  EXPECT_EQ(back.resume_after_ms, state.resume_after_ms);
  EXPECT_EQ(back.stop_reason, state.stop_reason);
  EXPECT_EQ(back.last_error, state.last_error);
  EXPECT_EQ(back.last_error_ms, state.last_error_ms);
  EXPECT_EQ(back.recent, state.recent);
  state.resume_after_ms.reset();
  WriteIngestState(lake, state);
  EXPECT_FALSE(ReadIngestState(lake).resume_after_ms);
}

TEST(IngestState, RecordLandedMovesTheCursorOnlyForward) {
  IngestState state;
  RecordLanded(state, {{100, "a"}, {300, "b"}});
  EXPECT_EQ(state.cursor_ms, 300);
  RecordLanded(state, {{200, "late"}});
  EXPECT_EQ(state.cursor_ms, 300);
  RecordLanded(state, {});
  EXPECT_EQ(state.cursor_ms, 300);
  RecordLanded(state, {{301, "c"}});
  EXPECT_EQ(state.cursor_ms, 301);
  EXPECT_EQ(state.recent.size(), 4u);
}

TEST(IngestState, KeepsOnlyTheNewestKeys) {
  IngestState state;
  std::set<PlayKey> keys;
  for (int64_t i = 0; i < static_cast<int64_t>(kRecentKeysKept) + 40; ++i)
    keys.insert({1000 + i, "t"});
  RecordLanded(state, keys);
  ASSERT_EQ(state.recent.size(), kRecentKeysKept);
  EXPECT_EQ(state.recent.begin()->played_at_ms, 1040);
  EXPECT_EQ(state.recent.rbegin()->played_at_ms, 1000 + static_cast<int64_t>(kRecentKeysKept) + 39);
  storage::MemoryStore lake("ingest-state-trim");
  WriteIngestState(lake, state);
  EXPECT_EQ(ReadIngestState(lake).recent, state.recent);
}

TEST(IngestState, DamagedFileIsCorruptNamingIt) {
  storage::MemoryStore lake("ingest-state-damaged");
  for (const char* text : {"{not json", "[]", R"({"format":99,"recent":[]})",
                           R"({"format":1,"cursor_ms":5})", R"({"format":1,"recent":[[1]]})"}) {
    lake.Put(lake::kSpotifyCursorKey, text);
    try {
      ReadIngestState(lake);
      FAIL() << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kCorrupt) << text;
      EXPECT_NE(std::string(e.what()).find(lake::kSpotifyCursorKey), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace uw::ingest
