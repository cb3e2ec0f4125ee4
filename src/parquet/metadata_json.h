// The footer of a Parquet file as indented JSON, for `unwrapped inspect`: file facts, schema
// (physical, logical and converted types, and what our reader maps each column to), column
// orders, key-value metadata, and per row group and column chunk the codec, encodings, page
// counts by encoding, sizes, offsets and decoded statistics.
#pragma once

#include <cstdint>
#include <string>

#include "parquet/metadata.h"

namespace uw::parquet {

struct FileFacts {
  std::string name;
  uint64_t size_bytes = 0;
  uint32_t footer_bytes = 0;
};

std::string FooterJson(const FileFacts& facts, const FileMetaData& metadata);

}  // namespace uw::parquet
