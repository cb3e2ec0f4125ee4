// Decodes one column chunk of a flat column into a ColumnVector: dictionary page, data pages v1
// and v2, encodings PLAIN, PLAIN_DICTIONARY/RLE_DICTIONARY, RLE (booleans), DELTA_BINARY_PACKED,
// DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT, plus the value conversions
// of file_schema.h (INT96, millisecond/nanosecond timestamps, FLOAT, UINT_32). The input is
// untrusted: every count is checked against the data and the limits below.
#pragma once

#include <cstdint>
#include <string_view>

#include "parquet/column_vector.h"
#include "parquet/file_schema.h"
#include "parquet/metadata.h"

namespace uw::parquet {

// Limits that bound the memory a hostile file can make the reader allocate.
struct ReaderOptions {
  // Decoded footers take up to ~50 times their bytes in memory; real footers are kilobytes.
  uint32_t max_footer_bytes = 16 << 20;
  int64_t max_row_group_rows = int64_t{1} << 28;
  int64_t max_page_bytes = int64_t{1} << 30;
  size_t threads = 0;  // columns decoded concurrently; 0: one per core
  // Dictionary-encoded strings come back as codes of a StringTable holding the chunk's
  // dictionary (column_vector.h), not as bytes: each distinct value is copied once, and the
  // writer encodes each once. Pages a chunk falls back to PLAIN turn the column into bytes.
  bool coded_strings = true;
};

// Appends exactly `num_rows` rows decoded from `chunk` (the chunk's bytes) to `out`, whose type
// is leaf.type. Throws Error(kCorrupt) for damaged data and Error(kInput) for an encoding this
// reader does not support; messages name the page but not the file (the caller adds that).
void DecodeColumnChunk(std::string_view chunk, const ColumnMetaData& meta, const LeafColumn& leaf,
                       int64_t num_rows, const ReaderOptions& options, ColumnVector& out);

}  // namespace uw::parquet
