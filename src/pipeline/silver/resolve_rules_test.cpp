// One hand-made case per resolution rule (DESIGN §3, §8; docs/silver_rules.md).
#include <gtest/gtest.h>

#include <algorithm>

#include "core/civil_time.h"
#include "pipeline/silver/event_ids.h"
#include "pipeline/silver/resolve_plays.h"

namespace uw::silver {
namespace {

constexpr int64_t kT = 1'700'000'000'000;  // 2023-11-14T22:13:20Z

PlayRecord Extended(int64_t ended_ms, const std::string& uri, int64_t ms, std::string name = "T") {
  PlayRecord p;
  p.source = Source::kExtended;
  p.sources = kSeenByExtended;
  p.ended_at_ms = ended_ms;
  p.track_uri = uri;
  p.track_name = std::move(name);
  p.artist_name = "A";
  p.ms_played = ms;
  return p;
}

PlayRecord Api(int64_t ended_ms, const std::string& uri) {
  PlayRecord p = Extended(ended_ms, uri, 0);
  p.source = Source::kApi;
  p.sources = kSeenByApi;
  p.precision = Precision::kMillis;
  p.ms_played.reset();
  p.context_uri = "spotify:playlist:x";
  return p;
}

PlayRecord Account(const char* wall_clock, int64_t ms, std::string name = "T") {
  PlayRecord p;
  p.source = Source::kAccount;
  p.sources = kSeenByAccount;
  p.precision = Precision::kMinute;
  p.ended_at_ms = *core::ParseAccountEndTime(wall_clock) * 1000;
  p.track_name = std::move(name);
  p.artist_name = "A";
  p.ms_played = ms;
  return p;
}

ResolvedPlays Resolve(BronzePlays b, const std::string& zone = "UTC") {
  ResolveOptions o;
  o.account_zone = zone;
  return ResolvePlays(std::move(b), o);
}

TEST(ResolveRules, ExactDuplicatesAreOnePlay) {
  BronzePlays b;
  b.extended = {Extended(kT, "spotify:track:a", 5000), Extended(kT, "spotify:track:a", 5000)};
  b.extended[1].offline = Tri::kTrue;  // offline sync copies differ in other fields (§8.1)
  const auto r = Resolve(std::move(b));
  EXPECT_EQ(r.music.size(), 1u);
  EXPECT_EQ(r.summary.extended_exact_duplicates, 1u);
}

TEST(ResolveRules, SameSecondDifferentMsPlayedAreTwoPlays) {
  BronzePlays b;
  b.extended = {Extended(kT, "spotify:track:a", 5000), Extended(kT, "spotify:track:a", 0)};
  EXPECT_EQ(Resolve(std::move(b)).music.size(), 2u);
}

TEST(ResolveRules, BackToBackRepeatsStayTwo) {
  BronzePlays b;
  b.extended = {Extended(kT, "spotify:track:a", 35000),
                Extended(kT + 35000, "spotify:track:a", 35000)};
  b.api = {Api(kT + 400, "spotify:track:a"), Api(kT + 35400, "spotify:track:a")};
  const auto r = Resolve(std::move(b));
  ASSERT_EQ(r.music.size(), 2u);
  EXPECT_EQ(r.music[0].ended_at_ms, kT + 400);
  EXPECT_EQ(r.music[1].ended_at_ms, kT + 35400);
}

TEST(ResolveRules, ApiAndExtendedMergeKeepingApiMillis) {
  BronzePlays b;
  b.extended = {Extended(kT, "spotify:track:a", 200000)};
  b.api = {Api(kT + 750, "spotify:track:a"), Api(kT + 750, "spotify:track:a")};  // two polls
  const auto r = Resolve(std::move(b));
  ASSERT_EQ(r.music.size(), 1u);
  const PlayRecord& p = r.music[0];
  EXPECT_EQ(p.ended_at_ms, kT + 750);
  EXPECT_EQ(p.ms_played, 200000);
  EXPECT_EQ(p.source, Source::kApi);
  EXPECT_EQ(p.sources, kSeenByApi | kSeenByExtended);
  EXPECT_EQ(p.context_uri, "spotify:playlist:x");
  EXPECT_FALSE(p.ms_played_estimated);
  EXPECT_EQ(r.summary.api_repeated_items, 1u);
}

TEST(ResolveRules, ApiTooFarFromExtendedIsAnotherPlay) {
  BronzePlays b;
  b.extended = {Extended(kT, "spotify:track:a", 200000)};
  b.api = {Api(kT + 60000, "spotify:track:a")};
  const auto r = Resolve(std::move(b));
  ASSERT_EQ(r.music.size(), 2u);
  EXPECT_TRUE(r.music[1].ms_played_estimated);
  EXPECT_EQ(r.music[1].ms_played, 60000);  // the gap; no duration known to cap it
}

TEST(ResolveRules, IdenticalAccountRowsFollowTheOtherSources) {
  BronzePlays alone;
  alone.account = {Account("2023-11-14 22:13", 5000), Account("2023-11-14 22:13", 5000)};
  const auto one = Resolve(std::move(alone));
  EXPECT_EQ(one.music.size(), 1u);
  EXPECT_EQ(one.summary.account_identical_rows_merged, 1u);

  BronzePlays backed;
  backed.account = {Account("2023-11-14 22:13", 5000), Account("2023-11-14 22:13", 5000)};
  backed.extended = {Extended(kT, "spotify:track:a", 5000),
                     Extended(kT + 10000, "spotify:track:a", 5000)};
  const auto two = Resolve(std::move(backed));
  ASSERT_EQ(two.music.size(), 2u);
  for (const auto& p : two.music) EXPECT_EQ(p.sources, kSeenByAccount | kSeenByExtended);
}

TEST(ResolveRules, AmbiguousFallBackHour) {
  // Berlin falls back at 2024-10-27 03:00 CEST -> 02:00 CET: 02:30 happens at 00:30 and 01:30 UTC.
  const int64_t later = *core::ParseIsoUtcMillis("2024-10-27T01:30:20Z");
  BronzePlays matched;
  matched.account = {Account("2024-10-27 02:30", 90000)};
  matched.extended = {Extended(later, "spotify:track:a", 90000)};
  const auto m = Resolve(std::move(matched), "Europe/Berlin");
  ASSERT_EQ(m.music.size(), 1u);
  EXPECT_EQ(m.music[0].ended_at_ms, later);
  EXPECT_FALSE(m.music[0].ended_at_ambiguous);
  EXPECT_EQ(m.summary.account_ambiguous_matched, 1u);

  BronzePlays alone;
  alone.account = {Account("2024-10-27 02:30", 90000)};
  const auto a = Resolve(std::move(alone), "Europe/Berlin");
  ASSERT_EQ(a.music.size(), 1u);
  EXPECT_EQ(a.music[0].ended_at_ms, *core::ParseIsoUtcMillis("2024-10-27T00:30:00Z"));
  EXPECT_TRUE(a.music[0].ended_at_ambiguous);
}

TEST(ResolveRules, SpringForwardGapUsesTheOffsetBeforeIt) {
  BronzePlays b;  // Berlin skips 02:00-03:00 on 2024-03-31
  b.account = {Account("2024-03-31 02:30", 90000)};
  const auto r = Resolve(std::move(b), "Europe/Berlin");
  ASSERT_EQ(r.music.size(), 1u);
  EXPECT_EQ(r.music[0].ended_at_ms, *core::ParseIsoUtcMillis("2024-03-31T01:30:00Z"));
  EXPECT_EQ(r.summary.account_in_gap, 1u);
}

TEST(ResolveRules, AccountZoneDetectedByMatching) {
  BronzePlays b;  // 22:13 UTC is 23:13 in Berlin (CET)
  b.extended = {Extended(kT, "spotify:track:a", 5000, "X"),
                Extended(kT + 99000, "spotify:track:b", 7000, "Y")};
  b.account = {Account("2023-11-14 23:13", 5000, "X"), Account("2023-11-14 23:14", 7000, "Y")};
  const auto r = Resolve(std::move(b), "auto");
  EXPECT_EQ(r.summary.zone.rows_matched, 2u);
  EXPECT_NE(r.summary.zone.zone, "UTC");
  EXPECT_EQ(r.music.size(), 2u);
}

TEST(ResolveRules, NameOnlyPlaysTakeTheMostUsedUri) {
  BronzePlays b;
  b.extended = {Extended(kT - 900000, "spotify:track:single", 1000),
                Extended(kT - 800000, "spotify:track:album", 1000),
                Extended(kT - 700000, "spotify:track:album", 1000)};
  b.account = {Account("2023-11-15 08:00", 3000)};
  const auto r = Resolve(std::move(b));
  ASSERT_EQ(r.music.size(), 4u);
  EXPECT_EQ(r.music.back().resolved_uri, "spotify:track:album");
  EXPECT_EQ(r.music.back().resolution, Resolution::kMostUsed);
}

TEST(ResolveRules, OfflineTimestampNormalisation) {
  EXPECT_EQ(NormaliseOfflineTimestamp(1699136230), 1699136230000);
  EXPECT_EQ(NormaliseOfflineTimestamp(1625932808248), 1625932808248);
  EXPECT_EQ(NormaliseOfflineTimestamp(0), std::nullopt);
  EXPECT_EQ(NormaliseOfflineTimestamp(1), std::nullopt);
  EXPECT_EQ(NormaliseOfflineTimestamp(1100000000), std::nullopt);
  EXPECT_EQ(NormaliseOfflineTimestamp(std::nullopt), std::nullopt);
}

TEST(ResolveRules, StartedAtPrefersADisagreeingOfflineTimestamp) {
  BronzePlays b;
  b.extended = {Extended(kT, "spotify:track:a", 60000),
                Extended(kT + 3600000, "spotify:track:b", 60000)};
  b.extended[0].offline_at_ms = kT - 60000 + 2000;  // within 10 s: end - ms_played stays
  b.extended[1].offline_at_ms = kT;                 // unexpected exit: ts is much later
  const auto r = Resolve(std::move(b));
  EXPECT_EQ(r.music[0].StartedAtMs(), kT - 60000);
  EXPECT_EQ(r.music[1].StartedAtMs(), kT);
  EXPECT_TRUE(r.music[0].IsStream());
  const EventIds ids(r.music);
  EXPECT_NE(ids.Of(0), ids.Of(1));
}

// Plays of one key in one second tell their event ids apart by their order (occurrences): also
// across the ranges the plays of a long history are counted in on several cores.
TEST(ResolveRules, SameSecondPlaysOfOneKeyGetDistinctEventIds) {
  std::vector<PlayRecord> plays;
  // Three plays a second, the same track; the middle of the plays falls inside a second.
  for (size_t i = 0; i < 150'002; ++i) {
    PlayRecord p = Extended(kT + int64_t(i / 3) * 1000 + int64_t(i % 3), "spotify:track:a", 1000);
    p.resolved_uri = p.track_uri;
    plays.push_back(p);
  }
  const EventIds event_ids(plays);
  std::vector<std::string> ids;
  for (size_t i = 0; i < plays.size(); ++i) ids.push_back(event_ids.Of(i).Hex());
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
  // And each id is the one the play gets when its second is derived alone.
  for (const size_t at :
       {size_t{0}, size_t{75'000}, size_t{75'001}, size_t{75'002}, size_t{150'001}}) {
    const size_t first = at - at % 3, end = std::min(first + 3, plays.size());
    const std::vector<PlayRecord> second(plays.begin() + first, plays.begin() + end);
    EXPECT_EQ(EventIds(second).Of(at % 3), event_ids.Of(at)) << at;
  }
}

}  // namespace
}  // namespace uw::silver
