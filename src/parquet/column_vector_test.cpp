// The bulk appenders (AppendNulls, AppendGather) must give exactly what their row-by-row
// equivalents give, for every type and string representation.
#include "parquet/column_vector.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "parquet/file_reader.h"
#include "parquet/file_writer.h"
#include "parquet/test_support.h"

namespace uw::parquet {
namespace {

using test::Difference;

Batch OneColumn(const ColumnVector& column) {
  Batch batch(Schema({{"x", column.type(), true}}));
  batch.column(0).AppendRange(column, 0, column.size());
  return batch;
}

RC_GTEST_PROP(ColumnVectorBulk, GatherAndNullsMatchRowByRow, ()) {
  const auto type = *rc::gen::element(ColumnType::kBoolean, ColumnType::kInt32, ColumnType::kDate,
                                      ColumnType::kInt64, ColumnType::kTimestamp,
                                      ColumnType::kDouble, ColumnType::kString);
  const Schema schema({{"x", type, true}});
  const size_t size = *rc::gen::inRange<size_t>(1, 200);
  Batch source = test::GenBatch(schema, size);
  if (type == ColumnType::kString && *rc::gen::arbitrary<bool>()) {
    source = FileReader::OpenBytes(WriteParquet(source)).Read();  // coded, when the writer
  }                                                               // kept a dictionary
  const auto rows = *rc::gen::container<std::vector<int32_t>>(
      rc::gen::inRange<int32_t>(-3, static_cast<int32_t>(size)));
  const size_t nulls = *rc::gen::inRange<size_t>(0, 5);
  // Both start with the same rows, so a coded start meets the gathered codes too.
  const size_t lead = *rc::gen::inRange<size_t>(0, size);

  ColumnVector bulk(type), single(type);
  bulk.AppendRange(source.column(0), 0, lead);
  single.AppendRange(source.column(0), 0, lead);
  bulk.AppendGather(source.column(0), rows);
  bulk.AppendNulls(nulls);
  for (const int32_t row : rows) {
    if (row < 0)
      single.AppendNull();
    else
      single.AppendFrom(source.column(0), size_t(row));
  }
  for (size_t i = 0; i < nulls; ++i) single.AppendNull();
  RC_ASSERT(bulk.size() == single.size());
  RC_ASSERT(bulk.null_count() == single.null_count());
  RC_ASSERT(Difference(OneColumn(bulk), OneColumn(single)) == "");
  if (source.column(0).dictionary() != nullptr && lead > 0)
    RC_ASSERT(bulk.dictionary() == source.column(0).dictionary());
}

TEST(ColumnVectorBulk, NullsOfAnEmptyColumnThenValues) {
  ColumnVector column(ColumnType::kInt64);
  column.AppendNulls(0);
  EXPECT_TRUE(column.validity().empty());  // no null yet: no validity
  column.AppendInt64(5);
  column.AppendNulls(2);
  column.AppendInt64(6);
  ASSERT_EQ(column.size(), 4u);
  EXPECT_EQ(column.null_count(), 2u);
  EXPECT_FALSE(column.IsNull(0));
  EXPECT_TRUE(column.IsNull(2));
  EXPECT_EQ(column.GetInt64(3), 6);
  EXPECT_EQ(column.int64s().size(), 4u);
}

}  // namespace
}  // namespace uw::parquet
