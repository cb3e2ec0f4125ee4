// Internal to the charts: the pieces every chart shares (scales, axes, the figure around the
// <svg>, the data table), so each chart function only places its marks.
#pragma once

#include <string>
#include <vector>

#include "report/svg_charts.h"

namespace uw::report::svg {

inline constexpr double kWidth = 880;  // viewBox width of every chart; CSS scales it down

// A y (or x) scale from 0 to `max` with "nice" ticks in the unit's display units.
struct Scale {
  double max = 1;
  std::vector<double> ticks;
};
Scale NiceScale(double max_value, Unit unit);
// A tick label for `value` on `scale`.
std::string TickLabel(double value, const Scale& scale, Unit unit);

// A coordinate with at most one decimal ("12.5").
std::string Num(double v);

// <svg …> with role, aria-label and <title>; close with "</svg>".
std::string OpenSvg(const ChartText& text, double width, double height);
// Horizontal grid lines and labels of `scale` between x0 and x1; y(v) maps values to pixels.
std::string YAxis(const Scale& scale, Unit unit, double x0, double x1, double y_bottom,
                  double y_top);
// Which of `count` category labels to print so that at most `max_labels` show, evenly.
bool ShowLabel(size_t index, size_t count, size_t max_labels);

// A <table> of already formatted cells (escaped here); the first cell of each row is its header.
std::string DataTable(const std::vector<std::string>& headers,
                      const std::vector<std::vector<std::string>>& rows);
// The figure: optional legend, the svg, the caption, and the table in <details>.
std::string Figure(const ChartText& text, const std::string& svg, const std::string& table,
                   const std::string& legend = "");
// A legend for series (colour classes s0…, "Other" grey) as an HTML list.
std::string Legend(const std::vector<std::string>& series);
// The colour class of series `index` named `name`.
std::string SeriesClass(size_t index, const std::string& name);

}  // namespace uw::report::svg
