#include "pipeline/gold/label_codes.h"

#include <gtest/gtest.h>

namespace uw::gold {
namespace {

TEST(LabelCodes, IndicesBecomeCodesOfOneSharedTable) {
  const LabelCodes labels({"rock", "", "jazz"});
  parquet::ColumnVector column(parquet::ColumnType::kString);
  const std::vector<int32_t> indices = {2, -1, 0, 1, 2};
  labels.Append(column, indices);
  ASSERT_EQ(column.size(), 5u);
  EXPECT_NE(column.dictionary(), nullptr);  // codes, not bytes
  EXPECT_EQ(column.GetString(0), "jazz");
  EXPECT_TRUE(column.IsNull(1));  // no label
  EXPECT_EQ(column.GetString(2), "rock");
  EXPECT_TRUE(column.IsNull(3));  // an empty label is a null, as tables::AppendText has it
  EXPECT_EQ(column.GetString(4), "jazz");

  parquet::ColumnVector values(parquet::ColumnType::kString);
  labels.AppendValues(values, std::vector<int32_t>{1, 0});
  EXPECT_EQ(values.null_count(), 0u);  // NOT NULL columns keep the empty string
  EXPECT_EQ(values.GetString(0), "");
  EXPECT_EQ(values.GetString(1), "rock");
  // Both columns hold codes of the same table.
  EXPECT_EQ(values.dictionary(), column.dictionary());
}

}  // namespace
}  // namespace uw::gold
