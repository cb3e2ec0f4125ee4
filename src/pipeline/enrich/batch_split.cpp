#include "pipeline/enrich/batch_split.h"

#include <simdjson.h>

namespace uw::enrich {
namespace {

// The "id" of one raw object, checked by a full parse (on-demand parsing skips over the parts
// it is not asked for, so this is also where a malformed entry is caught).
std::optional<std::string> IdOf(std::string_view raw, simdjson::dom::parser& parser) {
  simdjson::dom::element root;
  std::string_view id;
  if (parser.parse(raw.data(), raw.size()).get(root) || root["id"].get(id) || id.empty()) {
    return std::nullopt;
  }
  return std::string(id);
}

std::string_view TrimWhitespace(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

std::optional<std::vector<BatchEntry>> SplitBatch(ObjectKind kind, std::string_view body) {
  const simdjson::padded_string padded(body);
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  simdjson::ondemand::object root;
  simdjson::ondemand::array items;
  if (parser.iterate(padded).get(doc) || doc.get_object().get(root) ||
      root.find_field_unordered(KindName(kind)).get_array().get(items)) {
    return std::nullopt;
  }
  simdjson::dom::parser entry_parser;
  std::vector<BatchEntry> out;
  for (auto element : items) {
    simdjson::ondemand::value value;
    simdjson::ondemand::json_type type;
    if (element.get(value) || value.type().get(type)) return std::nullopt;
    if (type == simdjson::ondemand::json_type::null) {
      if (!value.is_null()) return std::nullopt;
      continue;
    }
    simdjson::ondemand::object object;
    std::string_view raw;
    if (type != simdjson::ondemand::json_type::object || value.get_object().get(object) ||
        object.raw_json().get(raw)) {
      return std::nullopt;
    }
    raw = TrimWhitespace(raw);
    std::optional<std::string> id = IdOf(raw, entry_parser);
    if (!id) return std::nullopt;
    out.push_back({std::move(*id), std::string(raw)});
  }
  return out;
}

}  // namespace uw::enrich
