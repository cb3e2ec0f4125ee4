// The reader treats every file as untrusted: damaged files raise Error(kCorrupt) naming the
// file, row group, column and problem; nothing crashes or allocates without bound. (The fuzz
// target fuzz/parquet_reader_fuzz.cpp explores the same surface further.)
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cstring>
#include <functional>

#include "core/error.h"
#include "parquet/file_reader.h"
#include "parquet/file_writer.h"
#include "parquet/test_support.h"

namespace uw::parquet {
namespace {

Batch Sample(size_t rows) {
  Batch b(Schema({{"id", ColumnType::kInt64, false},
                  {"name", ColumnType::kString, true},
                  {"score", ColumnType::kDouble, true},
                  {"flag", ColumnType::kBoolean, false}}));
  for (size_t i = 0; i < rows; ++i) {
    b.column(0).AppendInt64(static_cast<int64_t>(i));
    if (i % 5 == 0)
      b.column(1).AppendNull();
    else
      b.column(1).AppendString("name " + std::to_string(i % 17));
    b.column(2).AppendDouble(static_cast<double>(i) * 1.5);
    b.column(3).AppendBool(i % 2 == 0);
  }
  return b;
}

// Opens and reads everything; returns the error, or nullopt when the file read fine.
std::optional<Error> TryRead(std::string bytes, ReaderOptions options = {}) {
  try {
    const FileReader reader = FileReader::OpenBytes(std::move(bytes), "bad.parquet", options);
    reader.Read();
    return std::nullopt;
  } catch (const Error& e) {
    return e;
  }
}

std::string Corrupted(const std::string& file, const std::function<void(FileMetaData&)>& mutate) {
  uint32_t length;
  std::memcpy(&length, file.data() + file.size() - 8, 4);
  FileMetaData m =
      ReadFileMetaData(std::string_view(file).substr(file.size() - 8 - length, length));
  mutate(m);
  std::string out = file.substr(0, file.size() - 8 - length);
  const size_t start = out.size();
  WriteFileMetaData(m, out);
  const auto new_length = static_cast<uint32_t>(out.size() - start);
  out.append(reinterpret_cast<const char*>(&new_length), 4);
  return out + "PAR1";
}

void ExpectCorrupt(const std::string& bytes, const std::vector<std::string>& fragments) {
  const auto error = TryRead(bytes);
  ASSERT_TRUE(error.has_value()) << "expected an error";
  EXPECT_EQ(error->code(), ErrorCode::kCorrupt) << error->what();
  for (const auto& f : fragments)
    EXPECT_NE(std::string(error->what()).find(f), std::string::npos) << error->what();
}

ColumnMetaData& Meta(FileMetaData& m, size_t group, size_t column) {
  return *m.row_groups[group].columns[column].meta_data;
}

TEST(Corrupt, EveryTruncationFailsCleanly) {
  WriterOptions o;
  o.row_group_rows = 40;
  o.page_rows = 15;
  const std::string file = WriteParquet(Sample(100), o);
  for (size_t n = 0; n < file.size(); ++n) {
    const auto error = TryRead(file.substr(0, n));
    ASSERT_TRUE(error.has_value()) << n;
    EXPECT_EQ(error->code(), ErrorCode::kCorrupt) << n << ": " << error->what();
  }
}

RC_GTEST_PROP(Corrupt, DamagedBytesNeverCrash, ()) {
  const Schema schema = *test::GenSchema();
  const Batch batch = test::GenBatch(schema, *rc::gen::inRange<size_t>(0, 60));
  std::string file = WriteParquet(batch, *test::GenOptions());
  const int flips = *rc::gen::inRange(1, 8);
  for (int i = 0; i < flips; ++i) {
    const size_t at = *rc::gen::inRange<size_t>(0, file.size());
    file[at] = static_cast<char>(*rc::gen::arbitrary<uint8_t>());
  }
  ReaderOptions limits;
  limits.max_page_bytes = 1 << 20;
  limits.max_row_group_rows = 1 << 16;
  const auto error = TryRead(file, limits);  // anything but uw::Error escapes and fails the test
  if (error) RC_ASSERT(error->code() == ErrorCode::kCorrupt || error->code() == ErrorCode::kInput);
}

TEST(Corrupt, NotParquetAtAll) {
  ExpectCorrupt("", {"bad.parquet", "too small"});
  ExpectCorrupt("PAR1 hello world PAR2", {"bad.parquet", "no PAR1 at the end"});
  ExpectCorrupt(std::string("PAR0\x02\x00\x00\x00\x00\x00\x00\x00PAR1", 16),
                {"no PAR1 at the start"});
  ExpectCorrupt(std::string("PAR1\x15\x02\xff\xff\xff\x7f", 10) + "PAR1", {"footer length"});
  const auto encrypted = TryRead(std::string("PAR1xxxxxxxxxxxx\x04\x00\x00\x00PARE", 24));
  ASSERT_TRUE(encrypted);
  EXPECT_EQ(encrypted->code(), ErrorCode::kInput);
}

TEST(Corrupt, FooterDamageIsNamed) {
  const std::string file = WriteParquet(Sample(10));
  std::string broken = file;
  broken[broken.size() - 9] = '\x7f';  // the footer's stop byte becomes a bogus field header
  ExpectCorrupt(broken, {"bad.parquet: footer"});
}

TEST(Corrupt, ChunkOutsideTheDataSection) {
  const std::string file = WriteParquet(Sample(50));
  ExpectCorrupt(
      Corrupted(file, [](FileMetaData& m) { Meta(m, 0, 1).total_compressed_size += 100000; }),
      {"bad.parquet", "row group 0", "column \"name\"", "outside the data section"});
  ExpectCorrupt(Corrupted(file, [](FileMetaData& m) { Meta(m, 0, 0).data_page_offset = 2; }),
                {"row group 0", "column \"id\"", "outside"});
}

TEST(Corrupt, ShiftedOrShortenedChunks) {
  const std::string file = WriteParquet(Sample(50));
  // data_page_offset + 1 (the pitfall matrix) on a chunk without dictionary page: the page
  // header no longer parses. (With a dictionary page the reader starts there and walks on.)
  WriterOptions plain;
  plain.dictionary = false;
  ExpectCorrupt(Corrupted(WriteParquet(Sample(50), plain),
                          [](FileMetaData& m) { Meta(m, 0, 0).data_page_offset += 1; }),
                {"row group 0", "column \"id\"", "page 0"});
  // total_compressed_size - 1: the last page no longer fits.
  ExpectCorrupt(Corrupted(file, [](FileMetaData& m) { Meta(m, 0, 3).total_compressed_size -= 1; }),
                {"column \"flag\"", "overruns the column chunk"});
}

TEST(Corrupt, RowCountsThatDoNotAddUp) {
  const std::string file = WriteParquet(Sample(50));
  ExpectCorrupt(Corrupted(file, [](FileMetaData& m) { m.row_groups[0].num_rows += 1; }),
                {"row group 0", "column \"id\"", "ends after 50 of 51 rows"});
  ExpectCorrupt(Corrupted(file, [](FileMetaData& m) { m.row_groups[0].num_rows -= 1; }),
                {"row group 0", "exceeds the 49 rows left"});
  ExpectCorrupt(
      Corrupted(file, [](FileMetaData& m) { m.row_groups[0].num_rows = int64_t{1} << 40; }),
      {"row group 0 claims"});  // refused before anything is allocated
  ExpectCorrupt(Corrupted(file, [](FileMetaData& m) { m.row_groups[0].columns.pop_back(); }),
                {"row group 0 has 3 column chunks for 4 columns"});
}

TEST(Corrupt, SchemaAndChunkDisagree) {
  const std::string file = WriteParquet(Sample(5));
  ExpectCorrupt(Corrupted(file, [](FileMetaData& m) { Meta(m, 0, 0).type = PhysicalType::kInt32; }),
                {"column \"id\"", "chunk type INT32 differs from the schema's INT64"});
  ExpectCorrupt(Corrupted(file, [](FileMetaData& m) { Meta(m, 0, 2).path_in_schema = {"other"}; }),
                {"column \"score\"", "path_in_schema"});
  ExpectCorrupt(
      Corrupted(file, [](FileMetaData& m) { m.row_groups[0].columns[1].meta_data.reset(); }),
      {"bad.parquet: footer", "ColumnChunk is missing required field meta_data"});
}

TEST(Corrupt, OversizedFootersAreRefused) {
  const std::string file = WriteParquet(Sample(5));
  ReaderOptions tight;
  tight.max_footer_bytes = 64;
  const auto error = TryRead(file, tight);
  ASSERT_TRUE(error);
  EXPECT_NE(std::string(error->what()).find("exceeds the limit of 64"), std::string::npos)
      << error->what();
}

TEST(Corrupt, DamagedPageBodies) {
  WriterOptions o;
  o.codec = Codec::kUncompressed;
  const std::string file = WriteParquet(Sample(200), o);
  const FileMetaData m = FileReader::OpenBytes(file).metadata();
  const ColumnMetaData& meta = *m.row_groups[0].columns[1].meta_data;
  size_t header_size = 0;
  const auto page = static_cast<size_t>(meta.data_page_offset);
  const PageHeader header = ReadPageHeader(std::string_view(file).substr(page), header_size);
  ASSERT_EQ(header.data_page_header->encoding, Encoding::kRleDictionary);
  uint32_t levels;
  std::memcpy(&levels, file.data() + page + header_size, 4);
  const size_t bit_width_at = page + header_size + 4 + levels;

  std::string wide = file;
  wide[bit_width_at] = 31;  // indices far beyond the 17-entry dictionary, or past the data
  ExpectCorrupt(wide, {"bad.parquet", "row group 0", "column \"name\"", "page 1"});
  std::string invalid = file;
  invalid[bit_width_at] = 40;  // not a bit width at all
  ExpectCorrupt(invalid, {"column \"name\"", "bit width 40"});
  std::string levels_cut = file;
  std::memset(levels_cut.data() + page + header_size, 0, 4);  // definition levels of length 0
  ExpectCorrupt(levels_cut, {"column \"name\"", "page 1"});
}

TEST(Corrupt, NestedSchemasAreRefusedAsUnsupported) {
  const std::string file = WriteParquet(Sample(5));
  const auto error = TryRead(Corrupted(file, [](FileMetaData& m) {
    m.schema[0].num_children = 3;
    m.schema[1].num_children = 1;
    m.schema[1].type.reset();
  }));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code(), ErrorCode::kInput);
  EXPECT_NE(std::string(error->what()).find("nested"), std::string::npos) << error->what();
}

TEST(Corrupt, LyingPageSizesAreBounded) {
  // A page claiming 2 GiB uncompressed must fail on the limit, not allocate it.
  WriterOptions o;
  o.codec = Codec::kZstd;
  std::string file = WriteParquet(Sample(50), o);
  ReaderOptions limits;
  limits.max_page_bytes = 1 << 16;
  Batch big(Schema({{"s", ColumnType::kString, false}}));
  big.column(0).AppendString(std::string(100000, 'x'));
  const auto error = TryRead(WriteParquet(big, o), limits);
  ASSERT_TRUE(error);
  EXPECT_NE(std::string(error->what()).find("outside 0..65536"), std::string::npos)
      << error->what();
}

}  // namespace
}  // namespace uw::parquet
