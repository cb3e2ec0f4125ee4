#include "generator/json.h"

#include <fmt/format.h>

#include "core/text.h"

namespace uw::generator {

Json& Json::Set(std::string key, Json value) {
  members_.emplace_back(std::move(key), std::move(value));
  return *this;
}

Json& Json::Push(Json value) {
  items_.push_back(std::move(value));
  return *this;
}

std::string Json::Dump(JsonLayout layout, int indent, std::string_view separator) const {
  std::string out;
  switch (layout) {
    case JsonLayout::kCompact:
      DumpCompact(out);
      break;
    case JsonLayout::kJackson:
      DumpJackson(out, 0);
      break;
    case JsonLayout::kIndented:
      DumpIndented(out, 0, indent, separator);
      break;
  }
  return out;
}

void Json::DumpScalar(std::string& out) const {
  switch (kind_) {
    case Kind::kNull:
      out += "null";
      break;
    case Kind::kBool:
      out += bool_ ? "true" : "false";
      break;
    case Kind::kInt:
      fmt::format_to(std::back_inserter(out), "{}", int_);
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

void Json::DumpCompact(std::string& out) const {
  if (kind_ == Kind::kArray) {
    out += '[';
    for (size_t i = 0; i < items_.size(); ++i) {
      if (i) out += ',';
      items_[i].DumpCompact(out);
    }
    out += ']';
  } else if (kind_ == Kind::kObject) {
    out += '{';
    for (size_t i = 0; i < members_.size(); ++i) {
      if (i) out += ',';
      core::AppendJsonString(out, members_[i].first);
      out += ':';
      members_[i].second.DumpCompact(out);
    }
    out += '}';
  } else {
    DumpScalar(out);
  }
}

// Jackson's DefaultPrettyPrinter: objects break lines and indent by two, arrays stay on the
// line ("[ {", "}, {", "} ]"), empty containers are "[ ]" and "{ }".
void Json::DumpJackson(std::string& out, int level) const {
  if (kind_ == Kind::kArray) {
    if (items_.empty()) {
      out += "[ ]";
      return;
    }
    out += "[ ";
    for (size_t i = 0; i < items_.size(); ++i) {
      if (i) out += ", ";
      items_[i].DumpJackson(out, level);
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
      members_[i].second.DumpJackson(out, level + 1);
    }
    out += '\n';
    out.append(2 * level, ' ');
    out += '}';
  } else {
    DumpScalar(out);
  }
}

// Python's json.dump(indent=N, separators=(",", separator)).
void Json::DumpIndented(std::string& out, int level, int indent, std::string_view separator) const {
  const bool array = kind_ == Kind::kArray;
  if (!array && kind_ != Kind::kObject) return DumpScalar(out);
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
      items_[i].DumpIndented(out, level + 1, indent, separator);
    } else {
      core::AppendJsonString(out, members_[i].first);
      out += separator;
      members_[i].second.DumpIndented(out, level + 1, indent, separator);
    }
  }
  out += '\n';
  out.append(static_cast<size_t>(indent * level), ' ');
  out += array ? ']' : '}';
}

}  // namespace uw::generator
