#include "pipeline/silver/search_match.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/silver/search_fixture.h"

namespace uw::silver {
namespace {

using Result = fixture::SearchResult;

std::string Response(const std::vector<Result>& results) { return fixture::SearchResponse(results); }

TEST(DecideTrackMatch, ExactMatchIsAccepted) {
  const auto d = DecideTrackMatch("Yellow", "Coldplay",
                                  Response({{"t1", "Yellow", {"Coldplay"}}, {"t2", "Yellow Submarine", {"The Beatles"}}}));
  EXPECT_EQ(d.track_id, "t1");
  EXPECT_EQ(d.artist_id, "id-Coldplay");  // the chosen result's artist and album ids
  EXPECT_EQ(d.album_id, "al-t1");
  EXPECT_EQ(d.reason, "exact match");
  EXPECT_EQ(d.result_count, 2);
  EXPECT_EQ(d.candidate_count, 1);
}

TEST(DecideTrackMatch, CaseAndDiacriticsDoNotMatter) {
  const auto d = DecideTrackMatch("deja vu", "BEYONCE", Response({{"t1", "Déjà Vu", {"Beyoncé", "Jay-Z"}}}));
  EXPECT_EQ(d.track_id, "t1");
}

TEST(DecideTrackMatch, AnyArtistMatchesButPrimaryWins) {
  // Only a feature: accepted, with the id of the artist the name matched (the play's artist).
  const auto feature = DecideTrackMatch("Song", "Guest", Response({{"t1", "Song", {"Main", "Guest"}}}));
  EXPECT_EQ(feature.track_id, "t1");
  EXPECT_EQ(feature.artist_id, "id-Guest");
  // The artist's own track beats their feature on someone else's track of the same name.
  const auto d = DecideTrackMatch("Song", "Guest",
                                  Response({{"t1", "Song", {"Main", "Guest"}}, {"t2", "Song", {"Guest"}}}));
  EXPECT_EQ(d.track_id, "t2");
  EXPECT_EQ(d.artist_id, "id-Guest");
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
  EXPECT_EQ(d.album_id, "al-t5");  // the chosen release's album
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
  EXPECT_TRUE(d.artist_id.empty() && d.album_id.empty());
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
  // An id silver could not use ("spotify:track:<id>", name keys have a colon) is no candidate.
  const std::string colon_id = "{\"tracks\":{\"items\":[{\"id\":\"name:x\",\"name\":\"Yellow\","
                               "\"artists\":[{\"id\":\"a:b\",\"name\":\"Coldplay\"}]}]}}";
  EXPECT_FALSE(DecideTrackMatch("Yellow", "Coldplay", colon_id).accepted());
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
}  // namespace uw::silver
