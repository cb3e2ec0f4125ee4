// The reader's coded strings (ReaderOptions::coded_strings): dictionary-encoded chunks come back
// as codes of a StringTable, chunks without a dictionary or falling back to PLAIN as bytes, and
// either way the values are those written. Coded columns of several files appended together stay
// coded, and writing what was read gives back the very same file.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "parquet/file_reader.h"
#include "parquet/file_writer.h"
#include "parquet/test_support.h"

namespace uw::parquet {
namespace {

using test::Difference;

const Schema kSchema({{"name", ColumnType::kString, true},
                      {"tag", ColumnType::kString, false},
                      {"n", ColumnType::kInt64, false}});

// `rows` rows: names from a few dozen (every 7th null), tags from a handful.
Batch FewValues(size_t rows, int salt = 0) {
  Batch batch(kSchema);
  for (size_t r = 0; r < rows; ++r) {
    if (r % 7 == 3) {
      batch.column(0).AppendNull();
    } else {
      batch.column(0).AppendString("name " + std::to_string((r * 31 + salt) % 40));
    }
    batch.column(1).AppendString(r % 5 == 0 ? "" : "tag" + std::to_string(r % 3 + salt));
    batch.column(2).AppendInt64(int64_t(r));
  }
  return batch;
}

Batch ReadBack(const std::string& file, bool coded = true) {
  ReaderOptions options;
  options.coded_strings = coded;
  return FileReader::OpenBytes(file, "<memory>", options).Read();
}

TEST(CodedRead, DictionaryChunksComeBackAsCodesOfATheColumnShares) {
  const Batch written = FewValues(1000);
  const Batch read = ReadBack(WriteParquet(written));
  EXPECT_EQ(Difference(written, read), "");
  for (size_t c = 0; c < 2; ++c) {
    const ColumnVector& column = read.column(c);
    ASSERT_NE(column.dictionary(), nullptr) << c;
    EXPECT_EQ(column.dictionary_owner().get(), column.dictionary());
    EXPECT_TRUE(column.chars().empty());
  }
  // A null row reads as "", as in a column of bytes.
  EXPECT_TRUE(read.column(0).IsNull(3));
  EXPECT_EQ(read.column(0).GetString(3), "");
  // The table outlives the batch it came with for as long as a column holds its codes.
  ColumnVector kept(ColumnType::kString);
  {
    const Batch batch = ReadBack(WriteParquet(written));
    kept.AppendRange(batch.column(1), 0, batch.num_rows());
  }
  EXPECT_EQ(kept.GetString(1), "tag1");

  const Batch bytes = ReadBack(WriteParquet(written), false);
  EXPECT_EQ(bytes.column(0).dictionary(), nullptr);
  EXPECT_EQ(Difference(written, bytes), "");
}

TEST(CodedRead, ChunksWithoutADictionaryAreBytes) {
  WriterOptions options;
  options.dictionary = false;
  const Batch written = FewValues(300);
  const Batch read = ReadBack(WriteParquet(written, options));
  EXPECT_EQ(read.column(0).dictionary(), nullptr);
  EXPECT_EQ(Difference(written, read), "");
}

// The writer gives up on the dictionary when it outgrows dictionary_bytes: the chunk's first
// pages hold indices, the rest PLAIN values.
TEST(CodedRead, AChunkFallingBackToPlainPagesIsReadWhole) {
  Batch written(kSchema);
  for (int r = 0; r < 3000; ++r) {
    const bool early = r < 400;
    if (r % 11 == 0) {
      written.column(0).AppendNull();
    } else {
      written.column(0).AppendString(early ? "few " + std::to_string(r % 9)
                                           : "many " + std::to_string(r));
    }
    written.column(1).AppendString(early ? "t" : "u" + std::to_string(r));
    written.column(2).AppendInt64(r);
  }
  WriterOptions options;
  options.page_rows = 100;
  options.dictionary_bytes = 200;
  const std::string file = WriteParquet(written, options);
  const FileReader reader = FileReader::OpenBytes(file);
  const ColumnMetaData& meta = *reader.metadata().row_groups.at(0).columns.at(0).meta_data;
  ASSERT_EQ(meta.encoding_stats.size(), 3u);  // dictionary page, indices pages, PLAIN pages
  EXPECT_EQ(meta.encoding_stats[1].encoding, Encoding::kRleDictionary);
  EXPECT_EQ(meta.encoding_stats[2].encoding, Encoding::kPlain);
  const Batch read = reader.Read();
  EXPECT_EQ(Difference(written, read), "");
  EXPECT_EQ(read.column(0).dictionary(), nullptr);  // the PLAIN pages made it bytes
}

TEST(CodedRead, RowGroupsAndFilesAppendedTogetherStayCodedInOneTable) {
  WriterOptions options;
  options.row_group_rows = 100;
  std::vector<std::string> files;
  Batch all(kSchema);
  for (int f = 0; f < 4; ++f) {
    const Batch part = FewValues(350, f);
    files.push_back(WriteParquet(part, options));
    all.Append(part);
  }
  Batch read(kSchema);
  for (const std::string& file : files) {
    EXPECT_EQ(FileReader::OpenBytes(file).num_row_groups(), 4u);
    read.Append(ReadBack(file));
  }
  EXPECT_EQ(Difference(all, read), "");
  for (size_t c = 0; c < 2; ++c) {
    const auto* table = dynamic_cast<const StringTable*>(read.column(c).dictionary());
    ASSERT_NE(table, nullptr) << c;
    // Each distinct string once (plus "" as code 0), not once per chunk.
    EXPECT_LE(table->size(), c == 0 ? 44u : 8u) << c;
  }
  // Written again, the coded batch gives the bytes its strings give.
  EXPECT_EQ(WriteParquet(read), WriteParquet(all));
}

TEST(CodedRead, AppendingToACopyLeavesTheSharedTableAlone) {
  const Batch first = ReadBack(WriteParquet(FewValues(200, 0)));
  const Batch second = ReadBack(WriteParquet(FewValues(200, 5)));
  const auto* table = dynamic_cast<const StringTable*>(first.column(1).dictionary());
  ASSERT_NE(table, nullptr);
  const size_t size = table->size();
  Batch both = first;  // shares first's tables
  both.Append(second);
  EXPECT_EQ(table->size(), size);
  EXPECT_NE(both.column(1).dictionary(), first.column(1).dictionary());
  Batch expected = FewValues(200, 0);
  expected.Append(FewValues(200, 5));
  EXPECT_EQ(Difference(expected, both), "");
  EXPECT_EQ(Difference(FewValues(200, 0), first), "");
}

// Codes of a dictionary the column does not own (AppendCode) and of a reader's table in one
// column: the rows are recoded into a table of the column's own.
TEST(CodedRead, CodesOfAnOutsideDictionaryJoinTheTable) {
  class Words final : public StringDictionary {
   public:
    std::string_view Get(uint32_t code) const override { return code == 0 ? "" : "outside"; }
  } words;
  const Batch read = ReadBack(WriteParquet(FewValues(50)));
  ColumnVector column(ColumnType::kString);
  column.AppendNull();
  column.AppendCode(words, 7);
  column.AppendRange(read.column(1), 0, read.num_rows());
  column.AppendRange(read.column(0), 0, read.num_rows());
  EXPECT_NE(column.dictionary(), nullptr);
  EXPECT_NE(column.dictionary(), &words);
  ASSERT_EQ(column.size(), 102u);
  EXPECT_TRUE(column.IsNull(0));
  EXPECT_EQ(column.GetString(1), "outside");
  for (size_t r = 0; r < 50; ++r) {
    EXPECT_EQ(column.GetString(2 + r), read.column(1).GetString(r));
    EXPECT_EQ(column.IsNull(52 + r), read.column(0).IsNull(r));
    EXPECT_EQ(column.GetString(52 + r), read.column(0).GetString(r));
  }
}

// Whatever the options, a file we wrote and read back writes back byte for byte: what gold
// relies on when it copies silver's columns into its own files.
RC_GTEST_PROP(CodedRead, ReadingAndWritingAgainGivesTheSameFile, ()) {
  const Schema schema({{"a", ColumnType::kString, true},
                       {"b", ColumnType::kString, false},
                       {"c", ColumnType::kInt32, true}});
  const size_t rows = *rc::gen::inRange<size_t>(0, 600);
  const Batch written = test::GenBatch(schema, rows);
  WriterOptions options = *test::GenOptions();
  options.row_group_rows = 1 << 20;  // one row group: rewritten as it was
  options.row_group_bytes = 128 << 20;
  const std::string file = WriteParquet(written, options);
  const Batch read = ReadBack(file);
  RC_ASSERT(Difference(written, read) == "");
  RC_ASSERT(WriteParquet(read, options) == file);
}

}  // namespace
}  // namespace uw::parquet
