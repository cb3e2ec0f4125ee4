// Charts: accessible markup, one mark per value, escaping, and the number formats.
#include "report/svg_charts.h"

#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "report/html_text.h"

namespace uw::report {
namespace {

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(SvgCharts, BarsAreAccessibleAndCarryTheirData) {
  const std::string fig =
      VerticalBars({"fig-x", "Minutes per year", "Vertical bars"},
                   {{"2023", "", 3.6e6}, {"2024", "", 7.2e6}, {"2025", "", 0}}, Unit::kDuration);
  EXPECT_NE(fig.find("<figure class=\"chart\" id=\"fig-x\">"), std::string::npos);
  EXPECT_NE(fig.find("role=\"img\""), std::string::npos);
  EXPECT_NE(fig.find("aria-label=\"Minutes per year. Vertical bars\""), std::string::npos);
  EXPECT_NE(fig.find("<title>Minutes per year</title>"), std::string::npos);
  EXPECT_EQ(Count(fig, "<rect class=\"bar"), 2u);  // the zero bar draws nothing
  EXPECT_NE(fig.find("<th scope=\"row\">2024</th><td>2 h</td>"), std::string::npos);
}

TEST(SvgCharts, HorizontalBarsEscapeLabelsAndKeepOrder) {
  const std::string fig =
      HorizontalBars({"f", "Top", ""}, {{"<b>&", "by x", 5}, {"second", "", 2}}, Unit::kCount);
  EXPECT_EQ(fig.find("<b>"), std::string::npos);
  EXPECT_NE(fig.find("&lt;b&gt;&amp;"), std::string::npos);
  EXPECT_LT(fig.find("&lt;b&gt;&amp;"), fig.find("second"));
  EXPECT_EQ(Count(fig, "<rect class=\"bar"), 2u);
  // Bar widths are proportional: 5 is 2.5 times 2.
  std::smatch m;
  const std::string s = fig;
  std::regex width("<rect class=\"bar s0\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");
  std::vector<double> widths;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), width); it != std::sregex_iterator();
       ++it) {
    widths.push_back(std::stod((*it)[1]));
  }
  ASSERT_EQ(widths.size(), 2u);
  EXPECT_NEAR(widths[0] / widths[1], 2.5, 0.02);
}

TEST(SvgCharts, StackedBarsDrawOneRectPerNonZeroValueAndALegend) {
  SeriesSet data{{"2023", "2024"}, {"jazz", "Other"}, {{0.5, 0.0}, {0.5, 1.0}}};
  const std::string fig = StackedBars({"f", "Taste", ""}, data, Unit::kShare);
  EXPECT_EQ(Count(fig, "<rect class=\"s0\""), 1u);
  EXPECT_EQ(Count(fig, "<rect class=\"s-other\""), 2u);
  EXPECT_NE(fig.find("<ul class=\"legend\">"), std::string::npos);
  EXPECT_NE(fig.find("<td>50.0%</td>"), std::string::npos);
}

TEST(SvgCharts, LineChartBreaksAtMissingValues) {
  SeriesSet data{{"0", "1", "2", "3"}, {"rate"}, {{0.1, std::nan(""), 0.3, 0.2}}};
  const std::string fig = LineChart({"f", "Skips", ""}, data, Unit::kShare);
  EXPECT_EQ(Count(fig, "<circle"), 3u);
  const size_t d = fig.find(" d=\"");
  const std::string path = fig.substr(d, fig.find('"', d + 4) - d);
  EXPECT_EQ(Count(path, "M"), 2u);  // a new segment after the gap
  EXPECT_NE(fig.find("<td>–</td>"), std::string::npos);
}

TEST(SvgCharts, HeatmapHasACellPerValue) {
  std::vector<std::vector<double>> values(7, std::vector<double>(24, 0));
  values[2][5] = 60000;
  std::vector<std::string> rows = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}, cols;
  for (int h = 0; h < 24; ++h) cols.push_back(std::to_string(h));
  const std::string fig = Heatmap({"f", "Heat", ""}, rows, cols, values, Unit::kDuration);
  EXPECT_EQ(Count(fig, "<rect class=\"cell\""), 168u);
  EXPECT_NE(fig.find("<title>Wed 5: 1 min</title>"), std::string::npos);
}

TEST(HtmlText, NumberFormats) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
  EXPECT_EQ(FormatCount(-1000), "-1,000");
  EXPECT_EQ(FormatDuration(0), "0 min");
  EXPECT_EQ(FormatDuration(20000), "<1 min");
  EXPECT_EQ(FormatDuration(42 * 60000), "42 min");
  EXPECT_EQ(FormatDuration((3 * 60 + 25) * 60000LL), "3 h 25 min");
  EXPECT_EQ(FormatDuration(1234LL * 3600000), "1,234 h");
  EXPECT_EQ(FormatPercent(0.1234), "12.3%");
  EXPECT_EQ(FormatPercent(0.1234, true), "12%");
  EXPECT_EQ(FormatDay(0), "1 Jan 1970");
}

TEST(HtmlText, EscapeAndTruncate) {
  EXPECT_EQ(Escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
  EXPECT_EQ(Escape("bad\xff"), "bad\xEF\xBF\xBD");
  EXPECT_EQ(Escape("Beyoncé"), "Beyoncé");
  EXPECT_EQ(Truncate("short", 10), "short");
  EXPECT_EQ(Truncate("abcdefghij", 5), "abcd…");
  EXPECT_EQ(Truncate("ééééé", 3), "éé…");  // never cuts inside a character
}

}  // namespace
}  // namespace uw::report
