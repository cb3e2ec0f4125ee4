#include "delta/path_encoding.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace uw::delta {
namespace {

TEST(PathEncoding, KeepsHiveLayoutAndEncodesSpecials) {
  EXPECT_EQ(EncodeLogPath("year=2024/month=3/part-0.parquet"), "year=2024/month=3/part-0.parquet");
  EXPECT_EQ(EncodeLogPath("a b/c%d#e?.parquet"), "a%20b/c%25d%23e%3F.parquet");
  EXPECT_EQ(EncodeLogPath("caf\xC3\xA9"), "caf%C3%A9");
}

TEST(PathEncoding, DecodeInvertsEncode) {
  const std::string path = "x=bar+%21/ä ö/part;1.parquet";
  EXPECT_EQ(DecodeLogPath(EncodeLogPath(path)), path);
  EXPECT_EQ(DecodeLogPath("a%2"), std::nullopt);
  EXPECT_EQ(DecodeLogPath("a%zz"), std::nullopt);
}

// The golden table data-reader-escaped-chars: value "bar+%21" -> folder "_2=bar+%2521" ->
// log path "_2=bar+%252521".
TEST(PathEncoding, HiveEscapingThenUriEncodingMatchesDelta) {
  const std::string dir = PartitionDir({"_2"}, {{"_2", "bar+%21"}});
  EXPECT_EQ(dir, "_2=bar+%2521");
  EXPECT_EQ(EncodeLogPath(dir), "_2=bar+%252521");
}

TEST(PathEncoding, PartitionDirInColumnOrder) {
  EXPECT_EQ(PartitionDir({"year", "month"}, {{"month", "3"}, {"year", "2024"}}),
            "year=2024/month=3");
  EXPECT_EQ(PartitionDir({"k"}, {{"k", std::nullopt}}), "k=__HIVE_DEFAULT_PARTITION__");
  EXPECT_EQ(PartitionDir({"k"}, {{"k", "a/b:c"}}), "k=a%2Fb%3Ac");
  EXPECT_THROW(PartitionDir({"year"}, {}), Error);
}

}  // namespace
}  // namespace uw::delta
