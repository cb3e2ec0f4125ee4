// The DELTA_* encodings (Encodings.md) and BYTE_STREAM_SPLIT. Our writer does not use them
// (tech.md §1.7: reader support varies), but files from DuckDB, Spark and Arrow with
// "format version 2" settings do, so the reader must. All decoders take untrusted bytes and
// throw Error(kCorrupt) rather than read out of bounds or allocate beyond the stated limits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace uw::parquet {

// DELTA_BINARY_PACKED: decodes exactly `count` values (the header must say `count`) and returns
// the bytes consumed. Arithmetic wraps, so int32 columns decode through the int64 path.
size_t DecodeDeltaBinaryPacked(std::string_view data, size_t count, int64_t* out);
// Block of 128 values, 4 miniblocks of 32 (the layout parquet-java and Arrow write).
void EncodeDeltaBinaryPacked(const int64_t* values, size_t count, std::string& out);

// DELTA_LENGTH_BYTE_ARRAY: lengths (DELTA_BINARY_PACKED) then the concatenated bytes. The views
// point into `data`. Returns the bytes consumed.
size_t DecodeDeltaLengthByteArray(std::string_view data, size_t count, std::string_view* out);
void EncodeDeltaLengthByteArray(const std::string_view* values, size_t count, std::string& out);

// DELTA_BYTE_ARRAY: prefix lengths, then suffixes as DELTA_LENGTH_BYTE_ARRAY; value i is the
// first prefix[i] bytes of value i-1 followed by suffix i. The values are rebuilt into `arena`
// (replaced) and the views point into it; Error(kCorrupt) when they would exceed max_bytes.
void DecodeDeltaByteArray(std::string_view data, size_t count, size_t max_bytes, std::string& arena,
                          std::string_view* out);
void EncodeDeltaByteArray(const std::string_view* values, size_t count, std::string& out);

// BYTE_STREAM_SPLIT: byte k of value i is at data[k * count + i]; `width` bytes per value.
void DecodeByteStreamSplit(std::string_view data, size_t count, size_t width, void* out);

}  // namespace uw::parquet
