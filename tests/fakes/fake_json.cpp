#include "fakes/fake_json.h"

#include <fmt/format.h>

#include "core/text.h"

namespace uw::fakes {

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

std::string Json::Dump(bool floats_for_ints) const {
  std::string out;
  DumpTo(out, floats_for_ints);
  return out;
}

void Json::DumpTo(std::string& out, bool floats_for_ints) const {
  switch (kind_) {
    case Kind::kNull:
      out += "null";
      return;
    case Kind::kBool:
      out += int_ ? "true" : "false";
      return;
    case Kind::kInt:
      out += std::to_string(int_);
      return;
    case Kind::kCount:
      out += floats_for_ints ? JavaDouble(int_) : std::to_string(int_);
      return;
    case Kind::kString:
      core::AppendJsonString(out, string_);
      return;
    case Kind::kArray:
      out += '[';
      for (size_t i = 0; i < items_.size(); ++i) {
        if (i) out += ',';
        items_[i].DumpTo(out, floats_for_ints);
      }
      out += ']';
      return;
    case Kind::kObject:
      out += '{';
      for (size_t i = 0; i < members_.size(); ++i) {
        if (i) out += ',';
        core::AppendJsonString(out, members_[i].first);
        out += ':';
        members_[i].second.DumpTo(out, floats_for_ints);
      }
      out += '}';
      return;
  }
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

std::string ApiErrorBody(int status, std::string_view message, std::string_view reason) {
  Json error = Json::Object();
  error.Set("status", status);
  if (!message.empty()) error.Set("message", message);
  if (!reason.empty()) error.Set("reason", reason);
  return Json::Object().Set("error", std::move(error)).Dump();
}

}  // namespace uw::fakes
