// Small helpers shared by the record validators: names of JSON types for messages, a short
// printable excerpt of a value, and a key lookup that exploits the stable key order of Spotify
// exports (formats.md §2.3), so validating a record costs about one comparison per field.
#pragma once

#include <simdjson.h>

#include <array>
#include <cstdint>
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
      if (keys_[index] == key) {
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

// Checks `value` against `expect` (null always passes). On success stores the value into the
// matching out-parameter and returns an empty string; otherwise the reason, e.g.
// "\"ms_played\" is a string, expected an integer".
std::string CheckString(std::string_view key, simdjson::dom::element value,
                        std::optional<std::string_view>& out);
std::string CheckBool(std::string_view key, simdjson::dom::element value, std::optional<bool>& out);
std::string CheckInteger(std::string_view key, simdjson::dom::element value,
                         std::optional<int64_t>& out);

// A reason for a value of the wrong type: "\"key\" is <type>, expected <expect>".
std::string WrongType(std::string_view key, simdjson::dom::element value,
                      std::string_view expected);

// True when the optional holds a non-empty string: "" and null both mean "absent" for identity.
inline bool Has(const std::optional<std::string_view>& s) { return s && !s->empty(); }

}  // namespace uw::spotify_export
