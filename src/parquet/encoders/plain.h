// PLAIN encoding (Encodings.md "Plain"): fixed-width values little-endian back to back,
// BYTE_ARRAY as u32le length + bytes, BOOLEAN bit-packed LSB first with no header, INT96 as
// 12 bytes. The encoder appends to a string; PlainDecoder reads untrusted bytes and throws
// Error(kCorrupt) instead of reading past the end. Assumes a little-endian host.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace uw::parquet {

template <typename T>
void PlainEncodeFixed(const T* values, size_t count, std::string& out) {
  out.append(reinterpret_cast<const char*>(values), count * sizeof(T));
}

inline void PlainEncodeByteArray(std::string_view value, std::string& out) {
  const auto length = static_cast<uint32_t>(value.size());
  out.append(reinterpret_cast<const char*>(&length), 4);
  out.append(value);
}

// values[i] is 0 or 1.
void PlainEncodeBools(const uint8_t* values, size_t count, std::string& out);

class PlainDecoder {
 public:
  explicit PlainDecoder(std::string_view data) : data_(data) {}

  template <typename T>
  void DecodeFixed(T* out, size_t count) {
    const size_t bytes = Need(count, sizeof(T));
    if (bytes == 0) return;  // `out` may be null for zero values
    std::memcpy(out, data_.data() + pos_, bytes);
    pos_ += bytes;
  }
  void DecodeBools(uint8_t* out, size_t count);
  // Views into the decoder's data (valid while that data lives).
  void DecodeByteArrays(std::string_view* out, size_t count);
  // Fixed-length byte arrays of `width` bytes each.
  void DecodeFixedByteArrays(std::string_view* out, size_t count, size_t width);

  size_t position() const { return pos_; }
  size_t remaining() const { return data_.size() - pos_; }

 private:
  size_t Need(size_t count, size_t width) const;
  std::string_view data_;
  size_t pos_ = 0;
  size_t bool_bit_ = 0;  // booleans may end mid-byte between calls
};

}  // namespace uw::parquet
