#include "report/svg_parts.h"

#include <fmt/format.h>

#include <cmath>

#include "report/html_text.h"

namespace uw::report {

std::string FormatValue(double value, Unit unit) {
  switch (unit) {
    case Unit::kCount:
      return FormatCount(std::llround(value));
    case Unit::kDuration:
      return FormatDuration(std::llround(value));
    case Unit::kShare:
      return FormatPercent(value);
    case Unit::kScore:
      return fmt::format("{:.2f}", value);
  }
  return "";
}

namespace svg {
namespace {

// The display unit of a duration scale: minutes for short scales, else hours.
double DurationDivisor(double max_ms) { return max_ms < 2 * 3600000.0 ? 60000.0 : 3600000.0; }

// 1, 2, 2.5 or 5 × 10^k, the smallest not below `raw`.
double NiceStep(double raw) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * magnitude >= raw) return m * magnitude;
  }
  return 10 * magnitude;
}

}  // namespace

Scale NiceScale(double max_value, Unit unit) {
  Scale s;
  if (unit == Unit::kShare || unit == Unit::kScore) {
    // Shares and scores read best against their whole range unless they are all small.
    if (max_value > 0.5 || max_value <= 0) {
      for (int i = 0; i <= 4; ++i) s.ticks.push_back(0.25 * i);
      return s;
    }
    const double step = NiceStep(max_value / 4);
    s.max = std::ceil(max_value / step - 1e-9) * step;
    for (double t = 0; t <= s.max + step / 2; t += step) s.ticks.push_back(t);
    return s;
  }
  const double divisor = unit == Unit::kDuration ? DurationDivisor(max_value) : 1.0;
  const double max_display = std::max(max_value / divisor, 1.0);
  // Counts step in whole numbers.
  const double step = std::max(NiceStep(max_display / 4), unit == Unit::kCount ? 1.0 : 0.0);
  const double top = std::ceil(max_display / step) * step;
  for (double t = 0; t <= top + step / 2; t += step) s.ticks.push_back(t * divisor);
  s.max = top * divisor;
  return s;
}

std::string TickLabel(double value, const Scale& scale, Unit unit) {
  switch (unit) {
    case Unit::kDuration:
      return FormatDurationTick(value, scale.max);
    case Unit::kShare: {
      const double pct = value * 100;
      return std::fabs(pct - std::round(pct)) < 1e-6 ? fmt::format("{:.0f}%", pct)
                                                     : fmt::format("{:.1f}%", pct);
    }
    case Unit::kScore:
      return fmt::format("{:.2g}", value);
    case Unit::kCount:
      return FormatCount(std::llround(value));
  }
  return "";
}

std::string Num(double v) {
  std::string s = fmt::format("{:.1f}", v);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

std::string OpenSvg(const ChartText& text, double width, double height) {
  const std::string label =
      text.description.empty() ? text.title : text.title + ". " + text.description;
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" role=\"img\" aria-label=\"{2}\"><title>{3}</title>",
      Num(width), Num(height), Escape(label), Escape(text.title));
}

std::string YAxis(const Scale& scale, Unit unit, double x0, double x1, double y_bottom,
                  double y_top) {
  std::string out = "<g class=\"axis\">";
  for (double tick : scale.ticks) {
    const double y = y_bottom - (y_bottom - y_top) * tick / scale.max;
    out += fmt::format("<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>", Num(x0),
                       Num(x1), Num(y), Num(y));
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                       Num(x0 - 6), Num(y + 4), Escape(TickLabel(tick, scale, unit)));
  }
  return out + "</g>";
}

bool ShowLabel(size_t index, size_t count, size_t max_labels) {
  if (count <= max_labels) return true;
  const size_t every = (count + max_labels - 1) / max_labels;
  return index % every == 0;
}

std::string DataTable(const std::vector<std::string>& headers,
                      const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<table><thead><tr>";
  for (const auto& h : headers) out += "<th scope=\"col\">" + Escape(h) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& row : rows) {
    out += "<tr>";
    for (size_t c = 0; c < row.size(); ++c) {
      out += c == 0 ? "<th scope=\"row\">" + Escape(row[c]) + "</th>"
                    : "<td>" + Escape(row[c]) + "</td>";
    }
    out += "</tr>";
  }
  return out + "</tbody></table>";
}

std::string Figure(const ChartText& text, const std::string& svg, const std::string& table,
                   const std::string& legend) {
  return fmt::format(
      "<figure class=\"chart\" id=\"{}\"><figcaption>{}</figcaption>{}{}"
      "<details><summary>The numbers</summary>{}</details></figure>\n",
      Escape(text.id), Escape(text.title), legend, svg, table);
}

std::string SeriesClass(size_t index, const std::string& name) {
  return name == "Other" ? "s-other" : fmt::format("s{}", index % 8);
}

std::string Legend(const std::vector<std::string>& series) {
  std::string out = "<ul class=\"legend\">";
  for (size_t i = 0; i < series.size(); ++i) {
    out += fmt::format("<li><span class=\"swatch {}\"></span>{}</li>", SeriesClass(i, series[i]),
                       Escape(series[i]));
  }
  return out + "</ul>";
}

}  // namespace svg
}  // namespace uw::report
