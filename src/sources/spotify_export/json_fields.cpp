#include "sources/spotify_export/json_fields.h"

#include <fmt/format.h>

#include "core/text.h"

namespace uw::spotify_export {
namespace {

constexpr size_t kExcerptBytes = 40;

// Cuts s to at most `limit` bytes without splitting a UTF-8 sequence.
std::string_view CutUtf8(std::string_view s, size_t limit) {
  if (s.size() <= limit) return s;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace

std::string_view JsonTypeName(simdjson::dom::element_type type) {
  using T = simdjson::dom::element_type;
  switch (type) {
    case T::ARRAY:
      return "an array";
    case T::OBJECT:
      return "an object";
    case T::INT64:
    case T::UINT64:
      return "an integer";
    case T::DOUBLE:
      return "a decimal number";
    case T::STRING:
      return "a string";
    case T::BOOL:
      return "a boolean";
    case T::NULL_VALUE:
      return "null";
  }
  return "an unknown value";
}

std::string ValueExcerpt(simdjson::dom::element value) {
  using T = simdjson::dom::element_type;
  switch (value.type()) {
    case T::STRING: {
      const std::string_view s = value.get_string().value_unsafe();
      const std::string_view cut = CutUtf8(s, kExcerptBytes);
      std::string out = core::JsonString(cut);
      if (cut.size() < s.size()) out.insert(out.size() - 1, "…");
      return out;
    }
    case T::INT64:
      return std::to_string(value.get_int64().value_unsafe());
    case T::UINT64:
      return std::to_string(value.get_uint64().value_unsafe());
    case T::DOUBLE:
      return fmt::format("{}", value.get_double().value_unsafe());
    case T::BOOL:
      return value.get_bool().value_unsafe() ? "true" : "false";
    case T::NULL_VALUE:
      return "null";
    default:
      return std::string(JsonTypeName(value.type()));
  }
}

std::string_view ExpectName(Expect expect) {
  switch (expect) {
    case Expect::kString:
      return "a string";
    case Expect::kInteger:
      return "an integer";
    case Expect::kBool:
      return "a boolean";
  }
  return "?";
}

std::string WrongType(std::string_view key, simdjson::dom::element value,
                      std::string_view expected) {
  const auto type = value.type();
  // Scalars are shown so the user can find the record; "is a string "123"" reads naturally.
  if (type == simdjson::dom::element_type::STRING || type == simdjson::dom::element_type::DOUBLE) {
    return fmt::format("\"{}\" is {} ({}), expected {}", key, JsonTypeName(type),
                       ValueExcerpt(value), expected);
  }
  return fmt::format("\"{}\" is {}, expected {}", key, JsonTypeName(type), expected);
}

std::string CheckString(std::string_view key, simdjson::dom::element value,
                        std::optional<std::string_view>& out) {
  std::string_view s;
  if (!value.get(s)) {
    out = s;
    return {};
  }
  if (value.is_null()) {
    out.reset();
    return {};
  }
  return WrongType(key, value, "a string");
}

std::string CheckBool(std::string_view key, simdjson::dom::element value,
                      std::optional<bool>& out) {
  bool b = false;
  if (!value.get(b)) {
    out = b;
    return {};
  }
  if (value.is_null()) {
    out.reset();
    return {};
  }
  return WrongType(key, value, "a boolean");
}

std::string CheckInteger(std::string_view key, simdjson::dom::element value,
                         std::optional<int64_t>& out) {
  using T = simdjson::dom::element_type;
  switch (value.type()) {
    case T::INT64:
      out = value.get_int64().value_unsafe();
      return {};
    case T::UINT64:
      // Only values above INT64_MAX are typed UINT64 by simdjson.
      return fmt::format("\"{}\" is out of range ({})", key, ValueExcerpt(value));
    case T::NULL_VALUE:
      out.reset();
      return {};
    default:
      return WrongType(key, value, "an integer");
  }
}

}  // namespace uw::spotify_export
