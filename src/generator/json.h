// A small ordered JSON document builder for the generator's low-volume outputs (API responses,
// library files, summary.json). Members keep insertion order, because real Spotify files have a
// fixed key order. Three layouts: compact, the Jackson pretty printer the Spotify Web API uses
// ("key" : value, arrays inline), and Python's json.dump(indent=N) with a chosen key separator
// (the account-data files use " : "). High-volume records are written by hand instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uw::generator {

enum class JsonLayout { kCompact, kJackson, kIndented };

class Json {
 public:
  Json() = default;  // null
  Json(std::nullptr_t) {}
  Json(bool b) : kind_(Kind::kBool), bool_(b) {}
  Json(int v) : kind_(Kind::kInt), int_(v) {}
  Json(int64_t v) : kind_(Kind::kInt), int_(v) {}
  Json(uint64_t v) : kind_(Kind::kInt), int_(static_cast<int64_t>(v)) {}
  Json(double v) : kind_(Kind::kDouble), double_(v) {}
  Json(std::string s) : kind_(Kind::kString), string_(std::move(s)) {}
  Json(std::string_view s) : kind_(Kind::kString), string_(s) {}
  Json(const char* s) : kind_(Kind::kString), string_(s) {}

  static Json Object() { return Json(Kind::kObject); }
  static Json Array() { return Json(Kind::kArray); }

  // Appends a member (objects) or an element (arrays); returns *this for chaining.
  Json& Set(std::string key, Json value);
  Json& Push(Json value);
  size_t size() const { return kind_ == Kind::kObject ? members_.size() : items_.size(); }

  // indent and separator only matter for kIndented (separator between key and value, ": ").
  std::string Dump(JsonLayout layout, int indent = 2, std::string_view separator = ": ") const;

 private:
  enum class Kind { kNull, kBool, kInt, kDouble, kString, kArray, kObject };
  explicit Json(Kind kind) : kind_(kind) {}
  void DumpCompact(std::string& out) const;
  void DumpJackson(std::string& out, int level) const;
  void DumpIndented(std::string& out, int level, int indent, std::string_view separator) const;
  void DumpScalar(std::string& out) const;

  Kind kind_ = Kind::kNull;
  bool bool_ = false;
  int64_t int_ = 0;
  double double_ = 0;
  std::string string_;
  std::vector<Json> items_;
  std::vector<std::pair<std::string, Json>> members_;
};

}  // namespace uw::generator
