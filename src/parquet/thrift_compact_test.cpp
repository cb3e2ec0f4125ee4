#include "parquet/thrift_compact.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "core/error.h"
#include "parquet/metadata.h"

namespace uw::parquet {
namespace {

std::string Hex(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) out += fmt::format("{}{:02x}", out.empty() ? "" : " ", c);
  return out;
}

// Byte examples produced by Debian thrift 0.17 generated code (tech.md §1.3).
TEST(ThriftCompact, SchemaElementMatchesGeneratedThrift) {
  FileMetaData m;
  SchemaElement e;
  e.type = PhysicalType::kInt64;
  e.repetition_type = Repetition::kOptional;
  e.name = "ts";
  e.converted_type = ConvertedType::kTimestampMicros;
  e.logical_type.kind = LogicalType::kTimestamp;
  e.logical_type.is_adjusted_to_utc = true;
  e.logical_type.unit = TimeUnit::kMicros;
  m.schema.push_back(e);
  std::string out;
  WriteFileMetaData(m, out);
  // FileMetaData{1: version, 2: list<SchemaElement>{...}}: the element bytes follow the list
  // header.
  const std::string element = "15 04 25 02 18 02 74 73 25 14 4c 8c 11 1c 2c 00 00 00 00 00";
  EXPECT_NE(Hex(out).find(element), std::string::npos) << Hex(out);
}

TEST(ThriftCompact, PageHeaderMatchesGeneratedThrift) {
  PageHeader h;
  h.type = PageType::kDataPage;
  h.uncompressed_page_size = 100;
  h.compressed_page_size = 80;
  h.data_page_header.emplace();
  h.data_page_header->num_values = 10;
  h.data_page_header->encoding = Encoding::kRleDictionary;
  std::string out;
  WritePageHeader(h, out);
  EXPECT_EQ(Hex(out), "15 00 15 c8 01 15 a0 01 2c 15 14 15 10 15 06 15 06 00 00");
  size_t size = 0;
  const PageHeader back = ReadPageHeader(out, size);
  EXPECT_EQ(size, out.size());
  EXPECT_EQ(back.uncompressed_page_size, 100);
  EXPECT_EQ(back.compressed_page_size, 80);
  ASSERT_TRUE(back.data_page_header);
  EXPECT_EQ(back.data_page_header->encoding, Encoding::kRleDictionary);
}

TEST(ThriftCompact, StatisticsAndColumnOrderBytes) {
  std::string out;
  thrift::CompactWriter w(out);
  w.BeginStruct();
  w.FieldI64(3, 0);
  w.FieldBinary(5, "zz");
  w.FieldBinary(6, "aa");
  w.EndStruct();
  EXPECT_EQ(Hex(out), "36 00 28 02 7a 7a 18 02 61 61 00");
}

TEST(ThriftCompact, EmptyRowGroupListAndI8) {
  std::string out;
  thrift::CompactWriter w(out);
  w.BeginStruct();
  w.FieldList(4, thrift::Type::kStruct, 0);
  w.EndStruct();
  EXPECT_EQ(Hex(out), "49 0c 00");  // field 4 list, then `0c` = size 0 of structs
  out.clear();
  w.BeginStruct();
  w.FieldI8(1, 16);  // IntType{bitWidth=16}: i8 is a raw byte, no zigzag
  w.EndStruct();
  EXPECT_EQ(Hex(out), "13 10 00");
}

TEST(ThriftCompact, LongFormFieldHeaderAndSkippingUnknownFields) {
  std::string out;
  thrift::CompactWriter w(out);
  w.BeginStruct();
  w.FieldI32(1, -5);
  w.FieldList(20, thrift::Type::kBinary, 2);  // delta > 15: long form header
  w.Binary("a");
  w.Binary("bc");
  w.FieldStruct(32767);  // an extension struct nobody knows
  w.FieldDouble(1, 1.5);
  w.FieldBool(2, true);
  w.EndStruct();
  w.FieldI64(32766, 7);
  w.EndStruct();

  thrift::CompactReader r(out);
  r.BeginStruct();
  int16_t id;
  thrift::Type type;
  ASSERT_TRUE(r.NextField(id, type));
  EXPECT_EQ(id, 1);
  EXPECT_EQ(r.ReadI32(), -5);
  ASSERT_TRUE(r.NextField(id, type));
  EXPECT_EQ(id, 20);
  r.Skip(type);
  ASSERT_TRUE(r.NextField(id, type));
  EXPECT_EQ(id, 32767);
  r.Skip(type);
  ASSERT_TRUE(r.NextField(id, type));
  EXPECT_EQ(id, 32766);
  EXPECT_EQ(r.ReadI64(), 7);
  EXPECT_FALSE(r.NextField(id, type));
  EXPECT_EQ(r.position(), out.size());
}

TEST(ThriftCompact, ListOfBoolsAcceptsBothFalseSpellings) {
  // A list of 3 bools: 1 = true; 2 (Java/C++) and 0 (the spec) = false.
  const std::string list = std::string("\x31", 1) + std::string("\x01\x02\x00", 3);
  thrift::CompactReader r(list);
  const auto header = r.ReadListHeader();
  EXPECT_EQ(header.size, 3u);
  EXPECT_TRUE(r.ReadBoolElement());
  EXPECT_FALSE(r.ReadBoolElement());
  EXPECT_FALSE(r.ReadBoolElement());
}

TEST(ThriftCompact, HostileInputFailsCleanly) {
  const std::vector<std::string> inputs = {
      std::string("\x19\xfc\xff\xff\xff\x0f", 6),  // list claiming 2^32 elements
      std::string("\x18\xff\xff\xff\xff\x0f", 6),  // binary longer than the data
      std::string(64, '\x1c'),                     // struct nesting without end
      std::string("\x16\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 12),  // varint too long
      std::string("\x1d", 1),  // invalid type nibble 13
  };
  for (const auto& input : inputs) {
    EXPECT_THROW(ReadFileMetaData(input), Error) << Hex(input);
  }
}

TEST(ThriftCompact, MissingRequiredFieldIsNamed) {
  FileMetaData m;
  std::string out;
  WriteFileMetaData(m, out);
  try {
    size_t size;
    ReadPageHeader(out.substr(0, 2) + std::string(1, '\0'), size);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kCorrupt);
    EXPECT_NE(std::string(e.what()).find("PageHeader is missing required field"), std::string::npos)
        << e.what();
  }
}

RC_GTEST_PROP(ThriftCompactProperty, IntegersRoundTrip,
              (int16_t a, int32_t b, int64_t c, std::string s, bool flag)) {
  std::string out;
  thrift::CompactWriter w(out);
  w.BeginStruct();
  w.FieldI16(1, a);
  w.FieldI32(2, b);
  w.FieldI64(17, c);
  w.FieldBinary(18, s);
  w.FieldBool(19, flag);
  w.EndStruct();
  thrift::CompactReader r(out);
  r.BeginStruct();
  int16_t id;
  thrift::Type type;
  RC_ASSERT(r.NextField(id, type));
  RC_ASSERT(r.ReadI16() == a);
  RC_ASSERT(r.NextField(id, type));
  RC_ASSERT(r.ReadI32() == b);
  RC_ASSERT(r.NextField(id, type));
  RC_ASSERT(id == 17);
  RC_ASSERT(r.ReadI64() == c);
  RC_ASSERT(r.NextField(id, type));
  RC_ASSERT(std::string(r.ReadBinary()) == s);
  RC_ASSERT(r.NextField(id, type));
  RC_ASSERT(r.ReadBool(type) == flag);
  RC_ASSERT(!r.NextField(id, type));
}

}  // namespace
}  // namespace uw::parquet
