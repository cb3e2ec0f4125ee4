// Small text helpers shared by every layer: JSON and HTML escaping, base64url, UTF-8 checks.
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

// Length of the UTF-8 sequence starting at s[i] (i < s.size()), or 0 when it is not well formed.
size_t Utf8SequenceLength(std::string_view s, size_t i);

// `text` with &, <, >, " and ' replaced by entities: safe in HTML element content and in quoted
// attribute values. Invalid UTF-8 bytes become U+FFFD and control characters (but tab and
// newline) spaces, so a broken name cannot break the page.
std::string EscapeHtml(std::string_view text);

// Human-readable byte count: "1.4 MiB".
std::string HumanBytes(uint64_t bytes);

}  // namespace uw::core
