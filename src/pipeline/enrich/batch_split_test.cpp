#include "pipeline/enrich/batch_split.h"

#include <gtest/gtest.h>

namespace uw::enrich {
namespace {

TEST(SplitBatch, CutsEachObjectOutByteForByte) {
  const std::string a = "{\"id\":\"a\",\"duration_ms\":204053.0,\"name\":\"A \\u00e9\",\"nested\":{\"x\":[1, 2]}}";
  const std::string b = "{\n    \"name\" : \"B\",\n    \"id\" : \"b\"\n  }";
  const std::string body = "{\n  \"tracks\" : [ " + a + ", null,\n  " + b + " ]\n}";
  const auto entries = SplitBatch(ObjectKind::kTracks, body);
  ASSERT_TRUE(entries.has_value());
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].id, "a");
  EXPECT_EQ((*entries)[0].raw, a);
  EXPECT_EQ((*entries)[1].id, "b");
  EXPECT_EQ((*entries)[1].raw, b);
}

TEST(SplitBatch, AllNullsAndEmptyAreFine) {
  const auto nulls = SplitBatch(ObjectKind::kAlbums, "{\"albums\":[null,null]}");
  ASSERT_TRUE(nulls.has_value());
  EXPECT_TRUE(nulls->empty());
  const auto empty = SplitBatch(ObjectKind::kAlbums, "{\"albums\":[]}");
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(empty->empty());
}

TEST(SplitBatch, RejectsWhatIsNotABatchOfThisKind) {
  EXPECT_FALSE(SplitBatch(ObjectKind::kTracks, "{\"albums\":[]}").has_value());
  EXPECT_FALSE(SplitBatch(ObjectKind::kTracks, "[]").has_value());
  EXPECT_FALSE(SplitBatch(ObjectKind::kTracks, "not json").has_value());
  EXPECT_FALSE(SplitBatch(ObjectKind::kTracks, "{\"tracks\":[1]}").has_value());
  EXPECT_FALSE(SplitBatch(ObjectKind::kTracks, "{\"tracks\":[{\"name\":\"no id\"}]}").has_value());
  EXPECT_FALSE(SplitBatch(ObjectKind::kTracks, "{\"tracks\":[{\"id\":\"a\",\"x\":tru}]}").has_value());
  EXPECT_FALSE(SplitBatch(ObjectKind::kTracks, "{\"tracks\":[{\"id\":\"a\"}").has_value());
}

}  // namespace
}  // namespace uw::enrich
