#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <bit>

#include "core/error.h"
#include "parquet/encoders/delta.h"
#include "parquet/encoders/dictionary.h"
#include "parquet/encoders/plain.h"
#include "parquet/encoders/rle_bitpacked.h"

namespace uw::parquet {
namespace {

std::string Hex(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) out += fmt::format("{}{:02x}", out.empty() ? "" : " ", c);
  return out;
}

TEST(RleBitPacked, MatchesTheSpecExample) {
  // Definition levels of [1, null, 3, 4] (tech.md §1.7): one bit-packed group, 0b1101.
  const uint8_t levels[] = {1, 0, 1, 1};
  std::string out;
  EncodeRleBitPacked(levels, 4, 1, out);
  EXPECT_EQ(Hex(out), "03 0d");
}

TEST(RleBitPacked, LongRunsBecomeRleRuns) {
  std::vector<uint32_t> values(1000, 5);
  std::string out;
  EncodeRleBitPacked(values.data(), values.size(), 3, out);
  EXPECT_EQ(Hex(out), "d0 0f 05");  // varint(1000 << 1), then the value in one byte
}

TEST(RleBitPacked, BitWidthZeroAndEmptyData) {
  std::vector<uint32_t> out(10, 7);
  RleBitPackedDecoder({}, 0).Decode(out.data(), out.size());
  EXPECT_EQ(out, std::vector<uint32_t>(10, 0));
  EXPECT_THROW(RleBitPackedDecoder({}, 1).Decode(out.data(), 1), Error);
  EXPECT_THROW(RleBitPackedDecoder("\x03", 33), Error);
}

RC_GTEST_PROP(RleBitPacked, RoundTrips, ()) {
  const int width = *rc::gen::inRange(0, 33);
  const uint64_t max = width == 0 ? 0 : (width == 32 ? 0xFFFFFFFFULL : (1ULL << width) - 1);
  // Runs of repeats mixed with noise, so both run kinds and their boundaries occur.
  const auto runs = *rc::gen::container<std::vector<std::pair<uint32_t, int>>>(rc::gen::pair(
      rc::gen::inRange<uint32_t>(0, static_cast<uint32_t>(std::min<uint64_t>(max, 0xFFFFFFFE)) + 1),
      rc::gen::inRange(1, 40)));
  std::vector<uint32_t> values;
  for (const auto& [v, n] : runs) values.insert(values.end(), static_cast<size_t>(n), v);
  std::string encoded;
  EncodeRleBitPacked(values.data(), values.size(), width, encoded);
  std::vector<uint32_t> decoded(values.size());
  RleBitPackedDecoder decoder(encoded, width);
  decoder.Decode(decoded.data(), decoded.size());
  RC_ASSERT(decoded == values);
}

TEST(Plain, BooleansAreBitPackedLsbFirst) {
  const uint8_t values[] = {1, 0, 1, 1, 0, 0, 0, 0, 1};
  std::string out;
  PlainEncodeBools(values, 9, out);
  EXPECT_EQ(Hex(out), "0d 01");
  PlainDecoder d(out);
  uint8_t back[9];
  d.DecodeBools(back, 4);
  d.DecodeBools(back + 4, 5);  // continues mid-byte
  EXPECT_TRUE(std::equal(values, values + 9, back));
  EXPECT_THROW(d.DecodeBools(back, 8), Error);
}

TEST(Plain, ByteArraysAreBoundsChecked) {
  std::string out;
  PlainEncodeByteArray("héllo", out);
  PlainEncodeByteArray("", out);
  PlainDecoder d(out);
  std::string_view v[2];
  d.DecodeByteArrays(v, 2);
  EXPECT_EQ(v[0], "héllo");
  EXPECT_EQ(v[1], "");
  const std::string lying_bytes("\xff\x00\x00\x00xy", 6);
  PlainDecoder lying(lying_bytes);
  EXPECT_THROW(lying.DecodeByteArrays(v, 1), Error);
  const std::string seven(7, 'x');
  PlainDecoder fixed(seven);
  int64_t ints[1];
  EXPECT_THROW(fixed.DecodeFixed(ints, 1), Error);
}

TEST(Dictionary, IndicesAreStableAndDoublesKeyByBits) {
  DictionaryBuilder<double> d;
  EXPECT_EQ(d.Insert(0.0), 0u);
  EXPECT_EQ(d.Insert(-0.0), 1u);  // -0.0 is its own entry: it must round-trip
  EXPECT_EQ(d.Insert(0.0), 0u);
  EXPECT_EQ(d.Insert(std::nan("")), 2u);
  EXPECT_EQ(d.Insert(std::nan("")), 2u);
  EXPECT_EQ(d.plain_bytes(), 24u);
  DictionaryBuilder<std::string_view> s;
  for (int i = 0; i < 5000; ++i)
    EXPECT_EQ(s.Insert("v" + std::to_string(i % 2000)), static_cast<uint32_t>(i % 2000));
  EXPECT_EQ(s.size(), 2000u);
  std::string plain;
  s.EncodePlain(plain);
  EXPECT_EQ(plain.size(), s.plain_bytes());
}

RC_GTEST_PROP(Delta, BinaryPackedRoundTrips, (std::vector<int64_t> values)) {
  if (*rc::gen::arbitrary<bool>()) {  // also smooth sequences, the encoding's home turf
    int64_t v = *rc::gen::arbitrary<int64_t>();
    for (auto& x : values) x = v += *rc::gen::inRange<int64_t>(-3, 4);
  }
  std::string encoded;
  EncodeDeltaBinaryPacked(values.data(), values.size(), encoded);
  encoded += "trailing";
  std::vector<int64_t> decoded(values.size());
  const size_t used = DecodeDeltaBinaryPacked(encoded, values.size(), decoded.data());
  RC_ASSERT(decoded == values);
  RC_ASSERT(used == encoded.size() - 8);
}

RC_GTEST_PROP(Delta, ByteArraysRoundTrip, (std::vector<std::string> strings)) {
  std::sort(strings.begin(), strings.end());  // shared prefixes
  std::vector<std::string_view> views(strings.begin(), strings.end());
  std::string a, b, arena;
  EncodeDeltaLengthByteArray(views.data(), views.size(), a);
  EncodeDeltaByteArray(views.data(), views.size(), b);
  std::vector<std::string_view> back(views.size());
  RC_ASSERT(DecodeDeltaLengthByteArray(a, views.size(), back.data()) == a.size());
  RC_ASSERT(std::equal(back.begin(), back.end(), views.begin()));
  DecodeDeltaByteArray(b, views.size(), 1 << 30, arena, back.data());
  RC_ASSERT(std::equal(back.begin(), back.end(), views.begin()));
}

TEST(Delta, HostileInputFails) {
  std::vector<int64_t> out(4);
  EXPECT_THROW(DecodeDeltaBinaryPacked("\x80\x01\x04\x05\x00", 4, out.data()),
               Error);                                                              // says 5 values
  EXPECT_THROW(DecodeDeltaBinaryPacked("\x00\x04\x04\x00", 4, out.data()), Error);  // block size 0
  std::string ok;
  const int64_t v[] = {1, 1000, -5, 7};
  EncodeDeltaBinaryPacked(v, 4, ok);
  EXPECT_THROW(
      DecodeDeltaBinaryPacked(std::string_view(ok).substr(0, ok.size() - 1), 4, out.data()), Error);
  // Prefix longer than the previous value, and a byte budget that is too small.
  std::string arena;
  std::string_view views[2] = {"abc", "abd"};
  std::string encoded;
  EncodeDeltaByteArray(views, 2, encoded);
  std::string_view back[2];
  EXPECT_THROW(DecodeDeltaByteArray(encoded, 2, 5, arena, back), Error);
}

TEST(ByteStreamSplit, Decodes) {
  const double values[] = {1.5, -2.25, 1e300};
  std::string split(24, '\0');
  const auto* bytes = reinterpret_cast<const uint8_t*>(values);
  for (size_t i = 0; i < 3; ++i) {
    for (size_t k = 0; k < 8; ++k) split[k * 3 + i] = static_cast<char>(bytes[i * 8 + k]);
  }
  double back[3];
  DecodeByteStreamSplit(split, 3, 8, back);
  EXPECT_TRUE(std::equal(values, values + 3, back));
  EXPECT_THROW(DecodeByteStreamSplit(split.substr(1), 3, 8, back), Error);
}

}  // namespace
}  // namespace uw::parquet
