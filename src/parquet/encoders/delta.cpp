#include "parquet/encoders/delta.h"

#include <algorithm>
#include <cstring>

#include "core/error.h"
#include "parquet/encoders/rle_bitpacked.h"

namespace uw::parquet {
namespace {

class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const uint8_t b = Byte();
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    Fail(ErrorCode::kCorrupt, "DELTA_BINARY_PACKED: varint too long");
  }
  int64_t ZigZag() {
    const uint64_t n = Varint();
    return static_cast<int64_t>(n >> 1) ^ -static_cast<int64_t>(n & 1);
  }
  uint8_t Byte() {
    if (pos_ >= data_.size()) Fail(ErrorCode::kCorrupt, "DELTA_BINARY_PACKED: data ends early");
    return static_cast<uint8_t>(data_[pos_++]);
  }
  // `width` bits at bit offset `bit` of data[start...]; bytes past the end read as zero.
  uint64_t Bits(size_t start, uint64_t bit, int width) const {
    uint64_t v = 0;
    int got = 0;
    while (got < width) {
      const size_t byte = start + (bit + got) / 8;
      const int shift = static_cast<int>((bit + got) % 8);
      const uint64_t b = byte < data_.size() ? static_cast<uint8_t>(data_[byte]) : 0;
      v |= (b >> shift) << got;
      got += 8 - shift;
    }
    return width == 64 ? v : v & ((1ULL << width) - 1);
  }
  size_t pos() const { return pos_; }
  void Advance(size_t n) {
    if (n > data_.size() - pos_)
      Fail(ErrorCode::kCorrupt, "DELTA_BINARY_PACKED: miniblock overruns the data");
    pos_ += n;
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

void PutVarint(uint64_t v, std::string& out) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void PutZigZag(int64_t v, std::string& out) {
  PutVarint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63), out);
}

void PutBits(const uint64_t* values, size_t count, int width, std::string& out) {
  uint64_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < count; ++i) {
    for (int b = 0; b < width; b += 32) {  // 32-bit pieces keep the accumulator below 64 bits
      const int take = std::min(32, width - b);
      acc |= ((values[i] >> b) & ((1ULL << take) - 1)) << bits;
      bits += take;
      while (bits >= 8) {
        out.push_back(static_cast<char>(acc & 0xFF));
        acc >>= 8;
        bits -= 8;
      }
    }
  }
  if (bits > 0) out.push_back(static_cast<char>(acc & 0xFF));
}

}  // namespace

size_t DecodeDeltaBinaryPacked(std::string_view data, size_t count, int64_t* out) {
  ByteReader r(data);
  const uint64_t block_size = r.Varint();
  const uint64_t miniblocks = r.Varint();
  const uint64_t total = r.Varint();
  uint64_t value = static_cast<uint64_t>(r.ZigZag());
  if (block_size == 0 || miniblocks == 0 || block_size % miniblocks != 0 ||
      (block_size / miniblocks) % 8 != 0 || block_size > (1u << 20)) {
    Fail(ErrorCode::kCorrupt, "DELTA_BINARY_PACKED: bad block layout {}/{}", block_size,
         miniblocks);
  }
  if (total != count)
    Fail(ErrorCode::kCorrupt, "DELTA_BINARY_PACKED holds {} values, {} expected", total, count);
  if (count == 0) return r.pos();
  out[0] = static_cast<int64_t>(value);
  const uint64_t per_mini = block_size / miniblocks;
  size_t done = 1;
  std::vector<uint8_t> widths(miniblocks);
  while (done < count) {
    const uint64_t min_delta = static_cast<uint64_t>(r.ZigZag());
    for (auto& w : widths) w = r.Byte();
    for (uint64_t m = 0; m < miniblocks && done < count; ++m) {
      const int width = widths[m];
      if (width > 64) Fail(ErrorCode::kCorrupt, "DELTA_BINARY_PACKED: bit width {}", width);
      const size_t start = r.pos();
      r.Advance(per_mini * width / 8);
      const size_t n = std::min<uint64_t>(per_mini, count - done);
      for (size_t i = 0; i < n; ++i) {
        value += min_delta + r.Bits(start, i * width, width);  // wraps like the writer's arithmetic
        out[done++] = static_cast<int64_t>(value);
      }
    }
  }
  return r.pos();
}

void EncodeDeltaBinaryPacked(const int64_t* values, size_t count, std::string& out) {
  constexpr size_t kBlock = 128, kMini = 4, kPerMini = kBlock / kMini;
  PutVarint(kBlock, out);
  PutVarint(kMini, out);
  PutVarint(count, out);
  PutZigZag(count ? values[0] : 0, out);
  for (size_t start = 1; start < count; start += kBlock) {
    const size_t n = std::min(kBlock, count - start);
    uint64_t deltas[kBlock];
    int64_t min_delta = INT64_MAX;
    for (size_t i = 0; i < n; ++i) {
      deltas[i] =
          static_cast<uint64_t>(values[start + i]) - static_cast<uint64_t>(values[start + i - 1]);
      min_delta = std::min(min_delta, static_cast<int64_t>(deltas[i]));
    }
    for (size_t i = 0; i < n; ++i) deltas[i] -= static_cast<uint64_t>(min_delta);
    std::fill(deltas + n, deltas + kBlock, 0);
    PutZigZag(min_delta, out);
    int widths[kMini];
    for (size_t m = 0; m < kMini; ++m) {
      const uint64_t max = *std::max_element(deltas + m * kPerMini, deltas + (m + 1) * kPerMini);
      widths[m] = m * kPerMini < n ? BitWidth(max) : 0;
      out.push_back(static_cast<char>(widths[m]));
    }
    for (size_t m = 0; m < kMini && m * kPerMini < n; ++m)
      PutBits(deltas + m * kPerMini, kPerMini, widths[m], out);
  }
}

size_t DecodeDeltaLengthByteArray(std::string_view data, size_t count, std::string_view* out) {
  std::vector<int64_t> lengths(count);
  size_t pos = DecodeDeltaBinaryPacked(data, count, lengths.data());
  for (size_t i = 0; i < count; ++i) {
    if (lengths[i] < 0 || static_cast<uint64_t>(lengths[i]) > data.size() - pos) {
      Fail(ErrorCode::kCorrupt, "DELTA_LENGTH_BYTE_ARRAY: value {} of length {} overruns the page",
           i, lengths[i]);
    }
    out[i] = data.substr(pos, static_cast<size_t>(lengths[i]));
    pos += static_cast<size_t>(lengths[i]);
  }
  return pos;
}

void EncodeDeltaLengthByteArray(const std::string_view* values, size_t count, std::string& out) {
  std::vector<int64_t> lengths(count);
  for (size_t i = 0; i < count; ++i) lengths[i] = static_cast<int64_t>(values[i].size());
  EncodeDeltaBinaryPacked(lengths.data(), count, out);
  for (size_t i = 0; i < count; ++i) out.append(values[i]);
}

void DecodeDeltaByteArray(std::string_view data, size_t count, size_t max_bytes, std::string& arena,
                          std::string_view* out) {
  std::vector<int64_t> prefixes(count);
  const size_t pos = DecodeDeltaBinaryPacked(data, count, prefixes.data());
  std::vector<std::string_view> suffixes(count);
  DecodeDeltaLengthByteArray(data.substr(pos), count, suffixes.data());
  // Sizes first, so the arena is allocated once and the views stay valid.
  std::vector<size_t> sizes(count);
  uint64_t total = 0, previous = 0;
  for (size_t i = 0; i < count; ++i) {
    if (prefixes[i] < 0 || static_cast<uint64_t>(prefixes[i]) > previous) {
      Fail(ErrorCode::kCorrupt,
           "DELTA_BYTE_ARRAY: value {} has prefix {} but the previous value has {} bytes", i,
           prefixes[i], previous);
    }
    previous = static_cast<uint64_t>(prefixes[i]) + suffixes[i].size();
    sizes[i] = previous;
    total += previous;
    if (total > max_bytes)
      Fail(ErrorCode::kCorrupt, "DELTA_BYTE_ARRAY: values exceed {} bytes", max_bytes);
  }
  arena.assign(total, '\0');
  size_t at = 0, previous_at = 0;
  for (size_t i = 0; i < count; ++i) {
    const auto prefix = static_cast<size_t>(prefixes[i]);
    if (prefix > 0) std::memmove(arena.data() + at, arena.data() + previous_at, prefix);
    if (!suffixes[i].empty())
      std::memcpy(arena.data() + at + prefix, suffixes[i].data(), suffixes[i].size());
    out[i] = std::string_view(arena).substr(at, sizes[i]);
    previous_at = at;
    at += sizes[i];
  }
}

void EncodeDeltaByteArray(const std::string_view* values, size_t count, std::string& out) {
  std::vector<int64_t> prefixes(count);
  std::vector<std::string_view> suffixes(count);
  for (size_t i = 0; i < count; ++i) {
    size_t p = 0;
    if (i > 0) {
      const auto& a = values[i - 1];
      const auto& b = values[i];
      while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
    }
    prefixes[i] = static_cast<int64_t>(p);
    suffixes[i] = values[i].substr(p);
  }
  EncodeDeltaBinaryPacked(prefixes.data(), count, out);
  EncodeDeltaLengthByteArray(suffixes.data(), count, out);
}

void DecodeByteStreamSplit(std::string_view data, size_t count, size_t width, void* out) {
  if (width == 0 || data.size() / width != count || data.size() % width != 0) {
    Fail(ErrorCode::kCorrupt, "BYTE_STREAM_SPLIT: {} bytes for {} values of {} bytes", data.size(),
         count, width);
  }
  auto* bytes = static_cast<uint8_t*>(out);
  for (size_t k = 0; k < width; ++k) {
    const auto* stream = reinterpret_cast<const uint8_t*>(data.data()) + k * count;
    for (size_t i = 0; i < count; ++i) bytes[i * width + k] = stream[i];
  }
}

}  // namespace uw::parquet
