// PatchRows must give exactly the rows a rebuild would: each listed key's rows replaced (or
// inserted in key order, or removed), every other row as published, and nothing when no listed
// key's rows differ.
#include "pipeline/tables/patch_rows.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "core/error.h"

namespace uw::tables {
namespace {

using parquet::Batch;
using parquet::ColumnType;

parquet::Schema Shape() {
  return parquet::Schema({{"id", ColumnType::kString, false},
                          {"position", ColumnType::kInt32, false},
                          {"score", ColumnType::kDouble, true}});
}

// Rows as "id/position/score" ("-" for a null score), so whole batches compare as strings.
using Row = std::tuple<std::string, int32_t, std::optional<double>>;
Batch Rows(const std::vector<Row>& rows) {
  Batch batch(Shape());
  for (const auto& [id, position, score] : rows) {
    batch.column(0).AppendString(id);
    batch.column(1).AppendInt32(position);
    if (score) batch.column(2).AppendDouble(*score); else batch.column(2).AppendNull();
  }
  return batch;
}
std::vector<std::string> Text(const Batch& batch) {
  std::vector<std::string> out;
  for (size_t r = 0; r < batch.num_rows(); ++r) {
    out.push_back(std::string(batch.column(0).GetString(r)) + "/" +
                  std::to_string(batch.column(1).GetInt32(r)) + "/" +
                  (batch.column(2).IsNull(r) ? "-" : std::to_string(batch.column(2).GetDouble(r))));
  }
  return out;
}

const Batch kPublished = Rows({{"b", 0, 1.0}, {"b", 1, 2.0}, {"d", 0, std::nullopt},
                               {"f", 0, 3.0}, {"h", 0, 4.0}});

TEST(PatchRows, UnchangedKeysGiveNothingToWrite) {
  EXPECT_FALSE(PatchRows(kPublished, Rows({{"b", 0, 1.0}, {"b", 1, 2.0}, {"d", 0, std::nullopt}}),
                         {"b", "d"}));
  EXPECT_FALSE(PatchRows(kPublished, Rows({}), {}));
  // A listed key absent from both is no change either.
  EXPECT_FALSE(PatchRows(kPublished, Rows({}), {"c"}));
}

TEST(PatchRows, ReplacesInsertsAndRemovesListedKeysOnly) {
  const auto patched = PatchRows(
      kPublished, Rows({{"a", 0, 9.0}, {"b", 0, 1.0}, {"e", 0, 5.0}, {"f", 0, 3.5}, {"z", 0, 0.0}}),
      {"a", "b", "d", "e", "f", "z"});
  ASSERT_TRUE(patched);
  EXPECT_EQ(Text(*patched),
            (std::vector<std::string>{"a/0/9.000000", "b/0/1.000000", "e/0/5.000000",
                                      "f/0/3.500000", "h/0/4.000000", "z/0/0.000000"}));
}

TEST(PatchRows, ANullBecomingAValueIsAChange) {
  const auto patched = PatchRows(kPublished, Rows({{"d", 0, 0.0}}), {"d"});
  ASSERT_TRUE(patched);
  EXPECT_EQ(Text(*patched)[2], "d/0/0.000000");
  EXPECT_EQ(patched->num_rows(), kPublished.num_rows());
}

TEST(PatchRows, IntoAnEmptyTable) {
  const auto patched = PatchRows(Rows({}), Rows({{"x", 0, 1.0}, {"y", 0, 2.0}}), {"x", "y"});
  ASSERT_TRUE(patched);
  EXPECT_EQ(Text(*patched), (std::vector<std::string>{"x/0/1.000000", "y/0/2.000000"}));
}

TEST(PatchRows, UpdatedRowsOfAnUnlistedKeyAreAnError) {
  EXPECT_THROW(PatchRows(kPublished, Rows({{"b", 0, 1.0}, {"c", 0, 1.0}}), {"b"}), Error);
  EXPECT_THROW(PatchRows(kPublished, Rows({{"a", 0, 1.0}, {"c", 0, 1.0}}), {"c"}), Error);
  const Batch other(parquet::Schema({{"id", ColumnType::kString, false}}));
  EXPECT_THROW(PatchRows(kPublished, other, {}), Error);
}

TEST(SameValue, ComparesByTypeWithNulls) {
  const Batch a = Rows({{"k", 1, std::nullopt}, {"k", 1, 2.0}});
  EXPECT_TRUE(SameValue(a.column(2), 0, a.column(2), 0));
  EXPECT_FALSE(SameValue(a.column(2), 0, a.column(2), 1));
  EXPECT_TRUE(SameValue(a.column(0), 0, a.column(0), 1));
  EXPECT_TRUE(SameValue(a.column(1), 0, a.column(1), 1));
}

}  // namespace
}  // namespace uw::tables
