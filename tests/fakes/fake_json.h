// The fake's small ordered JSON writer. Members keep insertion order (real Spotify bodies have a
// fixed key order). Integers made with Json::Count are the fields the Jan–Mar 2024 Spotify bug
// rendered as floats (formats.md §3.2); Dump(true) reproduces that: 204053.0, 4.9022656E7.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uw::fakes {

class Json {
 public:
  Json() = default;  // null
  Json(std::nullptr_t) {}
  Json(bool b) : kind_(Kind::kBool), int_(b ? 1 : 0) {}
  Json(int v) : kind_(Kind::kInt), int_(v) {}
  Json(int64_t v) : kind_(Kind::kInt), int_(v) {}
  Json(uint64_t v) : kind_(Kind::kInt), int_(static_cast<int64_t>(v)) {}
  Json(std::string s) : kind_(Kind::kString), string_(std::move(s)) {}
  Json(std::string_view s) : kind_(Kind::kString), string_(s) {}
  Json(const char* s) : kind_(Kind::kString), string_(s) {}

  static Json Object() { return Json(Kind::kObject); }
  static Json Array() { return Json(Kind::kArray); }
  // An integer field affected by the float quirk (duration_ms, popularity, totals, image sizes).
  static Json Count(int64_t v);
  static Json Strings(const std::vector<std::string>& values);  // ["a","b"]

  // Appends a member (objects) or an element (arrays); returns *this for chaining.
  Json& Set(std::string key, Json value);
  Json& Push(Json value);
  bool is_null() const { return kind_ == Kind::kNull; }

  // Compact JSON; with floats_for_ints, Count values are written as Java doubles.
  std::string Dump(bool floats_for_ints = false) const;

 private:
  enum class Kind { kNull, kBool, kInt, kCount, kString, kArray, kObject };
  explicit Json(Kind kind) : kind_(kind) {}
  void DumpTo(std::string& out, bool floats_for_ints) const;

  Kind kind_ = Kind::kNull;
  int64_t int_ = 0;
  std::string string_;
  std::vector<Json> items_;
  std::vector<std::pair<std::string, Json>> members_;
};

// How Java's Double.toString writes an integral value: "204053.0", "1.0E7", "4.9022656E7".
std::string JavaDouble(int64_t v);

// {"error":{"status":S,"message":M}} (message omitted when empty), the Web API error shape.
std::string ApiErrorBody(int status, std::string_view message, std::string_view reason = "");

}  // namespace uw::fakes
