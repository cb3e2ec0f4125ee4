#include "delta/path_encoding.h"

#include <fmt/format.h>

#include <cctype>

#include "core/error.h"

namespace uw::delta {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void AppendPercent(std::string& out, unsigned char byte) {
  out.push_back('%');
  out.push_back(kHex[byte >> 4]);
  out.push_back(kHex[byte & 15]);
}

// RFC 2396 §2.3 unreserved plus the pchar extras of §3.3; ';' starts path parameters, so it is
// encoded.
bool KeepInPath(unsigned char c) {
  if (std::isalnum(c) != 0 && c < 0x80) return true;
  return std::string_view("-_.!~*'()/:@&=+$,").find(static_cast<char>(c)) != std::string_view::npos;
}

// Hive's FileUtils.escapePathName character set.
bool HiveNeedsEscape(unsigned char c) {
  return c < 0x20 || c == 0x7f ||
         std::string_view("\"#%'*/:=?\\{[]^").find(static_cast<char>(c)) != std::string_view::npos;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string EncodeLogPath(std::string_view relative_path) {
  std::string out;
  out.reserve(relative_path.size());
  for (char ch : relative_path) {
    const auto c = static_cast<unsigned char>(ch);
    if (KeepInPath(c)) {
      out.push_back(ch);
    } else {
      AppendPercent(out, c);
    }
  }
  return out;
}

std::optional<std::string> DecodeLogPath(std::string_view encoded) {
  std::string out;
  out.reserve(encoded.size());
  for (size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] != '%') {
      out.push_back(encoded[i]);
      continue;
    }
    if (i + 2 >= encoded.size()) return std::nullopt;
    const int hi = HexValue(encoded[i + 1]);
    const int lo = HexValue(encoded[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

std::string HiveEscape(const std::optional<std::string>& value) {
  if (!value || value->empty()) return "__HIVE_DEFAULT_PARTITION__";
  std::string out;
  for (char ch : *value) {
    const auto c = static_cast<unsigned char>(ch);
    if (HiveNeedsEscape(c)) {
      AppendPercent(out, c);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

std::string PartitionDir(const std::vector<std::string>& columns, const PartitionValues& values) {
  std::string out;
  for (const auto& column : columns) {
    const auto it = values.find(column);
    if (it == values.end())
      Fail(ErrorCode::kInternal, "no value for partition column '{}'", column);
    if (!out.empty()) out.push_back('/');
    out += HiveEscape(column) + "=" + HiveEscape(it->second);
  }
  return out;
}

}  // namespace uw::delta
