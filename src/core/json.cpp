#include "core/json.h"

#include <fmt/format.h>

#include "core/text.h"

namespace uw::core {

Json Json::Count(int64_t v) {
  Json json(Kind::kCount);
  json.int_ = v;
  return json;
}

Json Json::Strings(const std::vector<std::string>& values) {
  Json array = Array();
  for (const auto& v : values) array.Push(v);
  return array;
}

Json& Json::Set(std::string key, Json value) {
  members_.emplace_back(std::move(key), std::move(value));
  return *this;
}

Json& Json::Push(Json value) {
  items_.push_back(std::move(value));
  return *this;
}

std::string Json::Dump(const JsonFormat& format) const {
  std::string out;
  switch (format.layout) {
    case JsonLayout::kCompact:
      DumpCompact(out, format);
      break;
    case JsonLayout::kJackson:
      DumpJackson(out, format, 0);
      break;
    case JsonLayout::kIndented:
      DumpIndented(out, format, 0);
      break;
  }
  return out;
}

void Json::DumpScalar(std::string& out, const JsonFormat& format) const {
  switch (kind_) {
    case Kind::kNull:
      out += "null";
      break;
    case Kind::kBool:
      out += int_ ? "true" : "false";
      break;
    case Kind::kInt:
      fmt::format_to(std::back_inserter(out), "{}", int_);
      break;
    case Kind::kCount:
      if (format.counts_as_java_doubles) {
        out += JavaDouble(int_);
      } else {
        fmt::format_to(std::back_inserter(out), "{}", int_);
      }
      break;
    case Kind::kDouble:
      fmt::format_to(std::back_inserter(out), "{}", double_);
      break;
    case Kind::kString:
      core::AppendJsonString(out, string_);
      break;
    default:
      break;
  }
}

void Json::DumpCompact(std::string& out, const JsonFormat& format) const {
  if (kind_ == Kind::kArray) {
    out += '[';
    for (size_t i = 0; i < items_.size(); ++i) {
      if (i) out += ',';
      items_[i].DumpCompact(out, format);
    }
    out += ']';
  } else if (kind_ == Kind::kObject) {
    out += '{';
    for (size_t i = 0; i < members_.size(); ++i) {
      if (i) out += ',';
      core::AppendJsonString(out, members_[i].first);
      out += ':';
      members_[i].second.DumpCompact(out, format);
    }
    out += '}';
  } else {
    DumpScalar(out, format);
  }
}

// Jackson's DefaultPrettyPrinter: objects break lines and indent by two, arrays stay on the
// line ("[ {", "}, {", "} ]"), empty containers are "[ ]" and "{ }".
void Json::DumpJackson(std::string& out, const JsonFormat& format, int level) const {
  if (kind_ == Kind::kArray) {
    if (items_.empty()) {
      out += "[ ]";
      return;
    }
    out += "[ ";
    for (size_t i = 0; i < items_.size(); ++i) {
      if (i) out += ", ";
      items_[i].DumpJackson(out, format, level);
    }
    out += " ]";
  } else if (kind_ == Kind::kObject) {
    if (members_.empty()) {
      out += "{ }";
      return;
    }
    out += '{';
    for (size_t i = 0; i < members_.size(); ++i) {
      if (i) out += ',';
      out += '\n';
      out.append(2 * (level + 1), ' ');
      core::AppendJsonString(out, members_[i].first);
      out += " : ";
      members_[i].second.DumpJackson(out, format, level + 1);
    }
    out += '\n';
    out.append(2 * level, ' ');
    out += '}';
  } else {
    DumpScalar(out, format);
  }
}

// Python's json.dump(indent=N, separators=(",", separator)).
void Json::DumpIndented(std::string& out, const JsonFormat& format, int level) const {
  const int indent = format.indent;
  const bool array = kind_ == Kind::kArray;
  if (!array && kind_ != Kind::kObject) return DumpScalar(out, format);
  const size_t n = array ? items_.size() : members_.size();
  if (n == 0) {
    out += array ? "[]" : "{}";
    return;
  }
  out += array ? '[' : '{';
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ',';
    out += '\n';
    out.append(static_cast<size_t>(indent * (level + 1)), ' ');
    if (array) {
      items_[i].DumpIndented(out, format, level + 1);
    } else {
      core::AppendJsonString(out, members_[i].first);
      out += format.separator;
      members_[i].second.DumpIndented(out, format, level + 1);
    }
  }
  out += '\n';
  out.append(static_cast<size_t>(indent * level), ' ');
  out += array ? ']' : '}';
}

std::string JavaDouble(int64_t v) {
  std::string sign = v < 0 ? "-" : "";
  // Magnitude as unsigned so INT64_MIN does not overflow.
  uint64_t magnitude = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  if (magnitude < 10'000'000) return sign + std::to_string(magnitude) + ".0";
  // Java switches to computerized scientific notation from 10^7 on.
  std::string digits = std::to_string(magnitude);
  const size_t exponent = digits.size() - 1;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string fraction = digits.size() > 1 ? digits.substr(1) : "0";
  return fmt::format("{}{}.{}E{}", sign, digits[0], fraction, exponent);
}

}  // namespace uw::core
