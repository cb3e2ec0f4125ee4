// The RLE / bit-packing hybrid (Encodings.md "Run Length Encoding / Bit-Packing Hybrid"), used
// for definition levels, dictionary indices and RLE booleans:
//   rle-run        = varint(count << 1)        + the value in ceil(bit_width / 8) bytes, LE
//   bit-packed-run = varint(groups << 1 | 1)   + groups × 8 values, bit_width bits each, LSB first
// No length prefix here: callers add the u32 length where the format wants one (v1 levels).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace uw::parquet {

// Bits needed for values up to max_value (0 for 0).
int BitWidth(uint64_t max_value);

// Appends the hybrid encoding of values[0..count) (each < 2^bit_width, bit_width 0..32):
// runs of 8 or more equal values become RLE runs, the rest bit-packed runs of at most 63 groups.
void EncodeRleBitPacked(const uint32_t* values, size_t count, int bit_width, std::string& out);
void EncodeRleBitPacked(const uint8_t* values, size_t count, int bit_width, std::string& out);

// Decodes untrusted hybrid data. Throws Error(kCorrupt) when the data ends before the requested
// values (except bit width 0, where missing runs mean zeros). Values are not range-checked.
class RleBitPackedDecoder {
 public:
  RleBitPackedDecoder(std::string_view data, int bit_width);

  void Decode(uint32_t* out, size_t count);
  void Decode(uint8_t* out, size_t count);
  // Bytes consumed so far (up to the end of the current run).
  size_t position() const { return pos_; }

 private:
  template <typename T>
  void DecodeImpl(T* out, size_t count);
  void NextRun();
  uint32_t UnpackAt(uint64_t index) const;

  std::string_view data_;
  int bit_width_;
  size_t pos_ = 0;
  uint64_t rle_left_ = 0;
  uint32_t rle_value_ = 0;
  uint64_t packed_left_ = 0;   // values left in the current bit-packed run
  size_t packed_start_ = 0;    // byte offset of the current bit-packed run's data
  uint64_t packed_index_ = 0;  // next value within that run
};

}  // namespace uw::parquet
