#include <fmt/format.h>

#include "report/html_text.h"
#include "report/sections.h"

namespace uw::report::sections {

std::string Takeaway(const std::string& html) { return "<p class=\"takeaway\">" + html + "</p>\n"; }

std::string Note(const std::string& html) { return "<p class=\"note\">" + html + "</p>\n"; }

std::string Cards(const std::vector<std::pair<std::string, std::string>>& cards) {
  std::string out = "<dl class=\"cards\">";
  for (const auto& [label, value] : cards) {
    out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", Escape(label), Escape(value));
  }
  return out + "</dl>\n";
}

std::string DayName(int dow, bool short_name) {
  static constexpr const char* kNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
  const std::string name = kNames[(dow - 1) % 7];
  return short_name ? name.substr(0, 3) : name;
}

}  // namespace uw::report::sections
