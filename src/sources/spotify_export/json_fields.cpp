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

std::string StringProblem(std::string_view key, simdjson::dom::element value) {
  return WrongType(key, value, "a string");
}

std::string BoolProblem(std::string_view key, simdjson::dom::element value) {
  return WrongType(key, value, "a boolean");
}

std::string IntegerProblem(std::string_view key, simdjson::dom::element value) {
  // Only values above INT64_MAX are typed UINT64 by simdjson.
  if (value.type() == simdjson::dom::element_type::UINT64) {
    return fmt::format("\"{}\" is out of range ({})", key, ValueExcerpt(value));
  }
  return WrongType(key, value, "an integer");
}

std::string CheckString(std::string_view key, simdjson::dom::element value,
                        std::optional<std::string_view>& out) {
  return ReadString(value, out) ? std::string() : StringProblem(key, value);
}

std::string CheckInteger(std::string_view key, simdjson::dom::element value,
                         std::optional<int64_t>& out) {
  return ReadInteger(value, out) ? std::string() : IntegerProblem(key, value);
}

std::string NonNegativeIntegerProblem(std::string_view key, simdjson::dom::element value) {
  using T = simdjson::dom::element_type;
  if (value.type() == T::NULL_VALUE) return fmt::format("\"{}\" is null, expected an integer", key);
  if (value.type() != T::INT64) return IntegerProblem(key, value);
  return fmt::format("\"{}\" is negative ({})", key, value.get_int64().value_unsafe());
}

}  // namespace uw::spotify_export
