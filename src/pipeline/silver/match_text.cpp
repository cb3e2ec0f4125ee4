#include "pipeline/silver/match_text.h"

#include <array>
#include <cstdint>

namespace uw::silver {
namespace {

// Base letters of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), case kept;
// nullptr = not a letter with a diacritic (× and ÷), kept as it is.
constexpr std::array<const char*, 192> kLatinBase = {
    // U+00C0
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O", "O", "O", nullptr, "O", "U", "U", "U", "U", "Y", "TH", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100
    "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",
    "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",
    "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L",
    "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o",
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",
    "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",
    "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",
};

struct CodePoint {
  uint32_t value = 0;
  size_t length = 1;  // bytes consumed; an invalid byte is one "code point" kept as is
  bool valid = false;
};

CodePoint Decode(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<uint8_t>(s[i + k]); };
  const uint8_t lead = b(0);
  if (lead < 0x80) return {lead, 1, true};
  size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return {};
  uint32_t cp = lead & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  return {cp, n, true};
}

// What one code point becomes without its diacritic: "" drops it (combining marks), nullptr
// keeps it, else the replacement text.
const char* Replacement(uint32_t cp) {
  if (cp >= 0x00C0 && cp <= 0x017F) return kLatinBase[cp - 0x00C0];
  if (cp >= 0x0300 && cp <= 0x036F) return "";  // combining diacritical marks (decomposed text)
  return nullptr;
}

// Typographic punctuation that differs between an export and the catalogue for the same title.
const char* Punctuation(uint32_t cp) {
  switch (cp) {
    case 0x00A0: return " ";  // no-break space
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x2033: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: return "-";
    default: return nullptr;
  }
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string Trim(std::string_view s) {
  size_t begin = 0, end = s.size();
  while (begin < end && IsSpace(s[begin])) ++begin;
  while (end > begin && IsSpace(s[end - 1])) --end;
  return std::string(s.substr(begin, end - begin));
}

bool MentionsRemaster(std::string_view s) {
  constexpr std::string_view kWord = "remaster";
  for (size_t i = 0; i + kWord.size() <= s.size(); ++i) {
    size_t k = 0;
    while (k < kWord.size() && (s[i + k] | 0x20) == kWord[k]) ++k;
    if (k == kWord.size()) return true;
  }
  return false;
}

// Position of the bracket opening the group that closes at the end of `s`, or npos.
size_t OpeningOfTrailingGroup(std::string_view s) {
  if (s.empty() || (s.back() != ')' && s.back() != ']')) return std::string_view::npos;
  const char close = s.back();
  const char open = close == ')' ? '(' : '[';
  int depth = 0;
  for (size_t i = s.size(); i-- > 0;) {
    if (s[i] == close) ++depth;
    if (s[i] == open && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// Position of a " - " (or en/em dash) whose tail mentions a remaster, or npos.
size_t RemasterDash(std::string_view s) {
  for (const std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    const size_t at = s.rfind(dash);
    if (at != std::string_view::npos && MentionsRemaster(s.substr(at + dash.size()))) return at;
  }
  return std::string_view::npos;
}

}  // namespace

std::string StripDiacritics(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const CodePoint cp = Decode(text, i);
    const char* replacement = cp.valid ? Replacement(cp.value) : nullptr;
    if (replacement) {
      out += replacement;
    } else {
      out.append(text.substr(i, cp.length));
    }
    i += cp.length;
  }
  return out;
}

std::string FoldForMatch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  const auto append = [&](std::string_view piece) {
    for (const char c : piece) {
      if (IsSpace(c)) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  };
  for (size_t i = 0; i < text.size();) {
    const CodePoint cp = Decode(text, i);
    const char* replacement = cp.valid ? Replacement(cp.value) : nullptr;
    if (!replacement && cp.valid) replacement = Punctuation(cp.value);
    append(replacement ? std::string_view(replacement) : text.substr(i, cp.length));
    i += cp.length;
  }
  return out;
}

std::string StripVersionSuffix(std::string_view name) {
  std::string current = Trim(name);
  while (true) {
    size_t cut = OpeningOfTrailingGroup(current);
    if (cut == std::string::npos) cut = RemasterDash(current);
    if (cut == std::string::npos) break;
    std::string shorter = Trim(std::string_view(current).substr(0, cut));
    if (shorter.empty()) break;
    current = std::move(shorter);
  }
  return current;
}

}  // namespace uw::silver
