#include "pipeline/enrich/search_match.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>
#include <vector>

namespace uw::enrich {
namespace {

struct Result {
  std::string id, name;
  std::vector<std::string> artists;
  std::string release_date = "2020-01-01";
};

// A GET /search?type=track response in the real shape (formats.md §3.3).
std::string Response(const std::vector<Result>& results) {
  std::string items;
  for (const Result& r : results) {
    std::string artists;
    for (const std::string& a : r.artists) {
      artists += fmt::format("{}{{\"id\":\"id-{}\",\"name\":\"{}\",\"type\":\"artist\"}}",
                             artists.empty() ? "" : ",", a, a);
    }
    items += fmt::format(
        "{}{{\"album\":{{\"id\":\"al-{}\",\"name\":\"Album\",\"release_date\":\"{}\"}},"
        "\"artists\":[{}],\"id\":\"{}\",\"name\":\"{}\",\"type\":\"track\",\"duration_ms\":200000.0}}",
        items.empty() ? "" : ",", r.id, r.release_date, artists, r.id, r.name);
  }
  return fmt::format("{{\"tracks\":{{\"href\":\"h\",\"items\":[{}],\"limit\":10,\"next\":null,"
                     "\"offset\":0,\"previous\":null,\"total\":{}}}}}",
                     items, results.size());
}

TEST(DecideTrackMatch, ExactMatchIsAccepted) {
  const auto d = DecideTrackMatch("Yellow", "Coldplay",
                                  Response({{"t1", "Yellow", {"Coldplay"}}, {"t2", "Yellow Submarine", {"The Beatles"}}}));
  EXPECT_EQ(d.track_id, "t1");
  EXPECT_EQ(d.reason, "exact match");
  EXPECT_EQ(d.result_count, 2);
  EXPECT_EQ(d.candidate_count, 1);
}

TEST(DecideTrackMatch, CaseAndDiacriticsDoNotMatter) {
  const auto d = DecideTrackMatch("deja vu", "BEYONCE", Response({{"t1", "Déjà Vu", {"Beyoncé", "Jay-Z"}}}));
  EXPECT_EQ(d.track_id, "t1");
}

TEST(DecideTrackMatch, AnyArtistMatchesButPrimaryWins) {
  // Only a feature: accepted.
  EXPECT_EQ(DecideTrackMatch("Song", "Guest", Response({{"t1", "Song", {"Main", "Guest"}}})).track_id, "t1");
  // The artist's own track beats their feature on someone else's track of the same name.
  const auto d = DecideTrackMatch("Song", "Guest",
                                  Response({{"t1", "Song", {"Main", "Guest"}}, {"t2", "Song", {"Guest"}}}));
  EXPECT_EQ(d.track_id, "t2");
  EXPECT_EQ(d.candidate_count, 1);
}

TEST(DecideTrackMatch, SuffixVariantsMatchOnlyWhenNothingExactDoes) {
  const auto stripped = DecideTrackMatch("Song - 2011 Remaster", "Band",
                                         Response({{"t1", "Song - Remastered 2011", {"Band"}}}));
  EXPECT_EQ(stripped.track_id, "t1");
  EXPECT_EQ(stripped.reason, "match after dropping the version suffix");

  const auto exact_first = DecideTrackMatch(
      "Song (Live)", "Band", Response({{"t1", "Song", {"Band"}}, {"t2", "Song (Live)", {"Band"}}}));
  EXPECT_EQ(exact_first.track_id, "t2");
  EXPECT_EQ(exact_first.reason, "exact match");
}

TEST(DecideTrackMatch, TwoVersionsAfterStrippingAreAmbiguous) {
  const auto d = DecideTrackMatch("Song (Remix)", "Band",
                                  Response({{"t1", "Song", {"Band"}}, {"t2", "Song (Live)", {"Band"}}}));
  EXPECT_FALSE(d.accepted());
  EXPECT_EQ(d.candidate_count, 2);
  EXPECT_NE(d.reason.find("ambiguous: 2 different songs"), std::string::npos) << d.reason;
}

TEST(DecideTrackMatch, TwoReleasesOfTheSameSongChooseTheEarliestThenLowestId) {
  const auto d = DecideTrackMatch("Hit", "Singer",
                                  Response({{"t9", "Hit", {"Singer"}, "2019-05-01"},
                                            {"t5", "Hit", {"Singer"}, "2018-11-30"},
                                            {"t3", "Hit", {"Singer"}, "2019-01-01"}}));
  EXPECT_EQ(d.track_id, "t5");
  EXPECT_EQ(d.candidate_count, 3);
  EXPECT_NE(d.reason.find("3 releases of the same song"), std::string::npos) << d.reason;
  EXPECT_NE(d.reason.find("2018-11-30"), std::string::npos) << d.reason;

  const auto tie = DecideTrackMatch("Hit", "Singer",
                                    Response({{"tb", "Hit", {"Singer"}, "2018"}, {"ta", "Hit", {"Singer"}, "2018"}}));
  EXPECT_EQ(tie.track_id, "ta");
}

TEST(DecideTrackMatch, SameTitleByOtherPrimaryArtistsIsAmbiguous) {
  // The wanted artist is only featured on two different artists' songs of that name.
  const auto d = DecideTrackMatch("Song", "Guest",
                                  Response({{"t1", "Song", {"A", "Guest"}}, {"t2", "Song", {"B", "Guest"}}}));
  EXPECT_FALSE(d.accepted());
  EXPECT_NE(d.reason.find("ambiguous"), std::string::npos);
}

TEST(DecideTrackMatch, DifferentArtistIsRejected) {
  const auto d = DecideTrackMatch("Yellow", "Coldplay", Response({{"t1", "Yellow", {"Someone Else"}}}));
  EXPECT_FALSE(d.accepted());
  EXPECT_EQ(d.candidate_count, 0);
  EXPECT_EQ(d.reason, "no result with this track and artist name");
}

TEST(DecideTrackMatch, EmptyAndBrokenResponses) {
  const auto empty = DecideTrackMatch("Yellow", "Coldplay", Response({}));
  EXPECT_FALSE(empty.accepted());
  EXPECT_EQ(empty.reason, "no results");
  EXPECT_EQ(DecideTrackMatch("Yellow", "Coldplay", "{\"artists\":{}}").reason, "unreadable search response");
  EXPECT_EQ(DecideTrackMatch("Yellow", "Coldplay", "not json").reason, "unreadable search response");
  EXPECT_FALSE(DecideTrackMatch("", "Coldplay", Response({{"t1", "", {"Coldplay"}}})).accepted());
  EXPECT_FALSE(DecideTrackMatch("Yellow", "", Response({{"t1", "Yellow", {}}})).accepted());
  // null items (a damaged response) are skipped, not fatal.
  const std::string with_null = "{\"tracks\":{\"items\":[null,{\"id\":\"t1\",\"name\":\"Yellow\","
                                "\"artists\":[{\"name\":\"Coldplay\"}]}]}}";
  EXPECT_EQ(DecideTrackMatch("Yellow", "Coldplay", with_null).track_id, "t1");
}

TEST(TrackSearchQueries, FirstExactThenTheNormalisedVariant) {
  EXPECT_EQ(TrackSearchQueries("Déjà Vu (Live)", "Beyoncé"),
            (std::vector<std::string>{"track:\"Déjà Vu (Live)\" artist:\"Beyoncé\"",
                                      "track:\"Deja Vu\" artist:\"Beyonce\""}));
  EXPECT_EQ(TrackSearchQueries("Yellow", "Coldplay"),
            (std::vector<std::string>{"track:\"Yellow\" artist:\"Coldplay\""}));
  EXPECT_EQ(TrackSearchQueries("Say \"Hi\"", "X").front(), "track:\"Say  Hi \" artist:\"X\"");
  EXPECT_TRUE(TrackSearchQueries("Yellow", "").empty());
  EXPECT_TRUE(TrackSearchQueries(" ", "Coldplay").empty());
}

}  // namespace
}  // namespace uw::enrich
