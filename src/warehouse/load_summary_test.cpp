// The load summary's JSON stays JSON whatever the text in it: a warehouse address or a table note
// with quotes, backslashes or control characters.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "warehouse/loader.h"

namespace uw::warehouse {
namespace {

TEST(LoadSummary, JsonEscapesEveryString) {
  LoadReport report;
  report.warehouse = "sqlite:/tmp/a \"b\"\\c.db";
  report.tables.push_back({"core.fact_tracks_history", 3, 0, 0, 0, "line one\nline two\t\x01"});
  const std::string json = LoadReportToJson(report);
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_FALSE(parser.parse(json).get(root)) << json;
  EXPECT_EQ(std::string_view(root["warehouse"]), report.warehouse);
  std::string_view note;
  for (simdjson::dom::element table : simdjson::dom::array(root["tables"])) {
    ASSERT_FALSE(table["note"].get(note));
  }
  EXPECT_EQ(note, report.tables[0].note);
}

}  // namespace
}  // namespace uw::warehouse
