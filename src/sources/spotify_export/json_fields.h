// Small helpers shared by the record validators: names of JSON types for messages, a short
// printable excerpt of a value, a key lookup that exploits the stable key order of Spotify
// exports (formats.md §2.3), so validating a record costs about one comparison per field, and
// typed reads whose messages are built only when a value is refused (every record of every
// play file passes through them, at import and again in silver).
#pragma once

#include <simdjson.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace uw::spotify_export {

// "a string", "an integer", "a decimal number", "a boolean", "null", "an array", "an object".
std::string_view JsonTypeName(simdjson::dom::element_type type);

// A value as it would appear in a message: strings quoted and cut to ~40 bytes (on a UTF-8
// boundary), other scalars as written, arrays and objects as their type name.
std::string ValueExcerpt(simdjson::dom::element value);

// The expected JSON type of a known field; every known field may also be null unless required.
enum class Expect { kString, kInteger, kBool };
std::string_view ExpectName(Expect expect);  // "a string", "an integer", "a boolean"

// Key equality without a call to memcmp: validating a record compares about one key per field,
// and for keys this short the call, not the comparison, was most of the cost.
inline bool SameKey(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const auto load8 = [](const char* p) {
    uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
  };
  if (n < sizeof(uint64_t)) {
    for (size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }
  // Whole words, then the last word (which may overlap the one before it).
  for (size_t i = 0; i + sizeof(uint64_t) < n; i += sizeof(uint64_t)) {
    if (load8(a.data() + i) != load8(b.data() + i)) return false;
  }
  return load8(a.data() + n - sizeof(uint64_t)) == load8(b.data() + n - sizeof(uint64_t));
}

// A fixed table of known keys searched from where the previous key matched, wrapping around:
// records whose keys follow the table order match on the first comparison.
template <size_t N>
class KeyTable {
 public:
  explicit constexpr KeyTable(const std::array<std::string_view, N>& keys) : keys_(keys) {}

  // Index of `key` in the table or -1; `cursor` carries the search position between calls.
  int Find(std::string_view key, size_t& cursor) const {
    for (size_t i = 0; i < N; ++i) {
      size_t index = cursor + i;
      if (index >= N) index -= N;
      if (SameKey(keys_[index], key)) {
        cursor = index + 1 == N ? 0 : index + 1;
        return static_cast<int>(index);
      }
    }
    return -1;
  }
  std::string_view Name(size_t index) const { return keys_[index]; }

 private:
  std::array<std::string_view, N> keys_;
};

// Reading a field of an expected type: a string (or integer, or boolean) or null is stored into
// `out` (null as nullopt) and gives true; any other type gives false and leaves `out` alone.
// These run once per field of every record, so they are inline and build no message; the
// matching *Problem function says why a value was refused.
inline bool ReadString(simdjson::dom::element value, std::optional<std::string_view>& out) {
  std::string_view s;
  if (!value.get(s)) {
    out = s;
    return true;
  }
  if (!value.is_null()) return false;
  out.reset();
  return true;
}

inline bool ReadBool(simdjson::dom::element value, std::optional<bool>& out) {
  bool b = false;
  if (!value.get(b)) {
    out = b;
    return true;
  }
  if (!value.is_null()) return false;
  out.reset();
  return true;
}

// Integers above INT64_MAX (typed UINT64 by simdjson) are refused.
inline bool ReadInteger(simdjson::dom::element value, std::optional<int64_t>& out) {
  using T = simdjson::dom::element_type;
  switch (value.type()) {
    case T::INT64:
      out = value.get_int64().value_unsafe();
      return true;
    case T::NULL_VALUE:
      out.reset();
      return true;
    default:
      return false;
  }
}

// A required count such as ms_played: an integer >= 0; null is refused.
inline bool ReadNonNegativeInteger(simdjson::dom::element value, int64_t& out) {
  if (value.type() != simdjson::dom::element_type::INT64) return false;
  const int64_t n = value.get_int64().value_unsafe();
  if (n < 0) return false;
  out = n;
  return true;
}

// Why Read<Type> refused `value` for `key`, e.g. "\"ms_played\" is a string (\"123\"), expected
// an integer" or "\"ms_played\" is out of range (18446744073709551615)".
std::string StringProblem(std::string_view key, simdjson::dom::element value);
std::string BoolProblem(std::string_view key, simdjson::dom::element value);
std::string IntegerProblem(std::string_view key, simdjson::dom::element value);
// "\"ms_played\" is null, expected an integer", "\"ms_played\" is negative (-5)", or as above.
std::string NonNegativeIntegerProblem(std::string_view key, simdjson::dom::element value);

// Read* and *Problem in one call, for fields read rarely: "" and `out` set when `value` has the
// expected type (or is null), else the reason.
std::string CheckString(std::string_view key, simdjson::dom::element value,
                        std::optional<std::string_view>& out);
std::string CheckInteger(std::string_view key, simdjson::dom::element value,
                         std::optional<int64_t>& out);

// A reason for a value of the wrong type: "\"key\" is <type>, expected <expect>".
std::string WrongType(std::string_view key, simdjson::dom::element value,
                      std::string_view expected);

// True when the optional holds a non-empty string: "" and null both mean "absent" for identity.
inline bool Has(const std::optional<std::string_view>& s) { return s && !s->empty(); }

}  // namespace uw::spotify_export
