#include "warehouse/parent_tracks.h"

#include <gtest/gtest.h>

namespace uw::warehouse {
namespace {

std::string Base(std::string_view title) {
  const auto base = StripVersion(title);
  return base ? base->title + " | " + base->rule : "-";
}

TEST(ParentTracks, StripsEachDocumentedMarker) {
  EXPECT_EQ(Base("Love Story (Taylor's Version)"), "Love Story | taylors_version");
  EXPECT_EQ(Base("Love Story (Taylor\xE2\x80\x99s Version)"), "Love Story | taylors_version");
  EXPECT_EQ(Base("Song - Live at Wembley 1986"), "Song | live");
  EXPECT_EQ(Base("Song (Live at the BBC)"), "Song | live");
  EXPECT_EQ(Base("Song [Live]"), "Song | live");
  EXPECT_EQ(Base("Song - Remastered 2011"), "Song | remaster");
  EXPECT_EQ(Base("Song (2011 Remaster)"), "Song | remaster");
  EXPECT_EQ(Base("Song (Deluxe Edition)"), "Song | deluxe");
  EXPECT_EQ(Base("Song (Acoustic Version)"), "Song | version");
  EXPECT_EQ(Base("Song (Radio Edit)"), "Song | radio_edit");
  EXPECT_EQ(Base("Song - Single Version"), "Song | single");
  EXPECT_EQ(Base("Song - Mono"), "Song | mono");
  // Stripped repeatedly; the outermost marker names the rule.
  EXPECT_EQ(Base("Song (Live) - Remastered 2009"), "Song | remaster");
}

TEST(ParentTracks, DifferentWorksAreNotVersions) {
  EXPECT_EQ(Base("Song (Remix)"), "-");
  EXPECT_EQ(Base("Song - Club Remix Version"), "-");
  EXPECT_EQ(Base("Song (feat. Someone)"), "-");
  EXPECT_EQ(Base("Live and Let Die"), "-");
  EXPECT_EQ(Base("Deliver Us (Part 2)"), "-");
  EXPECT_EQ(Base("(Live)"), "-");  // nothing left: not a version of anything
}

TEST(ParentTracks, MapsToTheSameArtistsBaseTitleWhenPlayed) {
  using parquet::ColumnType;
  parquet::Batch tracks(parquet::Schema({{"track_id", ColumnType::kString, false},
                                         {"track_name", ColumnType::kString, true},
                                         {"artist_id", ColumnType::kString, true}}));
  const auto add = [&](const char* id, const char* name, const char* artist) {
    tracks.column(0).AppendString(id);
    tracks.column(1).AppendString(name);
    tracks.column(2).AppendString(artist);
  };
  add("t1", "Love Story", "taylor");
  add("t2", "Love Story (Taylor's Version)", "taylor");
  add("t3", "love  story - Live", "taylor");
  add("t4", "Love Story (Live)", "someone_else");     // other artist: no parent
  add("t5", "Unplayed Original (Deluxe)", "taylor");  // base never played: no parent
  const auto links = MapParentTracks(tracks);
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].track_id, "t2");
  EXPECT_EQ(links[0].parent_track_id, "t1");
  EXPECT_EQ(links[0].rule, "taylors_version");
  EXPECT_EQ(links[1].track_id, "t3");
  EXPECT_EQ(links[1].parent_track_id, "t1");
  EXPECT_EQ(links[1].rule, "live");
}

}  // namespace
}  // namespace uw::warehouse
