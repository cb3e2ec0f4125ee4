// Files as other writers produce them, built by hand page by page: legacy INT96 and
// converted-type-only annotations, unsigned and small integers, FLOAT, unannotated binary,
// PLAIN_DICTIONARY spellings, data page v2, dictionary_page_offset = 0, unsupported types.
// (The interop test covers the same ground with real DuckDB, Polars and arrow-rs files.)
#include <gtest/gtest.h>

#include <cstring>

#include "core/error.h"
#include "parquet/compression.h"
#include "parquet/encoders/rle_bitpacked.h"
#include "parquet/file_reader.h"
#include "parquet/metadata.h"

namespace uw::parquet {
namespace {

struct HandPage {
  PageHeader header;
  std::string body;  // as stored
};

SchemaElement Leaf(std::string name, PhysicalType type, Repetition repetition) {
  SchemaElement e;
  e.name = std::move(name);
  e.type = type;
  e.repetition_type = repetition;
  return e;
}

HandPage V1Page(int32_t rows, Encoding encoding, std::string body) {
  HandPage p;
  p.header.type = PageType::kDataPage;
  p.header.uncompressed_page_size = p.header.compressed_page_size =
      static_cast<int32_t>(body.size());
  p.header.data_page_header.emplace();
  p.header.data_page_header->num_values = rows;
  p.header.data_page_header->encoding = encoding;
  p.body = std::move(body);
  return p;
}

HandPage DictionaryPage(int32_t entries, Encoding encoding, std::string body) {
  HandPage p;
  p.header.type = PageType::kDictionaryPage;
  p.header.uncompressed_page_size = p.header.compressed_page_size =
      static_cast<int32_t>(body.size());
  p.header.dictionary_page_header.emplace();
  p.header.dictionary_page_header->num_values = entries;
  p.header.dictionary_page_header->encoding = encoding;
  p.body = std::move(body);
  return p;
}

// One row group holding one chunk per leaf; pages[i] are leaf i's pages.
std::string HandBuiltFile(const std::vector<SchemaElement>& leaves, int64_t rows,
                          const std::vector<std::vector<HandPage>>& pages,
                          Codec codec = Codec::kUncompressed) {
  std::string file = "PAR1";
  FileMetaData m;
  SchemaElement root;
  root.name = "spark_schema";
  root.num_children = static_cast<int32_t>(leaves.size());
  m.schema.push_back(root);
  m.num_rows = rows;
  RowGroup& group = m.row_groups.emplace_back();
  group.num_rows = rows;
  for (size_t c = 0; c < leaves.size(); ++c) {
    m.schema.push_back(leaves[c]);
    ColumnMetaData meta;
    meta.type = *leaves[c].type;
    meta.path_in_schema = {leaves[c].name};
    meta.codec = codec;
    meta.num_values = rows;
    const auto start = static_cast<int64_t>(file.size());
    bool first_data_page = true;
    for (const auto& page : pages[c]) {
      const auto at = static_cast<int64_t>(file.size());
      if (page.header.type == PageType::kDictionaryPage) {
        meta.dictionary_page_offset = at;
      } else if (first_data_page) {
        meta.data_page_offset = at;
        first_data_page = false;
      }
      WritePageHeader(page.header, file);
      file += page.body;
    }
    meta.total_compressed_size = meta.total_uncompressed_size =
        static_cast<int64_t>(file.size()) - start;
    ColumnChunk chunk;
    chunk.meta_data = meta;
    group.columns.push_back(std::move(chunk));
    group.total_byte_size += meta.total_uncompressed_size;
  }
  const size_t footer = file.size();
  WriteFileMetaData(m, file);
  const auto length = static_cast<uint32_t>(file.size() - footer);
  file.append(reinterpret_cast<const char*>(&length), 4);
  return file + "PAR1";
}

template <typename T>
std::string Plain(std::initializer_list<T> values) {
  std::string out;
  for (T v : values) out.append(reinterpret_cast<const char*>(&v), sizeof(T));
  return out;
}

std::string Levels(std::initializer_list<uint8_t> levels) {
  std::vector<uint8_t> v(levels);
  std::string encoded;
  EncodeRleBitPacked(v.data(), v.size(), 1, encoded);
  const auto length = static_cast<uint32_t>(encoded.size());
  return std::string(reinterpret_cast<const char*>(&length), 4) + encoded;
}

std::string Int96(int64_t nanos_of_day, int32_t julian_day) {
  return std::string(reinterpret_cast<const char*>(&nanos_of_day), 8) +
         std::string(reinterpret_cast<const char*>(&julian_day), 4);
}

TEST(ForeignFiles, LegacyTimestampsAndConvertedTypesOnly) {
  SchemaElement millis = Leaf("ts_ms", PhysicalType::kInt64, Repetition::kRequired);
  millis.converted_type = ConvertedType::kTimestampMillis;  // no logicalType: an old writer
  SchemaElement nanos = Leaf("ts_ns", PhysicalType::kInt64, Repetition::kRequired);
  nanos.logical_type.kind = LogicalType::kTimestamp;
  nanos.logical_type.unit = TimeUnit::kNanos;
  const std::string file = HandBuiltFile(
      {Leaf("ts96", PhysicalType::kInt96, Repetition::kOptional), millis, nanos}, 3,
      {{V1Page(3, Encoding::kPlain,
               Levels({1, 0, 1}) + Int96(1, 2440588) + Int96(86'399'999'999'999, 2440587))},
       {V1Page(3, Encoding::kPlain, Plain<int64_t>({-1, 0, 1'600'000'000'123}))},
       {V1Page(3, Encoding::kPlain, Plain<int64_t>({-1, 1999, 1'600'000'000'123'456'789}))}});
  const FileReader reader = FileReader::OpenBytes(file);
  ASSERT_EQ(reader.schema().size(), 3u);
  for (size_t c = 0; c < 3; ++c) EXPECT_EQ(reader.schema().field(c).type, ColumnType::kTimestamp);
  const Batch b = reader.Read();
  EXPECT_EQ(b.column(0).GetInt64(0), 0);  // 1 ns after the epoch floors to 0 µs
  EXPECT_TRUE(b.column(0).IsNull(1));
  EXPECT_EQ(b.column(0).GetInt64(2), -1);  // the last nanosecond before the epoch
  EXPECT_EQ(b.column(1).GetInt64(0), -1000);
  EXPECT_EQ(b.column(1).GetInt64(2), 1'600'000'000'123'000);
  EXPECT_EQ(b.column(2).GetInt64(0), -1);  // floor, not truncation
  EXPECT_EQ(b.column(2).GetInt64(1), 1);
  EXPECT_EQ(b.column(2).GetInt64(2), 1'600'000'000'123'456);
}

TEST(ForeignFiles, IntegersFloatsAndBinary) {
  SchemaElement u32 = Leaf("u32", PhysicalType::kInt32, Repetition::kRequired);
  u32.converted_type = ConvertedType::kUint32;
  SchemaElement i8 = Leaf("i8", PhysicalType::kInt32, Repetition::kRequired);
  i8.logical_type.kind = LogicalType::kInteger;
  i8.logical_type.bit_width = 8;
  const std::string binary = Plain<uint32_t>({2}) + "hi" + Plain<uint32_t>({0});
  const std::string file =
      HandBuiltFile({u32, i8, Leaf("f", PhysicalType::kFloat, Repetition::kRequired),
                     Leaf("raw", PhysicalType::kByteArray, Repetition::kRequired)},
                    2,
                    {{V1Page(2, Encoding::kPlain, Plain<uint32_t>({0xFFFFFFFF, 7}))},
                     {V1Page(2, Encoding::kPlain, Plain<int32_t>({-128, 127}))},
                     {V1Page(2, Encoding::kPlain, Plain<float>({1.5f, -0.1f}))},
                     {V1Page(2, Encoding::kPlain, binary)}});
  const FileReader reader = FileReader::OpenBytes(file);
  const Batch b = reader.Read();
  EXPECT_EQ(b.schema().field(0).type, ColumnType::kInt64);
  EXPECT_EQ(b.column(0).GetInt64(0), 4'294'967'295);
  EXPECT_EQ(b.column(1).GetInt32(0), -128);
  EXPECT_EQ(b.column(2).GetDouble(1), static_cast<double>(-0.1f));  // widened exactly
  EXPECT_EQ(b.column(3).GetString(0), "hi");
  EXPECT_EQ(b.column(3).GetString(1), "");
}

TEST(ForeignFiles, PlainDictionarySpellingAndZeroDictionaryOffset) {
  const std::string dictionary = Plain<uint32_t>({1}) + "a" + Plain<uint32_t>({2}) + "bc";
  std::vector<uint32_t> indices{1, 0, 1, 1};
  std::string data(1, '\x01');  // bit width
  EncodeRleBitPacked(indices.data(), indices.size(), 1, data);
  std::string file = HandBuiltFile({Leaf("s", PhysicalType::kByteArray, Repetition::kRequired),
                                    Leaf("n", PhysicalType::kInt32, Repetition::kRequired)},
                                   4,
                                   {{DictionaryPage(2, Encoding::kPlainDictionary, dictionary),
                                     V1Page(4, Encoding::kPlainDictionary, data)},
                                    {V1Page(4, Encoding::kPlain, Plain<int32_t>({1, 2, 3, 4}))}});
  const Batch b = FileReader::OpenBytes(file).Read();
  EXPECT_EQ(b.column(0).GetString(0), "bc");
  EXPECT_EQ(b.column(0).GetString(1), "a");
  EXPECT_EQ(b.column(1).GetInt32(3), 4);
  // Old writers put dictionary_page_offset = 0 for "none" (ARROW-5322): still readable.
  uint32_t length;
  std::memcpy(&length, file.data() + file.size() - 8, 4);
  FileMetaData m =
      ReadFileMetaData(std::string_view(file).substr(file.size() - 8 - length, length));
  m.row_groups[0].columns[1].meta_data->dictionary_page_offset = 0;
  std::string rewritten = file.substr(0, file.size() - 8 - length);
  const size_t footer = rewritten.size();
  WriteFileMetaData(m, rewritten);
  const auto new_length = static_cast<uint32_t>(rewritten.size() - footer);
  rewritten.append(reinterpret_cast<const char*>(&new_length), 4);
  EXPECT_EQ(FileReader::OpenBytes(rewritten + "PAR1").Read().column(1).GetInt32(3), 4);
}

// A writer may switch encodings page by page: dictionary indices, PLAIN values, indices again,
// with nulls and a dictionary holding a duplicate and an empty entry. Read as codes or as bytes,
// every value is the same.
TEST(ForeignFiles, StringPagesSwitchingBetweenDictionaryAndPlain) {
  const std::string dictionary = Plain<uint32_t>({1}) + "a" + Plain<uint32_t>({0}) +
                                 Plain<uint32_t>({1}) + "a" + Plain<uint32_t>({2}) + "bc";
  const auto indices = [](std::vector<uint32_t> values) {
    std::string data(1, '\x02');  // bit width
    EncodeRleBitPacked(values.data(), values.size(), 2, data);
    return data;
  };
  const std::string plain = Plain<uint32_t>({1}) + "z" + Plain<uint32_t>({0});
  const std::string file =
      HandBuiltFile({Leaf("s", PhysicalType::kByteArray, Repetition::kOptional)}, 9,
                    {{DictionaryPage(4, Encoding::kPlain, dictionary),
                      V1Page(3, Encoding::kRleDictionary, Levels({1, 0, 1}) + indices({3, 1})),
                      V1Page(3, Encoding::kPlain, Levels({1, 1, 0}) + plain),
                      V1Page(3, Encoding::kRleDictionary, Levels({0, 1, 1}) + indices({2, 0}))}});
  const std::vector<const char*> expected = {"bc",    nullptr, "",  "z", "",
                                             nullptr, nullptr, "a", "a"};
  for (const bool coded : {true, false}) {
    ReaderOptions options;
    options.coded_strings = coded;
    const Batch b = FileReader::OpenBytes(file, "<memory>", options).Read();
    ASSERT_EQ(b.num_rows(), expected.size());
    for (size_t r = 0; r < expected.size(); ++r) {
      EXPECT_EQ(b.column(0).IsNull(r), expected[r] == nullptr) << r;
      if (expected[r] != nullptr) {
        EXPECT_EQ(b.column(0).GetString(r), expected[r]) << r;
      }
    }
  }
  // Only dictionary pages: the column holds codes.
  const std::string coded_only =
      HandBuiltFile({Leaf("s", PhysicalType::kByteArray, Repetition::kOptional)}, 3,
                    {{DictionaryPage(4, Encoding::kPlain, dictionary),
                      V1Page(3, Encoding::kRleDictionary, Levels({1, 0, 1}) + indices({3, 1}))}});
  const Batch b = FileReader::OpenBytes(coded_only).Read();
  EXPECT_NE(b.column(0).dictionary(), nullptr);
  EXPECT_EQ(b.column(0).GetString(0), "bc");
  EXPECT_TRUE(b.column(0).IsNull(1));
  EXPECT_EQ(b.column(0).GetString(2), "");
}

TEST(ForeignFiles, DataPageV2WithUncompressedLevels) {
  std::vector<uint8_t> levels{1, 1, 0, 1};
  std::string level_bytes;
  EncodeRleBitPacked(levels.data(), levels.size(), 1, level_bytes);  // no length prefix in v2
  std::string values;
  Compress(Codec::kSnappy, Plain<int64_t>({10, 20, 40}), 0, values);
  HandPage page;
  page.header.type = PageType::kDataPageV2;
  page.header.uncompressed_page_size = static_cast<int32_t>(level_bytes.size() + 24);
  page.header.compressed_page_size = static_cast<int32_t>(level_bytes.size() + values.size());
  page.header.data_page_header_v2.emplace();
  auto& v2 = *page.header.data_page_header_v2;
  v2.num_values = v2.num_rows = 4;
  v2.num_nulls = 1;
  v2.definition_levels_byte_length = static_cast<int32_t>(level_bytes.size());
  page.body = level_bytes + values;
  const std::string file = HandBuiltFile({Leaf("x", PhysicalType::kInt64, Repetition::kOptional)},
                                         4, {{page}}, Codec::kSnappy);
  const Batch b = FileReader::OpenBytes(file).Read();
  EXPECT_EQ(b.column(0).GetInt64(1), 20);
  EXPECT_TRUE(b.column(0).IsNull(2));
  EXPECT_EQ(b.column(0).GetInt64(3), 40);
}

TEST(ForeignFiles, UnsupportedColumnsCanBeProjectedAway) {
  SchemaElement decimal = Leaf("amount", PhysicalType::kFixedLenByteArray, Repetition::kRequired);
  decimal.type_length = 4;
  decimal.converted_type = ConvertedType::kDecimal;
  const std::string file =
      HandBuiltFile({decimal, Leaf("id", PhysicalType::kInt32, Repetition::kRequired)}, 1,
                    {{V1Page(1, Encoding::kPlain, "\x00\x00\x01\x00")},
                     {V1Page(1, Encoding::kPlain, Plain<int32_t>({9}))}});
  const FileReader reader = FileReader::OpenBytes(file);
  EXPECT_EQ(reader.schema().size(), 1u);
  EXPECT_FALSE(reader.leaves()[0].type.has_value());
  EXPECT_EQ(reader.Read().column(0).GetInt32(0), 9);
  try {
    reader.Read({.columns = {"amount"}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInput);
    EXPECT_NE(std::string(e.what()).find("unsupported type"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace uw::parquet
