#include "delta/footer_stats.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "delta/batch_stats.h"
#include "parquet/file_writer.h"

namespace uw::delta {
namespace {

using parquet::ColumnType;

// Codes 0..n of a tiny dictionary, to check coded string columns the same way.
class Words final : public parquet::StringDictionary {
 public:
  std::string_view Get(uint32_t code) const override { return words_[code % words_.size()]; }

 private:
  std::vector<std::string> words_ = {"kiwi", "apple", "zebra", "", "mango",
                                     std::string(70, 'y')};
};

parquet::Batch Sample(size_t rows, const parquet::StringDictionary& words) {
  parquet::Batch batch(parquet::Schema({{"i32", ColumnType::kInt32, true},
                                        {"day", ColumnType::kDate, false},
                                        {"i64", ColumnType::kInt64, true},
                                        {"at", ColumnType::kTimestamp, false},
                                        {"d", ColumnType::kDouble, true},
                                        {"nan", ColumnType::kDouble, true},
                                        {"b", ColumnType::kBoolean, true},
                                        {"s", ColumnType::kString, true},
                                        {"long", ColumnType::kString, false},
                                        {"coded", ColumnType::kString, true},
                                        {"nulls", ColumnType::kString, true}}));
  for (size_t r = 0; r < rows; ++r) {
    const auto i = static_cast<int64_t>(r);
    r % 7 == 3 ? batch.column(0).AppendNull() : batch.column(0).AppendInt32(int32_t(i * 37 % 101 - 50));
    batch.column(1).AppendInt32(int32_t(18000 + i % 400));
    r % 5 == 0 ? batch.column(2).AppendNull() : batch.column(2).AppendInt64(i * i - 1000);
    batch.column(3).AppendInt64(1'700'000'000'000'000 + i * 1'234'567);
    r % 4 == 1 ? batch.column(4).AppendNull() : batch.column(4).AppendDouble(double(i % 9) - 4.0);
    batch.column(5).AppendDouble(std::numeric_limits<double>::quiet_NaN());
    r % 3 == 0 ? batch.column(6).AppendNull() : batch.column(6).AppendBool(r % 2 == 0);
    r % 6 == 2 ? batch.column(7).AppendNull() : batch.column(7).AppendString("v" + std::to_string(i % 50));
    batch.column(8).AppendString(std::string(40 + r % 40, char('a' + r % 26)));
    r % 8 == 5 ? batch.column(9).AppendNull() : batch.column(9).AppendCode(words, uint32_t(r));
    batch.column(10).AppendNull();
  }
  return batch;
}

// The footer's stats must serialise exactly as the stats computed from the rows, whatever the
// row-group split.
TEST(FooterStats, SameJsonAsStatsOfTheRows) {
  const Words words;
  const parquet::Batch batch = Sample(5000, words);
  for (const int64_t group_rows : {int64_t{1} << 20, int64_t{1234}}) {
    parquet::WriterOptions options;
    options.row_group_rows = group_rows;
    std::string bytes;
    parquet::FileWriter writer = parquet::FileWriter::ToString(&bytes, batch.schema(), options);
    writer.Write(batch);
    writer.Close();
    ASSERT_EQ(writer.metadata().row_groups.size(), group_rows == 1234 ? 5u : 1u);
    EXPECT_EQ(StatsJson(StatsOfFooter(writer.metadata(), batch.schema())),
              StatsJson(StatsOfBatch(batch)))
        << "row groups of " << group_rows;
  }
}

TEST(FooterStats, ZeroMinimumIsPositiveZero) {
  parquet::Batch batch(parquet::Schema({{"d", ColumnType::kDouble, false}}));
  batch.column(0).AppendDouble(0.0);
  batch.column(0).AppendDouble(2.5);
  std::string bytes;
  parquet::FileWriter writer = parquet::FileWriter::ToString(&bytes, batch.schema());
  writer.Write(batch);
  writer.Close();
  const FileStats stats = StatsOfFooter(writer.metadata(), batch.schema());
  ASSERT_TRUE(stats.columns[0].min.has_value());
  EXPECT_FALSE(std::signbit(std::get<double>(*stats.columns[0].min)));
  EXPECT_EQ(std::get<double>(*stats.columns[0].max), 2.5);
}

TEST(FooterStats, ChunkWithValuesButNoBoundsDropsTheColumnsBounds) {
  parquet::FileMetaData footer;
  footer.num_rows = 4;
  for (int g = 0; g < 2; ++g) {
    parquet::RowGroup group;
    group.num_rows = 2;
    parquet::ColumnChunk chunk;
    chunk.meta_data.emplace();
    chunk.meta_data->statistics.emplace();
    chunk.meta_data->statistics->null_count = 0;
    if (g == 0) {
      chunk.meta_data->statistics->min_value = "a";
      chunk.meta_data->statistics->max_value = "b";
    }
    group.columns.push_back(chunk);
    footer.row_groups.push_back(group);
  }
  const FileStats stats =
      StatsOfFooter(footer, parquet::Schema({{"s", ColumnType::kString, false}}));
  EXPECT_FALSE(stats.columns[0].min.has_value());
  EXPECT_FALSE(stats.columns[0].max.has_value());
  EXPECT_EQ(stats.num_records, 4);
}

}  // namespace
}  // namespace uw::delta
