// Small text helpers shared by every layer: JSON string escaping, base64url, UTF-8 checks.
#pragma once

#include <string>
#include <string_view>

namespace uw::core {

// Appends s as a JSON string literal (with quotes) to out. Control characters are escaped;
// valid UTF-8 passes through unchanged.
void AppendJsonString(std::string& out, std::string_view s);
std::string JsonString(std::string_view s);

// RFC 4648 §5 base64url without padding (safe in blob names and file names).
std::string Base64UrlEncode(std::string_view bytes);

// True when bytes are well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view bytes);

// Human-readable byte count: "1.4 MiB".
std::string HumanBytes(uint64_t bytes);

}  // namespace uw::core
