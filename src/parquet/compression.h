// Page compression (Compression.md): raw codec output, no framing, one page body at a time.
// SNAPPY = a raw Snappy block, ZSTD = one zstd frame, GZIP = an RFC 1952 gzip member.
// Codec contexts are cached per thread, so concurrent calls from different threads are safe.
#pragma once

#include <string>
#include <string_view>

#include "parquet/metadata.h"

namespace uw::parquet {

// Codecs this build can write and read.
bool IsSupportedCodec(Codec codec);

// Replaces `out` with the compressed form of `input`. `level` applies to ZSTD (1..22) and GZIP
// (1..9). Throws Error(kInput) for an unsupported codec.
void Compress(Codec codec, std::string_view input, int level, std::string& out);

// The compressed form of `input`, written into `scratch` and valid until `scratch` changes.
// `scratch` only ever grows (to the codec's bound), so a buffer reused page after page is not
// zero-filled again for every page as Compress's resizing would. UNCOMPRESSED returns `input`.
std::string_view CompressTo(Codec codec, std::string_view input, int level, std::string& scratch);

// Replaces `out` with the decompressed form of untrusted `input`, which must come to exactly
// `uncompressed_size` bytes. Memory is bounded by uncompressed_size, and the codec's own size
// claim is checked before allocating when it has one. Throws Error(kCorrupt) on damaged data or
// a size mismatch, Error(kInput) for an unsupported codec.
void Decompress(Codec codec, std::string_view input, size_t uncompressed_size, std::string& out);

}  // namespace uw::parquet
