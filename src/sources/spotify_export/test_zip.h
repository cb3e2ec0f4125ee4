// Test helper (header only): writes ZIP archives byte by byte, including the hostile ones libzip
// refuses to create (duplicate names, "../" paths, lying sizes), so the import tests can feed
// them to the reader. Only DeflatedEntry needs zlib at link time. Not used by production code.
#pragma once

#include <zlib.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace uw::spotify_export::testing {

struct TestZipEntry {
  std::string name;
  std::string payload;  // the bytes as stored (raw deflate data when method == 8)
  uint16_t method = 0;  // 0 stored, 8 deflate
  uint32_t crc32 = 0;
  uint32_t uncompressed_size = 0;  // as declared in the headers
};

inline uint32_t Crc32(std::string_view data) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  uint32_t crc = 0xFFFFFFFFu;
  for (const char ch : data) crc = table[(crc ^ static_cast<uint8_t>(ch)) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

// A stored (uncompressed) entry with honest headers.
inline TestZipEntry StoredEntry(std::string name, std::string data) {
  TestZipEntry e;
  e.name = std::move(name);
  e.crc32 = Crc32(data);
  e.uncompressed_size = static_cast<uint32_t>(data.size());
  e.payload = std::move(data);
  return e;
}

// A deflated (method 8) entry with honest headers; needs zlib.
inline TestZipEntry DeflatedEntry(std::string name, const std::string& data) {
  z_stream s{};
  deflateInit2(&s, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);  // raw deflate, as ZIP stores it
  std::string out(deflateBound(&s, data.size()), '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  s.avail_in = static_cast<uInt>(data.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  deflate(&s, Z_FINISH);
  out.resize(s.total_out);
  deflateEnd(&s);
  TestZipEntry e;
  e.name = std::move(name);
  e.method = 8;
  e.payload = std::move(out);
  e.crc32 = Crc32(data);
  e.uncompressed_size = static_cast<uint32_t>(data.size());
  return e;
}

namespace detail {
inline void Put16(std::string& out, uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}
inline void Put32(std::string& out, uint32_t v) {
  Put16(out, v & 0xFFFF);
  Put16(out, v >> 16);
}
// The fields local and central headers share, from "version needed" to the extra length.
inline void PutCommon(std::string& out, const TestZipEntry& e) {
  Put16(out, 20);      // version needed
  Put16(out, 0x0800);  // flags: UTF-8 names
  Put16(out, e.method);
  Put16(out, 0);       // time
  Put16(out, 0x5821);  // date: 2024-01-01
  Put32(out, e.crc32);
  Put32(out, static_cast<uint32_t>(e.payload.size()));
  Put32(out, e.uncompressed_size);
  Put16(out, static_cast<uint32_t>(e.name.size()));
  Put16(out, 0);  // extra length
}
}  // namespace detail

// The archive's bytes: local headers and data, central directory, end record.
inline std::string BuildTestZip(const std::vector<TestZipEntry>& entries) {
  std::string out, central;
  for (const TestZipEntry& e : entries) {
    const auto offset = static_cast<uint32_t>(out.size());
    detail::Put32(out, 0x04034b50);
    detail::PutCommon(out, e);
    out += e.name;
    out += e.payload;
    detail::Put32(central, 0x02014b50);
    detail::Put16(central, 20);  // version made by
    detail::PutCommon(central, e);
    detail::Put16(central, 0);  // comment length
    detail::Put16(central, 0);  // disk number
    detail::Put16(central, 0);  // internal attributes
    detail::Put32(central, 0);  // external attributes
    detail::Put32(central, offset);
    central += e.name;
  }
  const auto central_offset = static_cast<uint32_t>(out.size());
  out += central;
  detail::Put32(out, 0x06054b50);
  detail::Put16(out, 0);
  detail::Put16(out, 0);
  detail::Put16(out, static_cast<uint32_t>(entries.size()));
  detail::Put16(out, static_cast<uint32_t>(entries.size()));
  detail::Put32(out, static_cast<uint32_t>(central.size()));
  detail::Put32(out, central_offset);
  detail::Put16(out, 0);
  return out;
}

}  // namespace uw::spotify_export::testing
