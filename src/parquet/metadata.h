// The parquet.thrift structures this library reads and writes (apache/parquet-format
// src/main/thrift/parquet.thrift), as plain C++ structs, plus their compact-protocol codecs.
// Only the fields a flat-schema reader or writer needs are kept; everything else is skipped on
// read. Enum fields hold the raw wire value, so unknown values from newer writers survive until
// something actually needs to interpret them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uw::parquet {

enum class PhysicalType : int32_t {
  kBoolean = 0,
  kInt32 = 1,
  kInt64 = 2,
  kInt96 = 3,
  kFloat = 4,
  kDouble = 5,
  kByteArray = 6,
  kFixedLenByteArray = 7,
};

enum class ConvertedType : int32_t {
  kUtf8 = 0,
  kDecimal = 5,
  kDate = 6,
  kTimeMillis = 7,
  kTimeMicros = 8,
  kTimestampMillis = 9,
  kTimestampMicros = 10,
  kUint8 = 11,
  kUint16 = 12,
  kUint32 = 13,
  kUint64 = 14,
  kInt8 = 15,
  kInt16 = 16,
  kInt32 = 17,
  kInt64 = 18,
  kJson = 19,
};

enum class Repetition : int32_t { kRequired = 0, kOptional = 1, kRepeated = 2 };

enum class Encoding : int32_t {
  kPlain = 0,
  kPlainDictionary = 2,
  kRle = 3,
  kBitPacked = 4,
  kDeltaBinaryPacked = 5,
  kDeltaLengthByteArray = 6,
  kDeltaByteArray = 7,
  kRleDictionary = 8,
  kByteStreamSplit = 9,
};

enum class Codec : int32_t {
  kUncompressed = 0,
  kSnappy = 1,
  kGzip = 2,
  kLzo = 3,
  kBrotli = 4,
  kLz4 = 5,
  kZstd = 6,
  kLz4Raw = 7,
};

enum class PageType : int32_t {
  kDataPage = 0,
  kIndexPage = 1,
  kDictionaryPage = 2,
  kDataPageV2 = 3
};

enum class TimeUnit : int32_t { kMillis = 1, kMicros = 2, kNanos = 3 };

// The LogicalType union, flattened: `kind` is the union's field id (1 STRING, 6 DATE,
// 8 TIMESTAMP, 10 INTEGER, …; 0 = absent) and the members used by that kind are filled in.
struct LogicalType {
  static constexpr int16_t kString = 1, kDecimal = 5, kDate = 6, kTime = 7, kTimestamp = 8,
                           kInteger = 10, kUnknown = 11, kJson = 12;
  int16_t kind = 0;
  bool is_adjusted_to_utc = false;    // TIME, TIMESTAMP
  TimeUnit unit = TimeUnit::kMicros;  // TIME, TIMESTAMP
  int8_t bit_width = 0;               // INTEGER
  bool is_signed = true;              // INTEGER
  int32_t scale = 0, precision = 0;   // DECIMAL
};

struct SchemaElement {
  std::optional<PhysicalType> type;  // absent for groups (the root)
  std::optional<int32_t> type_length;
  std::optional<Repetition> repetition_type;
  std::string name;
  std::optional<int32_t> num_children;
  std::optional<ConvertedType> converted_type;
  std::optional<int32_t> scale, precision, field_id;
  LogicalType logical_type;
};

struct Statistics {
  std::optional<std::string> max, min;  // deprecated signed-order fields 1 and 2
  std::optional<int64_t> null_count;
  std::optional<int64_t> distinct_count;
  std::optional<std::string> max_value, min_value;
  std::optional<bool> is_max_value_exact, is_min_value_exact;
  std::optional<int64_t> nan_count;
};

struct PageEncodingStats {
  PageType page_type = PageType::kDataPage;
  Encoding encoding = Encoding::kPlain;
  int32_t count = 0;
};

struct KeyValue {
  std::string key;
  std::optional<std::string> value;
};

struct ColumnMetaData {
  PhysicalType type = PhysicalType::kInt32;
  std::vector<Encoding> encodings;
  std::vector<std::string> path_in_schema;
  Codec codec = Codec::kUncompressed;
  int64_t num_values = 0;
  int64_t total_uncompressed_size = 0;
  int64_t total_compressed_size = 0;
  int64_t data_page_offset = 0;
  std::optional<int64_t> index_page_offset;
  std::optional<int64_t> dictionary_page_offset;
  std::optional<Statistics> statistics;
  std::vector<PageEncodingStats> encoding_stats;
  std::optional<int64_t> bloom_filter_offset;
};

struct ColumnChunk {
  std::optional<std::string> file_path;  // set only for chunks in another file: unsupported
  int64_t file_offset = 0;               // deprecated, but required on the wire (write 0)
  std::optional<ColumnMetaData> meta_data;
  std::optional<int64_t> offset_index_offset, column_index_offset;
};

struct RowGroup {
  std::vector<ColumnChunk> columns;
  int64_t total_byte_size = 0;
  int64_t num_rows = 0;
  std::optional<int64_t> file_offset;
  std::optional<int64_t> total_compressed_size;
  std::optional<int16_t> ordinal;
};

struct FileMetaData {
  int32_t version = 1;
  std::vector<SchemaElement> schema;
  int64_t num_rows = 0;
  std::vector<RowGroup> row_groups;
  std::vector<KeyValue> key_value_metadata;
  std::optional<std::string> created_by;
  // One entry per leaf; true = TYPE_ORDER, false = an order this library does not know.
  std::vector<bool> column_orders;
};

struct DataPageHeader {
  int32_t num_values = 0;
  Encoding encoding = Encoding::kPlain;
  Encoding definition_level_encoding = Encoding::kRle;
  Encoding repetition_level_encoding = Encoding::kRle;
  std::optional<Statistics> statistics;
};

struct DictionaryPageHeader {
  int32_t num_values = 0;
  Encoding encoding = Encoding::kPlain;
  std::optional<bool> is_sorted;
};

struct DataPageHeaderV2 {
  int32_t num_values = 0;
  int32_t num_nulls = 0;
  int32_t num_rows = 0;
  Encoding encoding = Encoding::kPlain;
  int32_t definition_levels_byte_length = 0;
  int32_t repetition_levels_byte_length = 0;
  bool is_compressed = true;
  std::optional<Statistics> statistics;
};

struct PageHeader {
  PageType type = PageType::kDataPage;
  int32_t uncompressed_page_size = 0;
  int32_t compressed_page_size = 0;
  std::optional<int32_t> crc;
  std::optional<DataPageHeader> data_page_header;
  std::optional<DictionaryPageHeader> dictionary_page_header;
  std::optional<DataPageHeaderV2> data_page_header_v2;
};

// Serialisers (metadata_writer.cpp): append the compact encoding to `out`.
void WriteFileMetaData(const FileMetaData& metadata, std::string& out);
void WritePageHeader(const PageHeader& header, std::string& out);

// Parsers (metadata_reader.cpp) for untrusted bytes. Missing required fields, bad lengths and
// truncation throw Error(kCorrupt) whose message names the struct and field.
FileMetaData ReadFileMetaData(std::string_view bytes);
// Parses the page header at the start of `bytes`; `header_size` receives its length.
PageHeader ReadPageHeader(std::string_view bytes, size_t& header_size);

// Wire names for messages and `unwrapped inspect`.
std::string_view PhysicalTypeName(PhysicalType type);
std::string_view EncodingName(Encoding encoding);
std::string_view CodecName(Codec codec);
std::string_view PageTypeName(PageType type);
std::string_view ConvertedTypeName(ConvertedType type);

}  // namespace uw::parquet
