// Wire names of the metadata enums, for messages and `unwrapped inspect`.
#include "parquet/metadata.h"

#include <iterator>

namespace uw::parquet {

std::string_view PhysicalTypeName(PhysicalType type) {
  static constexpr std::string_view kNames[] = {
      "BOOLEAN", "INT32",  "INT64",      "INT96",
      "FLOAT",   "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"};
  const auto i = static_cast<size_t>(type);
  return i < std::size(kNames) ? kNames[i] : "UNKNOWN";
}

std::string_view EncodingName(Encoding encoding) {
  static constexpr std::string_view kNames[] = {
      "PLAIN",          "GROUP_VAR_INT",       "PLAIN_DICTIONARY",        "RLE",
      "BIT_PACKED",     "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY",
      "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"};
  const auto i = static_cast<size_t>(encoding);
  return i < std::size(kNames) ? kNames[i] : "UNKNOWN";
}

std::string_view CodecName(Codec codec) {
  static constexpr std::string_view kNames[] = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO",
                                                "BROTLI",       "LZ4",    "ZSTD", "LZ4_RAW"};
  const auto i = static_cast<size_t>(codec);
  return i < std::size(kNames) ? kNames[i] : "UNKNOWN";
}

std::string_view PageTypeName(PageType type) {
  static constexpr std::string_view kNames[] = {"DATA_PAGE", "INDEX_PAGE", "DICTIONARY_PAGE",
                                                "DATA_PAGE_V2"};
  const auto i = static_cast<size_t>(type);
  return i < std::size(kNames) ? kNames[i] : "UNKNOWN";
}

std::string_view ConvertedTypeName(ConvertedType type) {
  static constexpr std::string_view kNames[] = {"UTF8",
                                                "MAP",
                                                "MAP_KEY_VALUE",
                                                "LIST",
                                                "ENUM",
                                                "DECIMAL",
                                                "DATE",
                                                "TIME_MILLIS",
                                                "TIME_MICROS",
                                                "TIMESTAMP_MILLIS",
                                                "TIMESTAMP_MICROS",
                                                "UINT_8",
                                                "UINT_16",
                                                "UINT_32",
                                                "UINT_64",
                                                "INT_8",
                                                "INT_16",
                                                "INT_32",
                                                "INT_64",
                                                "JSON",
                                                "BSON",
                                                "INTERVAL"};
  const auto i = static_cast<size_t>(type);
  return i < std::size(kNames) ? kNames[i] : "UNKNOWN";
}

}  // namespace uw::parquet
