// Property and example tests: whatever the writer writes, the reader returns exactly.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "core/error.h"
#include "parquet/file_reader.h"
#include "parquet/file_writer.h"
#include "parquet/test_support.h"
#include "storage/memory_store.h"

namespace uw::parquet {
namespace {

using test::Difference;

RC_GTEST_PROP(RoundTrip, RandomSchemasValuesAndOptions, ()) {
  const Schema schema = *test::GenSchema();
  const size_t rows = *rc::gen::weightedOneOf<size_t>({{1, rc::gen::just<size_t>(0)},
                                                       {6, rc::gen::inRange<size_t>(1, 120)},
                                                       {1, rc::gen::inRange<size_t>(120, 700)}});
  const Batch batch = test::GenBatch(schema, rows);
  const WriterOptions options = *test::GenOptions();

  // Stream the batch in random slices: the file must not depend on how rows arrive.
  std::string bytes;
  FileWriter writer = FileWriter::ToString(&bytes, schema, options);
  size_t begin = 0;
  while (begin < rows) {
    const size_t n = std::min(rows - begin, *rc::gen::inRange<size_t>(1, 200));
    Batch slice(schema);
    for (size_t c = 0; c < schema.size(); ++c)
      slice.column(c).AppendRange(batch.column(c), begin, begin + n);
    writer.Write(slice);
    begin += n;
  }
  writer.Close();

  const FileReader reader = FileReader::OpenBytes(bytes, "random.parquet");
  RC_ASSERT(reader.num_rows() == static_cast<int64_t>(rows));
  RC_ASSERT(reader.schema() == schema);
  const size_t expected_groups = (rows + options.row_group_rows - 1) / options.row_group_rows;
  RC_ASSERT(reader.num_row_groups() >= expected_groups);  // byte limits may cut more often
  const Batch back = reader.Read();
  const std::string difference = Difference(batch, back);
  RC_ASSERT(difference == "");
}

RC_GTEST_PROP(RoundTrip, ProjectionReturnsTheChosenColumns, ()) {
  const Schema schema = *test::GenSchema();
  const Batch batch = test::GenBatch(schema, *rc::gen::inRange<size_t>(0, 50));
  const FileReader reader = FileReader::OpenBytes(WriteParquet(batch));
  const size_t pick = *rc::gen::inRange<size_t>(0, schema.size());
  const Batch back = reader.Read({.columns = {schema.field(pick).name}});
  RC_ASSERT(back.num_columns() == 1u);
  Batch expected(Schema({schema.field(pick)}));
  expected.column(0).AppendRange(batch.column(pick), 0, batch.num_rows());
  RC_ASSERT(Difference(expected, back) == "");
}

Schema EventSchema() {
  return Schema({{"id", ColumnType::kInt64, false},
                 {"name", ColumnType::kString, true},
                 {"played_at", ColumnType::kTimestamp, true},
                 {"skipped", ColumnType::kBoolean, true},
                 {"day", ColumnType::kDate, false},
                 {"score", ColumnType::kDouble, true},
                 {"rank", ColumnType::kInt32, true}});
}

Batch Events(size_t rows) {
  Batch b(EventSchema());
  for (size_t i = 0; i < rows; ++i) {
    b.column(0).AppendInt64(static_cast<int64_t>(i));
    if (i % 7 == 3)
      b.column(1).AppendNull();
    else
      b.column(1).AppendString("artist " + std::to_string(i % 13));
    b.column(2).AppendInt64(1'600'000'000'000'000 + static_cast<int64_t>(i) * 1'000'000);
    b.column(3).AppendBool(i % 3 == 0);
    b.column(4).AppendInt32(18'000 + static_cast<int32_t>(i / 100));
    b.column(5).AppendDouble(static_cast<double>(i) / 4);
    b.column(6).AppendInt32(static_cast<int32_t>(i % 50) - 25);
  }
  return b;
}

TEST(RoundTrip, ZeroRowFile) {
  const Batch empty(EventSchema());
  const std::string bytes = WriteParquet(empty);
  const FileReader reader = FileReader::OpenBytes(bytes);
  EXPECT_EQ(reader.num_row_groups(), 0u);
  EXPECT_EQ(reader.num_rows(), 0);
  EXPECT_EQ(reader.schema(), EventSchema());
  EXPECT_EQ(reader.Read().num_rows(), 0u);
}

TEST(RoundTrip, RowGroupAndPageBoundaries) {
  for (const size_t rows : {99, 100, 101, 1000}) {
    WriterOptions o;
    o.row_group_rows = 100;
    o.page_rows = 10;
    const Batch batch = Events(rows);
    const FileReader reader = FileReader::OpenBytes(WriteParquet(batch, o));
    EXPECT_EQ(reader.num_row_groups(), (rows + 99) / 100) << rows;
    for (size_t g = 0; g < reader.num_row_groups(); ++g) {
      const int64_t expected = std::min<int64_t>(100, static_cast<int64_t>(rows - g * 100));
      EXPECT_EQ(reader.metadata().row_groups[g].num_rows, expected);
    }
    EXPECT_EQ(Difference(batch, reader.Read()), "") << rows;
  }
}

TEST(RoundTrip, RowGroupsAreCutByBytesToo) {
  WriterOptions o;
  o.row_group_bytes = 20'000;
  const Batch batch = Events(20'000);
  const FileReader reader = FileReader::OpenBytes(WriteParquet(batch, o));
  EXPECT_GT(reader.num_row_groups(), 3u);
  EXPECT_EQ(Difference(batch, reader.Read()), "");
}

TEST(RoundTrip, DictionaryFallsBackToPlainWhenItOutgrowsItsLimit) {
  Batch batch(Schema({{"s", ColumnType::kString, false}}));
  for (int i = 0; i < 5000; ++i) batch.column(0).AppendString("value-" + std::to_string(i));
  WriterOptions o;
  o.dictionary_bytes = 4096;
  o.page_rows = 500;
  const FileReader reader = FileReader::OpenBytes(WriteParquet(batch, o));
  const ColumnMetaData& meta = *reader.metadata().row_groups[0].columns[0].meta_data;
  ASSERT_TRUE(meta.dictionary_page_offset.has_value());
  int dictionary_pages = 0, plain_pages = 0;
  for (const auto& s : meta.encoding_stats) {
    if (s.page_type == PageType::kDataPage && s.encoding == Encoding::kRleDictionary)
      dictionary_pages += s.count;
    if (s.page_type == PageType::kDataPage && s.encoding == Encoding::kPlain)
      plain_pages += s.count;
  }
  EXPECT_GT(dictionary_pages, 0);
  EXPECT_GT(plain_pages, 0);
  EXPECT_EQ(Difference(batch, reader.Read()), "");
}

TEST(RoundTrip, ThroughAnObjectStoreWithRangedReads) {
  storage::MemoryStore store("parquet-round-trip");
  const Batch batch = Events(5000);
  WriterOptions o;
  o.codec = Codec::kZstd;
  o.row_group_rows = 1000;
  FileWriter writer = FileWriter::ToStore(store, "silver/t/part-0.parquet", batch.schema(), o);
  writer.Write(batch);
  EXPECT_FALSE(store.Exists("silver/t/part-0.parquet"));  // nothing visible before Close()
  writer.Close();
  const FileReader reader = FileReader::OpenStore(store, "silver/t/part-0.parquet");
  EXPECT_EQ(reader.num_row_groups(), 5u);
  EXPECT_EQ(Difference(batch, reader.Read()), "");
}

TEST(RoundTrip, AbandonedWriterPublishesNothing) {
  storage::MemoryStore store("parquet-abandoned");
  {
    FileWriter writer = FileWriter::ToStore(store, "x.parquet", EventSchema());
    writer.Write(Events(10));
  }
  EXPECT_FALSE(store.Exists("x.parquet"));
}

TEST(RoundTrip, RangeFilterSkipsRowGroupsAndReturnsExactRows) {
  WriterOptions o;
  o.row_group_rows = 100;
  const Batch batch = Events(1000);
  const FileReader reader = FileReader::OpenBytes(WriteParquet(batch, o));
  const RangePredicate p{"id", int64_t{250}, int64_t{349}};
  std::vector<size_t> candidates;
  for (size_t g = 0; g < reader.num_row_groups(); ++g) {
    if (reader.RowGroupMayMatch(g, p)) candidates.push_back(g);
  }
  EXPECT_EQ(candidates, (std::vector<size_t>{2, 3}));
  const Batch hits = reader.Read({.columns = {"id", "name"}, .filter = p});
  ASSERT_EQ(hits.num_rows(), 100u);
  EXPECT_EQ(hits.column(0).GetInt64(0), 250);
  EXPECT_EQ(hits.column(0).GetInt64(99), 349);

  const Batch strings =
      reader.Read({.filter = RangePredicate{"name", std::string("artist 12"), std::nullopt}});
  size_t expected = 0;
  for (size_t i = 0; i < 1000; ++i)
    expected += i % 7 != 3 && "artist " + std::to_string(i % 13) >= "artist 12";
  EXPECT_EQ(strings.num_rows(), expected);
}

TEST(RoundTrip, ReadLimitAndUnknownColumns) {
  const FileReader reader = FileReader::OpenBytes(WriteParquet(Events(300)));
  EXPECT_EQ(reader.Read({.limit = 17}).num_rows(), 17u);
  try {
    reader.Read({.columns = {"nope"}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
  }
  EXPECT_THROW(reader.Read({.filter = RangePredicate{"id", std::string("x"), std::nullopt}}),
               Error);
}

TEST(RoundTrip, WriterRejectsBadInput) {
  Batch batch(Schema({{"s", ColumnType::kString, false}}));
  batch.column(0).AppendNull();
  EXPECT_THROW(WriteParquet(batch), Error);  // null in a REQUIRED column
  Batch bad_utf8(Schema({{"s", ColumnType::kString, true}}));
  bad_utf8.column(0).AppendString("\xff\xfe");
  EXPECT_THROW(WriteParquet(bad_utf8), Error);
  EXPECT_THROW(WriteParquet(Batch(Schema({{"bad name", ColumnType::kInt32, true}}))), Error);
  EXPECT_THROW(WriteParquet(Batch(
                   Schema({{"a", ColumnType::kInt32, true}, {"A", ColumnType::kInt32, true}}))),
               Error);
}

}  // namespace
}  // namespace uw::parquet
