#include "core/text.h"

#include <gtest/gtest.h>

#include "core/lake_paths.h"
#include "core/sha256.h"

namespace uw::core {
namespace {

TEST(Text, JsonEscaping) {
  EXPECT_EQ(JsonString("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
  EXPECT_EQ(JsonString("Träume 夜に駆ける 🌙"), "\"Träume 夜に駆ける 🌙\"");
}

TEST(Text, Base64Url) {
  EXPECT_EQ(Base64UrlEncode(""), "");
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(Base64UrlEncode("foo"), "Zm9v");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
}

TEST(Text, Utf8) {
  EXPECT_TRUE(IsValidUtf8("Łódź"));
  EXPECT_FALSE(IsValidUtf8("\xc3\x28"));
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));  // a UTF-16 surrogate
}

TEST(Text, Sha256) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(LakePaths, BronzeExportIsContentAddressedAndSafe) {
  const std::string sha(64, 'a');
  EXPECT_EQ(lake::BronzeExport("extended_audio", sha, "x/Streaming_History_Audio_2019.json"),
            "bronze/spotify_export/extended_audio/aaaaaaaaaaaaaaaa__Streaming_History_Audio_2019.json");
  EXPECT_EQ(lake::SafeFileName("../../etc/passwd"), "passwd");
  EXPECT_EQ(lake::SafeFileName(".."), "unnamed");
  EXPECT_EQ(lake::SafeFileName("a:b\n"), "a_b_");
  EXPECT_EQ(lake::BronzeRecentlyPlayed(1695397413750, "x.json"),
            "bronze/spotify_api/recently_played/year=2023/month=09/day=22/x.json");
}

}  // namespace
}  // namespace uw::core
