#include "http/url.h"

#include <gtest/gtest.h>

#include "core/secrets.h"
#include "http/form.h"

namespace uw::http {
namespace {

TEST(UrlTest, HostOf) {
  EXPECT_EQ(HostOf("https://api.spotify.com/v1/me?x=1"), "api.spotify.com");
  EXPECT_EQ(HostOf("http://127.0.0.1:8888/callback"), "127.0.0.1:8888");
  EXPECT_EQ(HostOf("https://user:pw@example.org?q"), "example.org");
  EXPECT_EQ(HostOf("not a url"), "");
}

TEST(UrlTest, RedactUrlHidesSecretQueryValuesOnly) {
  EXPECT_EQ(RedactUrl("http://127.0.0.1/cb?code=AQB123&state=s1"),
            "http://127.0.0.1/cb?code=<redacted>&state=s1");
  EXPECT_EQ(RedactUrl("https://a.blob/c/x?sv=2020&SIG=abc%2F&se=1#frag"),
            "https://a.blob/c/x?sv=2020&SIG=<redacted>&se=1#frag");
  EXPECT_EQ(RedactUrl("https://x/y?refresh_token=r&limit=50"),
            "https://x/y?refresh_token=<redacted>&limit=50");
  EXPECT_EQ(RedactUrl("https://me:hunter2@x/y"), "https://me:<redacted>@x/y");
  EXPECT_EQ(RedactUrl("https://api.spotify.com/v1/me/player/recently-played?limit=50&after=1"),
            "https://api.spotify.com/v1/me/player/recently-played?limit=50&after=1");
}

TEST(UrlTest, RedactUrlAlsoHidesRegisteredSecretsAnywhere) {
  core::RegisterSecret("path-secret-987654");
  EXPECT_EQ(RedactUrl("https://x/items/path-secret-987654/a"), "https://x/items/<redacted>/a");
}

TEST(FormTest, UrlEncodeKeepsOnlyUnreserved) {
  EXPECT_EQ(UrlEncode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(UrlEncode("a b&c=d/e+f"), "a%20b%26c%3Dd%2Fe%2Bf");
  EXPECT_EQ(UrlEncode("\xC3\xA9"), "%C3%A9");
  EXPECT_EQ(UrlEncode(std::string_view("\0", 1)), "%00");
}

TEST(FormTest, FormBodyKeepsOrder) {
  EXPECT_EQ(FormBody({{"grant_type", "authorization_code"},
                      {"code", "a/b"},
                      {"redirect_uri", "http://127.0.0.1:8888/callback"}}),
            "grant_type=authorization_code&code=a%2Fb&redirect_uri=http%3A%2F%2F127.0.0.1%3A8888%"
            "2Fcallback");
  EXPECT_EQ(FormBody({}), "");
}

TEST(FormTest, WithQuery) {
  EXPECT_EQ(WithQuery("https://x/y", {{"limit", "50"}, {"q", "a b"}}),
            "https://x/y?limit=50&q=a%20b");
  EXPECT_EQ(WithQuery("https://x/y?type=track", {{"q", "é"}}), "https://x/y?type=track&q=%C3%A9");
  EXPECT_EQ(WithQuery("https://x/y?", {{"a", "1"}}), "https://x/y?a=1");
  EXPECT_EQ(WithQuery("https://x/y#top", {{"a", "1"}}), "https://x/y?a=1#top");
  EXPECT_EQ(WithQuery("https://x/y", {}), "https://x/y");
}

}  // namespace
}  // namespace uw::http
