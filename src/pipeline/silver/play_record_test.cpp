// The values a play derives from its fields when written (started_at, is_stream, is_skip,
// platform) and the packed small fields that keep PlayRecord small.
#include "pipeline/silver/play_record.h"

#include <gtest/gtest.h>

#include <thread>

namespace uw::silver {
namespace {

constexpr int64_t kT = 1'700'000'000'000;

TEST(PlayRecord, StartedAtIsEndMinusPlayedUnlessOfflineDisagrees) {
  PlayRecord p;
  p.ended_at_ms = kT;
  p.ms_played = 60000;
  EXPECT_EQ(p.StartedAtMs(), kT - 60000);
  p.offline_at_ms = kT - 60000 + 10000;  // exactly 10 s apart: still end - ms_played
  EXPECT_EQ(p.StartedAtMs(), kT - 60000);
  p.offline_at_ms = kT - 60000 + 10001;
  EXPECT_EQ(p.StartedAtMs(), kT - 60000 + 10001);
  p.ms_played.reset();  // unknown counts as 0
  p.offline_at_ms.reset();
  EXPECT_EQ(p.StartedAtMs(), kT);
}

TEST(PlayRecord, StreamsAndSkips) {
  PlayRecord p;
  p.ms_played = 30000;
  p.reason_end = "trackdone";
  EXPECT_TRUE(p.IsStream());
  EXPECT_FALSE(p.IsSkip());
  p.reason_end = "fwdbtn";
  EXPECT_TRUE(p.IsSkip());
  p.reason_end = "trackdone";
  p.ms_played = 29999;
  EXPECT_FALSE(p.IsStream());
  EXPECT_TRUE(p.IsSkip());
}

TEST(PlayRecord, PlatformIsTheFamilyOfTheRawPlatformOnEveryThread) {
  PlayRecord p;
  EXPECT_TRUE(p.Platform().empty());
  p.platform_raw = "Android OS 9 API 28 (samsung, SM-G960F)";
  EXPECT_EQ(p.Platform(), "android");
  Text there;
  std::thread([&] { there = p.Platform(); }).join();
  EXPECT_EQ(there, p.Platform());
  p.platform_raw = "iOS 16.1 (iPhone14,5)";
  EXPECT_EQ(p.Platform(), "ios");
}

TEST(PlayRecord, TriStatesRoundTrip) {
  for (const std::optional<bool> value : {std::optional<bool>(), std::optional<bool>(false),
                                          std::optional<bool>(true)}) {
    PlayRecord p;
    p.shuffle = TriOf(value);
    EXPECT_EQ(OptionalOf(p.shuffle), value);
  }
  EXPECT_EQ(OptionalOf(PlayRecord().offline), std::nullopt);
}

// The small fields share bytes: setting one leaves its neighbours as they were.
TEST(PlayRecord, BitFieldsHoldEveryValue) {
  PlayRecord p;
  p.content = Content::kVideoPodcast;
  p.source = Source::kAccount;
  p.sources = kSeenByAccount | kSeenByApi | kSeenByExtended;
  p.precision = Precision::kMinute;
  p.resolution = Resolution::kSearch;
  p.skipped = Tri::kTrue;
  EXPECT_EQ(p.content, Content::kVideoPodcast);
  EXPECT_EQ(p.source, Source::kAccount);
  EXPECT_EQ(p.sources, 7);
  EXPECT_EQ(p.precision, Precision::kMinute);
  EXPECT_EQ(p.resolution, Resolution::kSearch);
  EXPECT_EQ(p.shuffle, Tri::kUnknown);
  EXPECT_EQ(p.skipped, Tri::kTrue);
  EXPECT_EQ(p.offline, Tri::kUnknown);
  EXPECT_FALSE(p.incognito);
  EXPECT_FALSE(p.ended_at_ambiguous);
}

}  // namespace
}  // namespace uw::silver
