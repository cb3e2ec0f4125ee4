// Event ids worked out at write time: the documented digest (docs/lake.md), occurrences telling
// same-second plays of one key apart, in any list order, and the same ids from every thread.
#include "pipeline/silver/event_ids.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "core/sha256.h"

namespace uw::silver {
namespace {

constexpr int64_t kT = 1'700'000'000'000;  // 2023-11-14T22:13:20Z

PlayRecord Play(int64_t ended_ms, const std::string& uri) {
  PlayRecord p;
  p.ended_at_ms = ended_ms;
  p.track_uri = uri;
  p.resolved_uri = uri;
  p.track_name = "Song";
  p.artist_name = "Band";
  p.ms_played = 1000;
  return p;
}

// The id as docs/lake.md defines it, spelled out independently of EventIds: the first 16 bytes
// of the SHA-256, in hex.
std::string Expected(const std::string& identity) {
  return core::Sha256Hex(identity).substr(0, 32);
}

TEST(EventIds, AreTheDigestOfContentUriSecondAndOccurrence) {
  const std::vector<PlayRecord> plays = {Play(kT + 100, "spotify:track:a"),
                                         Play(kT + 900, "spotify:track:a"),
                                         Play(kT + 950, "spotify:track:b")};
  const EventIds ids(plays);
  EXPECT_EQ(ids.Of(0).Hex(), Expected("music\x1fspotify:track:a\x1f" "1700000000\x1f" "0"));
  EXPECT_EQ(ids.Of(1).Hex(), Expected("music\x1fspotify:track:a\x1f" "1700000000\x1f" "1"));
  EXPECT_EQ(ids.Of(2).Hex(), Expected("music\x1fspotify:track:b\x1f" "1700000000\x1f" "0"));
}

TEST(EventIds, PlaysKnownByNamesOnlyUseTheirNormalisedNames) {
  PlayRecord p = Play(kT, "");
  p.track_uri = Text();
  p.artist_name = "  The  BAND ";
  const std::vector<PlayRecord> plays = {p};
  EXPECT_EQ(EventIds(plays).Of(0).Hex(),
            Expected("music\x1fthe band\x1fsong\x1f" "1700000000\x1f" "0"));
}

TEST(EventIds, OccurrencesFollowListOrderWhenUnsorted) {
  // An earlier play listed after a later one: the same key counts in list order all the same.
  const std::vector<PlayRecord> plays = {Play(kT + 5000, "spotify:track:c"),
                                         Play(kT + 10, "spotify:track:a"),
                                         Play(kT + 20, "spotify:track:a")};
  const EventIds ids(plays);
  EXPECT_EQ(ids.Of(1).Hex(), Expected("music\x1fspotify:track:a\x1f" "1700000000\x1f" "0"));
  EXPECT_EQ(ids.Of(2).Hex(), Expected("music\x1fspotify:track:a\x1f" "1700000000\x1f" "1"));
}

TEST(EventIds, EveryThreadGetsTheSameIds) {
  std::vector<PlayRecord> plays;
  for (int i = 0; i < 1000; ++i) plays.push_back(Play(kT + i * 400, "spotify:track:a"));
  const EventIds ids(plays);
  std::vector<std::string> here, there;
  for (size_t i = 0; i < plays.size(); ++i) here.push_back(ids.Of(i).Hex());
  std::thread([&] {
    for (size_t i = 0; i < plays.size(); ++i) there.push_back(ids.Of(i).Hex());
  }).join();
  EXPECT_EQ(here, there);
}

}  // namespace
}  // namespace uw::silver
