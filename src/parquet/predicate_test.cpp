#include "parquet/predicate.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "core/error.h"
#include "parquet/file_reader.h"
#include "parquet/file_writer.h"
#include "parquet/test_support.h"

namespace uw::parquet {
namespace {

// Statistics may only prune row groups that really hold no match: for random data and a range
// between two of its own values, every row group with a matching row must be kept, and the
// filtered read must return exactly the matching rows.
RC_GTEST_PROP(Predicate, PruningNeverLosesMatches, ()) {
  const Schema schema = *test::GenSchema();
  const Batch batch = test::GenBatch(schema, *rc::gen::inRange<size_t>(1, 300));
  WriterOptions o = *test::GenOptions();
  o.statistics = true;
  const FileReader reader = FileReader::OpenBytes(WriteParquet(batch, o));
  const size_t c = *rc::gen::inRange<size_t>(0, schema.size());
  const ColumnVector& column = batch.column(c);
  RangePredicate p{schema.field(c).name, std::nullopt, std::nullopt};
  const auto pick = [&]() -> std::optional<Scalar> {
    const size_t r = *rc::gen::inRange<size_t>(0, column.size());
    if (column.IsNull(r) || *rc::gen::inRange(0, 4) == 0) return std::nullopt;
    Scalar s = CellScalar(column, r);
    if (std::holds_alternative<double>(s) && std::isnan(std::get<double>(s))) return std::nullopt;
    return s;
  };
  p.lower = pick();
  p.upper = pick();
  size_t row = 0;
  std::vector<uint8_t> expected(batch.num_rows());
  for (size_t g = 0; g < reader.num_row_groups(); ++g) {
    bool any = false;
    for (int64_t i = 0; i < reader.metadata().row_groups[g].num_rows; ++i, ++row) {
      expected[row] = Matches(p, column, row);
      any = any || expected[row];
    }
    if (any) RC_ASSERT(reader.RowGroupMayMatch(g, p));
  }
  const Batch hits = reader.Read({.filter = p});
  RC_ASSERT(test::Difference(batch.Filter(expected), hits) == "");
}

TEST(Predicate, StatisticsPruneWhatTheyCan) {
  LeafColumn leaf;
  leaf.name = "x";
  leaf.physical = PhysicalType::kInt64;
  leaf.type = ColumnType::kInt64;
  leaf.stats_usable = true;
  Statistics s;
  s.null_count = 0;
  int64_t lo = 10, hi = 20;
  s.min_value = std::string(reinterpret_cast<const char*>(&lo), 8);
  s.max_value = std::string(reinterpret_cast<const char*>(&hi), 8);
  EXPECT_TRUE(StatisticsMayMatch({"x", int64_t{20}, std::nullopt}, leaf, &s, true, 5));
  EXPECT_FALSE(StatisticsMayMatch({"x", int64_t{21}, std::nullopt}, leaf, &s, true, 5));
  EXPECT_FALSE(StatisticsMayMatch({"x", std::nullopt, int64_t{9}}, leaf, &s, true, 5));
  s.null_count = 5;  // only nulls: nothing can match
  EXPECT_FALSE(StatisticsMayMatch({"x", int64_t{0}, std::nullopt}, leaf, &s, true, 5));

  // String statistics need TYPE_ORDER; the deprecated signed fields never count for strings.
  leaf.physical = PhysicalType::kByteArray;
  leaf.type = ColumnType::kString;
  Statistics t;
  t.min_value = "b";
  t.max_value = "c";
  EXPECT_FALSE(StatisticsMayMatch({"x", std::string("d"), std::nullopt}, leaf, &t, true, 5));
  EXPECT_TRUE(StatisticsMayMatch({"x", std::string("d"), std::nullopt}, leaf, &t, false, 5));
  Statistics old;
  old.min = "b";
  old.max = "c";
  EXPECT_TRUE(StatisticsMayMatch({"x", std::string("d"), std::nullopt}, leaf, &old, true, 5));
}

TEST(Predicate, BoundsMustFitTheColumn) {
  EXPECT_THROW(CheckPredicate({"x", std::string("a"), std::nullopt}, ColumnType::kInt64), Error);
  EXPECT_THROW(CheckPredicate({"x", std::nan(""), std::nullopt}, ColumnType::kDouble), Error);
  EXPECT_NO_THROW(CheckPredicate({"x", int64_t{1}, int64_t{2}}, ColumnType::kDate));
}

}  // namespace
}  // namespace uw::parquet
