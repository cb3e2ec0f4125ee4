#include "core/json.h"

#include <gtest/gtest.h>

namespace uw::core {
namespace {

Json Sample() {
  return Json::Object()
      .Set("items", Json::Array()
                        .Push(Json::Object().Set("id", "x\"y").Set("n", 3))
                        .Push(Json::Object().Set("n", int64_t{4})))
      .Set("empty", Json::Array())
      .Set("none", nullptr)
      .Set("flags", Json::Array().Push(true).Push(false))
      .Set("obj", Json::Object());
}

TEST(JsonTest, Compact) {
  EXPECT_EQ(
      Sample().Dump(JsonLayout::kCompact),
      R"({"items":[{"id":"x\"y","n":3},{"n":4}],"empty":[],"none":null,"flags":[true,false],"obj":{}})");
}

// The layout of real Web API responses (zmb3/spotify test_data): arrays stay on the line.
TEST(JsonTest, JacksonLayoutLikeTheWebApi) {
  EXPECT_EQ(Sample().Dump(JsonLayout::kJackson),
            "{\n"
            "  \"items\" : [ {\n"
            "    \"id\" : \"x\\\"y\",\n"
            "    \"n\" : 3\n"
            "  }, {\n"
            "    \"n\" : 4\n"
            "  } ],\n"
            "  \"empty\" : [ ],\n"
            "  \"none\" : null,\n"
            "  \"flags\" : [ true, false ],\n"
            "  \"obj\" : { }\n"
            "}");
}

// Python's json.dump(indent=2, separators=(",", " : ")): the account-data layout.
TEST(JsonTest, IndentedWithSpacedColonLikeAccountData) {
  const Json rows =
      Json::Array().Push(Json::Object().Set("endTime", "2024-01-01 10:00").Set("msPlayed", 5));
  EXPECT_EQ(rows.Dump(JsonLayout::kIndented, 2, " : "),
            "[\n  {\n    \"endTime\" : \"2024-01-01 10:00\",\n    \"msPlayed\" : 5\n  }\n]");
  EXPECT_EQ(Json::Array().Dump(JsonLayout::kIndented, 2, " : "), "[]");
}

TEST(JsonTest, KeepsUtf8AndEscapesControlCharacters) {
  EXPECT_EQ(Json("夜に駆ける 🌙\n").Dump(JsonLayout::kCompact), "\"夜に駆ける 🌙\\n\"");
  EXPECT_EQ(Json(1.5).Dump(JsonLayout::kCompact), "1.5");
}

// The Web API's January–March 2024 quirk: some integer fields came as floats (formats.md §3.2).
TEST(JsonTest, CountsAreIntegersUnlessJavaDoublesAreAsked) {
  const Json body = Json::Object()
                        .Set("duration_ms", Json::Count(204053))
                        .Set("popularity", Json::Count(49'022'656))
                        .Set("track_number", 7)
                        .Set("artists", Json::Strings({"a", "b"}));
  EXPECT_EQ(body.Dump(),
            R"({"duration_ms":204053,"popularity":49022656,"track_number":7,"artists":["a","b"]})");
  EXPECT_EQ(
      body.Dump({.counts_as_java_doubles = true}),
      R"({"duration_ms":204053.0,"popularity":4.9022656E7,"track_number":7,"artists":["a","b"]})");
  EXPECT_EQ(Json::Array()
                .Push(Json::Count(3))
                .Dump({.layout = JsonLayout::kJackson, .counts_as_java_doubles = true}),
            "[ 3.0 ]");
}

TEST(JsonTest, JavaDoubleFormatting) {
  EXPECT_EQ(JavaDouble(204053), "204053.0");
  EXPECT_EQ(JavaDouble(0), "0.0");
  EXPECT_EQ(JavaDouble(9'999'999), "9999999.0");
  EXPECT_EQ(JavaDouble(10'000'000), "1.0E7");
  EXPECT_EQ(JavaDouble(49'022'656), "4.9022656E7");
  EXPECT_EQ(JavaDouble(-640), "-640.0");
}

TEST(JsonTest, NullAndSize) {
  EXPECT_TRUE(Json().is_null());
  EXPECT_FALSE(Json(0).is_null());
  EXPECT_EQ(Json::Object().Set("a", 1).Set("b", 2).size(), 2u);
  EXPECT_EQ(Json::Array().Push(1).size(), 1u);
}

}  // namespace
}  // namespace uw::core
