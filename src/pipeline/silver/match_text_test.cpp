#include "pipeline/silver/match_text.h"

#include <gtest/gtest.h>

namespace uw::silver {
namespace {

TEST(FoldForMatch, FoldsCaseDiacriticsPunctuationAndSpaces) {
  EXPECT_EQ(FoldForMatch("  Beyoncé   Knowles\t"), "beyonce knowles");
  EXPECT_EQ(FoldForMatch("Sigur Rós"), "sigur ros");
  EXPECT_EQ(FoldForMatch("MÖTLEY CRÜE"), "motley crue");
  EXPECT_EQ(FoldForMatch("Straße"), "strasse");
  EXPECT_EQ(FoldForMatch("Œuvre Æther Łódź Şarkı"), "oeuvre aether lodz sarki");
  EXPECT_EQ(FoldForMatch("Don\xE2\x80\x99t Stop \xE2\x80\x93 Live"), "don't stop - live");
  EXPECT_EQ(FoldForMatch("Caf\x65\xCC\x81"), "cafe");  // decomposed é (e + combining acute)
  EXPECT_EQ(FoldForMatch("a\xC2\xA0" "b"), "a b");      // no-break space
}

TEST(FoldForMatch, KeepsOtherScriptsAndInvalidBytes) {
  EXPECT_EQ(FoldForMatch("Кино"), "Кино");
  EXPECT_EQ(FoldForMatch("宇多田ヒカル"), "宇多田ヒカル");
  EXPECT_EQ(FoldForMatch("A\xFF" "B"), "a\xFF" "b");
  EXPECT_EQ(FoldForMatch("\xC3"), "\xC3");  // truncated sequence
  EXPECT_EQ(FoldForMatch(""), "");
}

TEST(StripDiacritics, KeepsCase) {
  EXPECT_EQ(StripDiacritics("Beyoncé Ärzte"), "Beyonce Arzte");
  EXPECT_EQ(StripDiacritics("plain"), "plain");
}

TEST(StripVersionSuffix, DropsTrailingVersionParts) {
  EXPECT_EQ(StripVersionSuffix("Song (Live)"), "Song");
  EXPECT_EQ(StripVersionSuffix("Song [Bonus Track]"), "Song");
  EXPECT_EQ(StripVersionSuffix("Song (feat. X) [2011 Remaster]"), "Song");
  EXPECT_EQ(StripVersionSuffix("Song - 2011 Remaster"), "Song");
  EXPECT_EQ(StripVersionSuffix("Song - Remastered 2009"), "Song");
  EXPECT_EQ(StripVersionSuffix("Song \xE2\x80\x93 2011 REMASTER"), "Song");
  EXPECT_EQ(StripVersionSuffix("Song (Edit (Radio))"), "Song");
}

TEST(StripVersionSuffix, LeavesOtherNamesAlone) {
  EXPECT_EQ(StripVersionSuffix("Song - Live"), "Song - Live");  // only remasters after a dash
  EXPECT_EQ(StripVersionSuffix("(I Can't Get No) Satisfaction"), "(I Can't Get No) Satisfaction");
  EXPECT_EQ(StripVersionSuffix("(Untitled)"), "(Untitled)");  // all suffix: unchanged
  EXPECT_EQ(StripVersionSuffix("Song (unbalanced"), "Song (unbalanced");
  EXPECT_EQ(StripVersionSuffix("Song)"), "Song)");
}

}  // namespace
}  // namespace uw::silver
