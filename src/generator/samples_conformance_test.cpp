// The generated files have the shapes of the real samples in ../shared/samples (skipped when that
// folder is absent).
#include <gtest/gtest.h>

#include <set>

#include "generator/export_fixture_test.h"

namespace uw::generator {
namespace {

std::vector<std::string> Keys(simdjson::dom::object o) {
  std::vector<std::string> keys;
  for (const auto field : o) keys.emplace_back(field.key);
  return keys;
}

std::vector<std::string> FirstRecordKeys(const std::filesystem::path& file) {
  simdjson::dom::parser parser;
  const simdjson::dom::array records = parser.load(file.string()).get_array();
  return Keys(records.at(0).get_object());
}

TEST(SamplesConformanceTest, ExtendedVintagesHaveTheRealKeyOrder) {
  UW_REQUIRE_SHARED(shared);
  const auto& e = test::Export100k();
  const auto samples = shared / "samples/listenbrainz-server";
  EXPECT_EQ(FirstRecordKeys(test::FilesWithPrefix(e.extended_dir(), "endsong_").front()),
            FirstRecordKeys(samples / "spotify_streaming_endsong_0.json"));
  std::vector<std::string> newest;
  for (const auto& f : test::FilesWithPrefix(e.extended_dir(), "Streaming_History_Audio_")) {
    const auto keys = FirstRecordKeys(f);
    if (keys.size() == 23) newest = keys;
  }
  EXPECT_EQ(newest, FirstRecordKeys(samples / "spotify_streaming_2023.json"));
}

TEST(SamplesConformanceTest, RecentlyPlayedHasTheRealShape) {
  UW_REQUIRE_SHARED(shared);
  const auto& e = test::Export100k();
  simdjson::dom::parser real_parser, our_parser;
  const auto real =
      real_parser
          .load((shared / "samples/listenbrainz-server/spotify_recently_played_submitted.json")
                    .string())
          .value();
  const auto ours =
      our_parser.load(test::FilesWithPrefix(e.api_dir(), "recently_played_").back().string())
          .value();
  const auto as_set = [](std::vector<std::string> v) {
    return std::set<std::string>(v.begin(), v.end());
  };
  EXPECT_EQ(as_set(Keys(ours.get_object())), as_set(Keys(real.get_object())));
  const auto real_item = real["items"].at(0), our_item = ours["items"].at(0);
  EXPECT_EQ(as_set(Keys(our_item.get_object())), as_set(Keys(real_item.get_object())));
  EXPECT_EQ(Keys(our_item["track"].get_object()), Keys(real_item["track"].get_object()));
  for (const char* key : {"album_type", "artists", "id", "images", "name", "release_date", "uri"}) {
    EXPECT_EQ(our_item["track"]["album"][key].error(), simdjson::SUCCESS) << key;
  }
  // The Web API's Jackson layout: "key" : value, arrays of objects opened on the same line.
  const std::string text =
      uw::testing::ReadFile(test::FilesWithPrefix(e.api_dir(), "recently_played_").back());
  EXPECT_EQ(text.rfind("{\n  \"items\" : [ {\n    \"track\" : {", 0), 0u);
}

}  // namespace
}  // namespace uw::generator
