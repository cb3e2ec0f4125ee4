#include "generator/json.h"

#include <gtest/gtest.h>

namespace uw::generator {
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

}  // namespace
}  // namespace uw::generator
