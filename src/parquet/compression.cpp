#include "parquet/compression.h"

#include <snappy-c.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <memory>

#include "core/error.h"

namespace uw::parquet {
namespace {

struct CCtxDeleter {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxDeleter {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

// Creating a zstd context costs more than compressing a small page; keep one per thread.
ZSTD_CCtx* ThreadCCtx() {
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxDeleter> ctx(ZSTD_createCCtx());
  return ctx.get();
}
ZSTD_DCtx* ThreadDCtx() {
  thread_local std::unique_ptr<ZSTD_DCtx, DCtxDeleter> ctx(ZSTD_createDCtx());
  return ctx.get();
}

[[noreturn]] void Unsupported(Codec codec) {
  Fail(ErrorCode::kInput,
       "compression codec {} is not supported (supported: UNCOMPRESSED, SNAPPY, GZIP, ZSTD)",
       CodecName(codec));
}

void SizeMismatch(Codec codec, size_t got, size_t expected) {
  Fail(ErrorCode::kCorrupt, "{} page decompresses to {} bytes, the header says {}",
       CodecName(codec), got, expected);
}

// Grows `buffer` to at least `bytes` (never shrinks it, so a reused buffer is zero-filled once).
char* AtLeast(std::string& buffer, size_t bytes) {
  if (buffer.size() < bytes) buffer.resize(std::max(bytes, buffer.capacity()));
  return buffer.data();
}

// Both return the compressed size, written at the start of `out` (which may be longer).
size_t SnappyInto(std::string_view input, std::string& out) {
  size_t size = snappy_max_compressed_length(input.size());
  char* dst = AtLeast(out, size);
  if (snappy_compress(input.data(), input.size(), dst, &size) != SNAPPY_OK) {
    Fail(ErrorCode::kInternal, "snappy compression failed");
  }
  return size;
}

size_t ZstdInto(std::string_view input, int level, std::string& out) {
  const size_t bound = ZSTD_compressBound(input.size());
  char* dst = AtLeast(out, bound);
  const size_t size =
      ZSTD_compressCCtx(ThreadCCtx(), dst, bound, input.data(), input.size(), level);
  if (ZSTD_isError(size))
    Fail(ErrorCode::kInternal, "zstd compression failed: {}", ZSTD_getErrorName(size));
  return size;
}

void CompressSnappy(std::string_view input, std::string& out) { out.resize(SnappyInto(input, out)); }

void CompressZstd(std::string_view input, int level, std::string& out) {
  out.resize(ZstdInto(input, level, out));
}

struct DeflateEnd {
  void operator()(z_stream* s) const { deflateEnd(s); }
};
struct InflateEnd {
  void operator()(z_stream* s) const { inflateEnd(s); }
};

void CompressGzip(std::string_view input, int level, std::string& out) {
  z_stream zs{};
  // windowBits 15 + 16 selects the gzip wrapper that Parquet's GZIP means (not zlib).
  if (deflateInit2(&zs, std::clamp(level, 1, 9), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    Fail(ErrorCode::kInternal, "deflateInit2 failed");
  }
  std::unique_ptr<z_stream, DeflateEnd> guard(&zs);
  out.resize(deflateBound(&zs, input.size()) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  zs.avail_in = static_cast<uInt>(input.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END) Fail(ErrorCode::kInternal, "gzip compression failed");
  out.resize(zs.total_out);
}

void DecompressSnappy(std::string_view input, size_t expected, std::string& out) {
  size_t size = 0;
  if (snappy_uncompressed_length(input.data(), input.size(), &size) != SNAPPY_OK) {
    Fail(ErrorCode::kCorrupt, "SNAPPY page has a damaged header");
  }
  if (size != expected) SizeMismatch(Codec::kSnappy, size, expected);
  out.resize(size);
  if (snappy_uncompress(input.data(), input.size(), out.data(), &size) != SNAPPY_OK ||
      size != expected) {
    Fail(ErrorCode::kCorrupt, "SNAPPY page is damaged");
  }
}

void DecompressZstd(std::string_view input, size_t expected, std::string& out) {
  const unsigned long long claimed = ZSTD_getFrameContentSize(input.data(), input.size());
  if (claimed == ZSTD_CONTENTSIZE_ERROR) Fail(ErrorCode::kCorrupt, "ZSTD page is not a zstd frame");
  if (claimed != ZSTD_CONTENTSIZE_UNKNOWN && claimed != expected)
    SizeMismatch(Codec::kZstd, claimed, expected);
  out.resize(expected);
  const size_t size =
      ZSTD_decompressDCtx(ThreadDCtx(), out.data(), out.size(), input.data(), input.size());
  if (ZSTD_isError(size))
    Fail(ErrorCode::kCorrupt, "ZSTD page is damaged: {}", ZSTD_getErrorName(size));
  if (size != expected) SizeMismatch(Codec::kZstd, size, expected);
}

void DecompressGzip(std::string_view input, size_t expected, std::string& out) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK)
    Fail(ErrorCode::kInternal, "inflateInit2 failed");  // gzip or zlib
  std::unique_ptr<z_stream, InflateEnd> guard(&zs);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  zs.avail_in = static_cast<uInt>(input.size());
  // Grow with the data actually produced, so a lying header cannot make us allocate up front.
  out.clear();
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    const size_t have = out.size();
    const size_t grow = std::min<size_t>(std::max<size_t>(have, 64 * 1024), expected + 1 - have);
    if (grow == 0) break;
    out.resize(have + grow);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + have);
    zs.avail_out = static_cast<uInt>(grow);
    rc = inflate(&zs, Z_NO_FLUSH);
    out.resize(have + grow - zs.avail_out);
    if (rc != Z_OK && rc != Z_STREAM_END)
      Fail(ErrorCode::kCorrupt, "GZIP page is damaged (zlib error {})", rc);
    if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)
      Fail(ErrorCode::kCorrupt, "GZIP page is truncated");
  }
  if (out.size() != expected) SizeMismatch(Codec::kGzip, out.size(), expected);
}

}  // namespace

bool IsSupportedCodec(Codec codec) {
  return codec == Codec::kUncompressed || codec == Codec::kSnappy || codec == Codec::kZstd ||
         codec == Codec::kGzip;
}

void Compress(Codec codec, std::string_view input, int level, std::string& out) {
  switch (codec) {
    case Codec::kUncompressed:
      out.assign(input);
      return;
    case Codec::kSnappy:
      return CompressSnappy(input, out);
    case Codec::kZstd:
      return CompressZstd(input, level, out);
    case Codec::kGzip:
      return CompressGzip(input, level, out);
    default:
      Unsupported(codec);
  }
}

std::string_view CompressTo(Codec codec, std::string_view input, int level, std::string& scratch) {
  switch (codec) {
    case Codec::kUncompressed:
      return input;
    case Codec::kSnappy: {
      const size_t size = SnappyInto(input, scratch);  // may move scratch's bytes: size first
      return {scratch.data(), size};
    }
    case Codec::kZstd: {
      const size_t size = ZstdInto(input, level, scratch);
      return {scratch.data(), size};
    }
    case Codec::kGzip:
      CompressGzip(input, level, scratch);
      return scratch;
    default:
      Unsupported(codec);
  }
}

void Decompress(Codec codec, std::string_view input, size_t uncompressed_size, std::string& out) {
  switch (codec) {
    case Codec::kUncompressed:
      if (input.size() != uncompressed_size) SizeMismatch(codec, input.size(), uncompressed_size);
      out.assign(input);
      return;
    case Codec::kSnappy:
      return DecompressSnappy(input, uncompressed_size, out);
    case Codec::kZstd:
      return DecompressZstd(input, uncompressed_size, out);
    case Codec::kGzip:
      return DecompressGzip(input, uncompressed_size, out);
    default:
      Unsupported(codec);
  }
}

}  // namespace uw::parquet
