#include "parquet/compression.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>
#include <snappy-c.h>
#include <zstd.h>

#include "core/error.h"

namespace uw::parquet {
namespace {

RC_GTEST_PROP(Compression, RoundTripsEveryCodec, (std::string data)) {
  if (*rc::gen::arbitrary<bool>()) data += std::string(*rc::gen::inRange(0, 100000), 'a');
  for (const Codec codec : {Codec::kUncompressed, Codec::kSnappy, Codec::kZstd, Codec::kGzip}) {
    std::string compressed, back;
    Compress(codec, data, 3, compressed);
    Decompress(codec, compressed, data.size(), back);
    RC_ASSERT(back == data);
  }
}

// CompressTo with one scratch buffer reused page after page (large, then small, then large
// again) gives exactly Compress's bytes.
RC_GTEST_PROP(Compression, CompressToMatchesCompressWithAReusedBuffer, ()) {
  std::string scratch;
  for (int page = 0; page < 4; ++page) {
    std::string data = *rc::gen::arbitrary<std::string>();
    data += std::string(*rc::gen::inRange(0, 50000), char('a' + page));
    for (const Codec codec : {Codec::kUncompressed, Codec::kSnappy, Codec::kZstd, Codec::kGzip}) {
      std::string expected;
      Compress(codec, data, 3, expected);
      RC_ASSERT(std::string(CompressTo(codec, data, 3, scratch)) == expected);
    }
  }
}

TEST(Compression, RawFormatsWithoutFraming) {
  const std::string data(1000, 'x');
  std::string out;
  Compress(Codec::kSnappy, data, 0, out);
  size_t length = 0;  // a raw Snappy block starts with the varint length, no stream identifier
  ASSERT_EQ(snappy_uncompressed_length(out.data(), out.size(), &length), SNAPPY_OK);
  EXPECT_EQ(length, 1000u);
  Compress(Codec::kZstd, data, 3, out);
  EXPECT_EQ(ZSTD_getFrameContentSize(out.data(), out.size()), 1000u);  // a frame with its size
  Compress(Codec::kGzip, data, 6, out);
  EXPECT_EQ(out.substr(0, 2), "\x1f\x8b");  // RFC 1952 gzip, not zlib
}

TEST(Compression, SizeMismatchesAndGarbageAreCorrupt) {
  const std::string data(5000, 'y');
  for (const Codec codec : {Codec::kUncompressed, Codec::kSnappy, Codec::kZstd, Codec::kGzip}) {
    std::string compressed, back;
    Compress(codec, data, 3, compressed);
    for (const size_t claimed : {size_t{4999}, size_t{5001}, size_t{1} << 40}) {
      try {
        Decompress(codec, compressed, claimed, back);
        FAIL() << CodecName(codec) << " accepted size " << claimed;
      } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::kCorrupt) << e.what();
      }
      EXPECT_LT(back.capacity(), size_t{1} << 30) << "no allocation of the claimed size";
    }
    if (codec != Codec::kUncompressed) {
      EXPECT_THROW(Decompress(codec, "garbage!", 5000, back), Error);
    }
  }
  std::string out;
  EXPECT_THROW(Compress(Codec::kLz4Raw, "x", 0, out), Error);
  EXPECT_THROW(Decompress(Codec::kBrotli, "x", 1, out), Error);
}

}  // namespace
}  // namespace uw::parquet
