// The parser must give exactly what core::ParseIsoUtcMillis gives, whatever came before.
#include "sources/spotify_export/utc_millis_parser.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

#include "core/civil_time.h"

namespace uw::spotify_export {
namespace {

TEST(UtcMillisParser, AgreesWithCoreOnEdgeCases) {
  const std::vector<std::string> cases = {
      "2021-03-04T05:06:07Z",     "2021-03-04T05:06:08Z",      "2021-03-04T23:59:59Z",
      "2021-03-04T23:59:60Z",     "2021-03-04T00:00:00.5Z",    "2021-03-04T00:00:00.123456Z",
      "2021-03-04T00:00:00.Z",    "2021-03-04T00:00:00.12",    "2021-03-04T24:00:00Z",
      "2021-03-04T23:60:00Z",     "2021-03-04T23:59:61Z",      "2021-03-04T05:06:07",
      "2021-03-04T05:06:07ZZ",    "2021-03-04T05:06:07+01:00", "2021-03-04T5:06:07Z",
      "2021-03-04T05-06:07Z",     "2021-03-04T05:06-07Z",      "2021-03-04T05:06:0aZ",
      "2021-03-04T\xFF\xFF:06:07Z", "2021-03-04T",             "2021-03-04T05:06:07.9Z",
      "2021-03-04 05:06:07Z",     "2021-02-29T05:06:07Z",      "2020-02-29T05:06:07Z",
      "2020-02-29T05:06:07.000Z", "1899-12-31T23:59:59Z",      "2021-03-05T00:00:00Z",
      "2021-03-04T05:06:07Z",     "",                          "2021-03-04T05:06:07z",
  };
  UtcMillisParser parser;
  for (const std::string& s : cases) EXPECT_EQ(parser.Parse(s), core::ParseIsoUtcMillis(s)) << s;
}

// Any sequence of times on a few days, some of them mangled: the remembered day never shows.
RC_GTEST_PROP(UtcMillisParser, AgreesWithCoreOnAnySequence, ()) {
  const auto dates = std::vector<std::string>{"2021-03-04T", "2016-12-31T", "2020-02-29T",
                                              "2021-02-29T", "2021-13-01T", "2024-01-01 "};
  const auto count = *rc::gen::inRange(1, 40);
  UtcMillisParser parser;
  for (int i = 0; i < count; ++i) {
    std::string s = *rc::gen::elementOf(dates);
    s += std::to_string(*rc::gen::inRange(0, 26) + 100).substr(1) + ":";
    s += std::to_string(*rc::gen::inRange(0, 62) + 100).substr(1) + ":";
    s += std::to_string(*rc::gen::inRange(0, 62) + 100).substr(1);
    s += *rc::gen::elementOf(std::vector<std::string>{"", ".", ".5", ".12", ".123", ".1234"});
    s += *rc::gen::elementOf(std::vector<std::string>{"Z", "Z", "Z", "", "z", "ZZ"});
    if (*rc::gen::inRange(0, 8) == 0) {
      s[*rc::gen::inRange<size_t>(0, s.size())] = *rc::gen::elementOf(std::string("0:9-TZ.x"));
    }
    RC_ASSERT(parser.Parse(s) == core::ParseIsoUtcMillis(s));
  }
}

}  // namespace
}  // namespace uw::spotify_export
