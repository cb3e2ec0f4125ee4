#include "parquet/encoders/rle_bitpacked.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "core/error.h"

namespace uw::parquet {
namespace {

// Arrow and parquet-java cap bit-packed runs at 63 groups so the header fits one byte; staying
// inside that keeps every decoder on its common path.
constexpr size_t kMaxGroupsPerRun = 63;
constexpr size_t kMinRleRun = 8;

void PutVarint(uint64_t v, std::string& out) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

template <typename T>
void PutBitPacked(const T* values, size_t count, int bit_width, std::string& out) {
  size_t done = 0;
  while (done < count) {
    const size_t n = std::min(count - done, kMaxGroupsPerRun * 8);
    const size_t groups = (n + 7) / 8;
    PutVarint((groups << 1) | 1, out);
    // A group of 8 values takes exactly bit_width bytes: sized once, then written in place
    // (a push_back per byte cost more than the packing).
    const size_t start = out.size();
    out.resize(start + groups * static_cast<size_t>(bit_width));
    char* dst = out.data() + start;
    uint64_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < groups * 8; ++i) {
      const uint64_t v = i < n ? static_cast<uint64_t>(values[done + i]) : 0;  // zero padding
      acc |= v << bits;
      bits += bit_width;
      while (bits >= 8) {
        *dst++ = static_cast<char>(acc & 0xFF);
        acc >>= 8;
        bits -= 8;
      }
    }
    done += n;
  }
}

template <typename T>
void PutRle(T value, size_t count, int bit_width, std::string& out) {
  PutVarint(static_cast<uint64_t>(count) << 1, out);
  const int bytes = (bit_width + 7) / 8;
  for (int b = 0; b < bytes; ++b)
    out.push_back(static_cast<char>((static_cast<uint64_t>(value) >> (8 * b)) & 0xFF));
}

// The length of the run of values equal to values[i], i < count.
template <typename T>
size_t RunLength(const T* values, size_t i, size_t count) {
  size_t end = i + 1;
  if constexpr (sizeof(T) == 1) {
    // Levels come in long runs (a column without nulls is one): compared 8 at a time.
    const uint64_t repeated = 0x0101010101010101ULL * values[i];
    for (uint64_t word; end + 8 <= count; end += 8) {
      std::memcpy(&word, values + end, 8);
      if (word != repeated) break;
    }
  }
  while (end < count && values[end] == values[i]) ++end;
  return end - i;
}

template <typename T>
void Encode(const T* values, size_t count, int bit_width, std::string& out) {
  size_t packed_start = 0;  // start of values not yet emitted (they go bit-packed)
  size_t i = 0;
  while (i < count) {
    size_t run = RunLength(values, i, count);
    if (run < kMinRleRun) {
      i += run;
      continue;
    }
    // A bit-packed run holds whole groups of 8, so top the pending values up to a multiple of 8
    // from the start of the repeat run before switching to RLE.
    const size_t pending = i - packed_start;
    const size_t top_up = std::min(run, (8 - pending % 8) % 8);
    i += top_up;
    run -= top_up;
    if (run < kMinRleRun) {
      i += run;
      continue;
    }
    if (i > packed_start) PutBitPacked(values + packed_start, i - packed_start, bit_width, out);
    PutRle(values[i], run, bit_width, out);
    i += run;
    packed_start = i;
  }
  if (count > packed_start)
    PutBitPacked(values + packed_start, count - packed_start, bit_width, out);
}

}  // namespace

int BitWidth(uint64_t max_value) { return max_value == 0 ? 0 : 64 - std::countl_zero(max_value); }

void EncodeRleBitPacked(const uint32_t* values, size_t count, int bit_width, std::string& out) {
  Encode(values, count, bit_width, out);
}

void EncodeRleBitPacked(const uint8_t* values, size_t count, int bit_width, std::string& out) {
  Encode(values, count, bit_width, out);
}

RleBitPackedDecoder::RleBitPackedDecoder(std::string_view data, int bit_width)
    : data_(data), bit_width_(bit_width) {
  if (bit_width < 0 || bit_width > 32)
    Fail(ErrorCode::kCorrupt, "bit width {} is outside 0..32", bit_width);
}

void RleBitPackedDecoder::NextRun() {
  if (pos_ >= data_.size()) {
    if (bit_width_ == 0) {  // nothing to store: some writers omit the runs entirely
      rle_left_ = UINT64_MAX;
      rle_value_ = 0;
      return;
    }
    Fail(ErrorCode::kCorrupt, "RLE/bit-packed data ends after {} bytes, more values expected",
         pos_);
  }
  uint64_t header = 0;
  for (int shift = 0;; shift += 7) {
    if (pos_ >= data_.size() || shift > 35)
      Fail(ErrorCode::kCorrupt, "bad RLE/bit-packed run header");
    const auto b = static_cast<uint8_t>(data_[pos_++]);
    header |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) break;
  }
  if (header & 1) {
    const uint64_t groups = header >> 1;
    const size_t available = data_.size() - pos_;
    const uint64_t bytes =
        std::min<uint64_t>(groups * static_cast<uint64_t>(bit_width_), available);
    // A short final run is tolerated: only the values actually present can be read.
    packed_left_ =
        bit_width_ == 0 ? groups * 8 : std::min<uint64_t>(groups * 8, bytes * 8 / bit_width_);
    packed_start_ = pos_;
    packed_index_ = 0;
    pos_ += bytes;
  } else {
    rle_left_ = header >> 1;
    const int bytes = (bit_width_ + 7) / 8;
    if (data_.size() - pos_ < static_cast<size_t>(bytes))
      Fail(ErrorCode::kCorrupt, "truncated RLE run value");
    uint32_t v = 0;
    for (int b = 0; b < bytes; ++b)
      v |= static_cast<uint32_t>(static_cast<uint8_t>(data_[pos_ + b])) << (8 * b);
    rle_value_ = v;
    pos_ += bytes;
  }
}

uint32_t RleBitPackedDecoder::UnpackAt(uint64_t index) const {
  if (bit_width_ == 0) return 0;
  const uint64_t bit = index * static_cast<uint64_t>(bit_width_);
  const size_t byte = packed_start_ + bit / 8;
  uint64_t word = 0;
  const size_t avail = std::min<size_t>(8, data_.size() - byte);
  std::memcpy(&word, data_.data() + byte, avail);
  const uint64_t mask = bit_width_ == 32 ? 0xFFFFFFFFULL : ((1ULL << bit_width_) - 1);
  return static_cast<uint32_t>((word >> (bit % 8)) & mask);
}

template <typename T>
void RleBitPackedDecoder::DecodeImpl(T* out, size_t count) {
  size_t done = 0;
  while (done < count) {
    if (rle_left_ > 0) {
      const size_t n = static_cast<size_t>(std::min<uint64_t>(rle_left_, count - done));
      std::fill(out + done, out + done + n, static_cast<T>(rle_value_));
      rle_left_ -= n;
      done += n;
    } else if (packed_left_ > 0) {
      const size_t n = static_cast<size_t>(std::min<uint64_t>(packed_left_, count - done));
      for (size_t i = 0; i < n; ++i) out[done + i] = static_cast<T>(UnpackAt(packed_index_ + i));
      packed_index_ += n;
      packed_left_ -= n;
      done += n;
    } else {
      NextRun();
    }
  }
}

void RleBitPackedDecoder::Decode(uint32_t* out, size_t count) { DecodeImpl(out, count); }
void RleBitPackedDecoder::Decode(uint8_t* out, size_t count) { DecodeImpl(out, count); }

}  // namespace uw::parquet
