#include "core/base64.h"

#include <gtest/gtest.h>

namespace uw::core {
namespace {

TEST(Base64, Rfc4648Vectors) {
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foo"), "Zm9v");
  EXPECT_EQ(Base64("foob"), "Zm9vYg==");
  EXPECT_EQ(Base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(Base64("foobar"), "Zm9vYmFy");
}

TEST(Base64, UrlAlphabetHasNoPaddingAndNoSlash) {
  const std::string bytes("\xfb\xff\xfe", 3);
  EXPECT_EQ(Base64(bytes), "+//+");
  EXPECT_EQ(Base64Url(bytes), "-__-");
  EXPECT_EQ(Base64Url("f"), "Zg");
}

TEST(Base64, UrlRoundTripsEveryByte) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(char(i));
  for (size_t n = 0; n <= all.size(); n += 37) {
    const auto back = FromBase64Url(Base64Url(all.substr(0, n)));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, all.substr(0, n));
  }
  EXPECT_FALSE(FromBase64Url("a/b").has_value());
  EXPECT_FALSE(FromBase64Url("abcde").has_value());
}

}  // namespace
}  // namespace uw::core
