// Writes one column of a row group: buffers values page by page (definition levels, then
// dictionary indices or PLAIN values), cuts pages at the row and byte limits, falls back from
// dictionary to PLAIN pages when the dictionary outgrows its limit, and on Finish() emits the
// column chunk (dictionary page first, then the data pages) with its ColumnMetaData. Pages are
// data page v1, compressed as a whole (levels included), as tech.md §1.6 prescribes.
// Not thread safe; one writer per column (different columns' writers may run concurrently).
#pragma once

#include <memory>
#include <string>

#include "parquet/column_vector.h"
#include "parquet/metadata.h"
#include "parquet/schema.h"

namespace uw::parquet {

struct ColumnWriterOptions {
  Codec codec = Codec::kSnappy;
  int compression_level = 3;
  int64_t page_rows = 20'000;
  int64_t page_bytes = 1 << 20;
  int64_t dictionary_bytes = 1 << 20;  // PLAIN-encoded size at which the dictionary is abandoned
  bool dictionary = true;
  bool statistics = true;
};

class ColumnChunkWriter {
 public:
  virtual ~ColumnChunkWriter() = default;
  static std::unique_ptr<ColumnChunkWriter> Make(const Field& field,
                                                 const ColumnWriterOptions& options);

  // Buffers rows [begin, end) of `column`, whose type and nullability match the field (the
  // caller validated the batch). Throws Error(kInput) for a string that is not UTF-8.
  virtual void Append(const ColumnVector& column, size_t begin, size_t end) = 0;
  // Uncompressed bytes buffered for the current chunk, for row-group sizing.
  virtual int64_t buffered_bytes() const = 0;
  // Ends the chunk: flushes the last page and builds the dictionary page. This is the costly
  // half of finishing; Emit() only copies bytes.
  virtual void Seal() = 0;
  // Bytes the sealed chunk will take in the file.
  virtual int64_t sealed_bytes() const = 0;
  // Appends the sealed chunk to `out`, whose end is at file position `chunk_offset`, returns
  // its metadata and starts a new chunk.
  virtual ColumnChunk Emit(std::string& out, int64_t chunk_offset) = 0;
};

}  // namespace uw::parquet
