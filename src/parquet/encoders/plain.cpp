#include "parquet/encoders/plain.h"

#include "core/error.h"

namespace uw::parquet {

void PlainEncodeBools(const uint8_t* values, size_t count, std::string& out) {
  const size_t base = out.size();
  out.resize(base + (count + 7) / 8, '\0');
  auto* bytes = reinterpret_cast<uint8_t*>(out.data() + base);
  for (size_t i = 0; i < count; ++i)
    bytes[i / 8] |= static_cast<uint8_t>((values[i] & 1) << (i % 8));
}

size_t PlainDecoder::Need(size_t count, size_t width) const {
  if (count > remaining() / (width == 0 ? 1 : width)) {
    Fail(ErrorCode::kCorrupt, "PLAIN data holds {} bytes, {} values of {} bytes expected",
         remaining(), count, width);
  }
  return count * width;
}

void PlainDecoder::DecodeBools(uint8_t* out, size_t count) {
  const uint64_t bits_left = static_cast<uint64_t>(remaining()) * 8 - bool_bit_;
  if (count > bits_left)
    Fail(ErrorCode::kCorrupt, "PLAIN booleans: {} values expected, {} present", count, bits_left);
  const auto* bytes = reinterpret_cast<const uint8_t*>(data_.data());
  for (size_t i = 0; i < count; ++i) {
    out[i] = (bytes[pos_] >> bool_bit_) & 1;
    if (++bool_bit_ == 8) {
      bool_bit_ = 0;
      ++pos_;
    }
  }
}

void PlainDecoder::DecodeByteArrays(std::string_view* out, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    if (remaining() < 4)
      Fail(ErrorCode::kCorrupt, "PLAIN byte array {} of {}: truncated length", i, count);
    uint32_t length;
    std::memcpy(&length, data_.data() + pos_, 4);
    pos_ += 4;
    if (length > remaining()) {
      Fail(ErrorCode::kCorrupt, "PLAIN byte array {} of {}: length {} overruns the page", i, count,
           length);
    }
    out[i] = data_.substr(pos_, length);
    pos_ += length;
  }
}

void PlainDecoder::DecodeFixedByteArrays(std::string_view* out, size_t count, size_t width) {
  Need(count, width);
  for (size_t i = 0; i < count; ++i) {
    out[i] = data_.substr(pos_, width);
    pos_ += width;
  }
}

}  // namespace uw::parquet
