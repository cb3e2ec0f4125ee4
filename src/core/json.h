// A small ordered JSON document builder for low-volume outputs: the generator's API responses,
// library files and summary, and the loopback fakes' response bodies. Members keep insertion
// order, because real Spotify files have a fixed key order. Three layouts: compact, the Jackson
// pretty printer the Spotify Web API uses ("key" : value, arrays inline), and Python's
// json.dump(indent=N) with a chosen key separator (the account-data files use " : ").
// High-volume records (export rows, state files) are written by hand instead: a tree of values
// per record costs allocations the hot paths cannot afford.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uw::core {

enum class JsonLayout { kCompact, kJackson, kIndented };

struct JsonFormat {
  JsonLayout layout = JsonLayout::kCompact;
  int indent = 2;                     // kIndented: spaces per level
  std::string_view separator = ": ";  // kIndented: between a key and its value
  // Count values written as Java doubles ("204053.0", "4.9022656E7"): how the Web API rendered
  // some integer fields from January to March 2024 (formats.md §3.2).
  bool counts_as_java_doubles = false;
};

class Json {
 public:
  Json() = default;  // null
  Json(std::nullptr_t) {}
  Json(bool b) : kind_(Kind::kBool), int_(b ? 1 : 0) {}
  Json(int v) : kind_(Kind::kInt), int_(v) {}
  Json(int64_t v) : kind_(Kind::kInt), int_(v) {}
  Json(uint64_t v) : kind_(Kind::kInt), int_(static_cast<int64_t>(v)) {}
  Json(double v) : kind_(Kind::kDouble), double_(v) {}
  Json(std::string s) : kind_(Kind::kString), string_(std::move(s)) {}
  Json(std::string_view s) : kind_(Kind::kString), string_(s) {}
  Json(const char* s) : kind_(Kind::kString), string_(s) {}

  static Json Object() { return Json(Kind::kObject); }
  static Json Array() { return Json(Kind::kArray); }
  // An integer field of the kind the 2024 float quirk affected (durations, popularity, totals,
  // image sizes): written as an integer unless the format asks for Java doubles.
  static Json Count(int64_t v);
  static Json Strings(const std::vector<std::string>& values);  // ["a","b"]

  // Appends a member (objects) or an element (arrays); returns *this for chaining.
  Json& Set(std::string key, Json value);
  Json& Push(Json value);
  size_t size() const { return kind_ == Kind::kObject ? members_.size() : items_.size(); }
  bool is_null() const { return kind_ == Kind::kNull; }

  std::string Dump(const JsonFormat& format = {}) const;
  std::string Dump(JsonLayout layout, int indent = 2, std::string_view separator = ": ") const {
    return Dump(JsonFormat{layout, indent, separator});
  }

 private:
  enum class Kind { kNull, kBool, kInt, kCount, kDouble, kString, kArray, kObject };
  explicit Json(Kind kind) : kind_(kind) {}
  void DumpScalar(std::string& out, const JsonFormat& format) const;
  void DumpCompact(std::string& out, const JsonFormat& format) const;
  void DumpJackson(std::string& out, const JsonFormat& format, int level) const;
  void DumpIndented(std::string& out, const JsonFormat& format, int level) const;

  Kind kind_ = Kind::kNull;
  int64_t int_ = 0;  // kBool, kInt, kCount
  double double_ = 0;
  std::string string_;
  std::vector<Json> items_;
  std::vector<std::pair<std::string, Json>> members_;
};

// How Java's Double.toString writes an integral value: "204053.0", "1.0E7", "4.9022656E7".
std::string JavaDouble(int64_t v);

}  // namespace uw::core
