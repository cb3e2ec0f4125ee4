#include "report/svg_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/html_text.h"
#include "report/svg_parts.h"

namespace uw::report {

using svg::Num;

namespace {

constexpr double kLeft = 64, kRight = 12, kTop = 14, kBottom = 34;  // plot margins

std::string BarTitle(const Bar& bar, Unit unit) {
  std::string t = bar.label + (bar.detail.empty() ? "" : " — " + bar.detail) + ": " +
                  FormatValue(bar.value, unit);
  return bar.note.empty() ? t : t + " (" + bar.note + ")";
}

std::string BarTable(const std::vector<Bar>& bars, Unit unit) {
  const bool details =
      std::any_of(bars.begin(), bars.end(), [](const Bar& b) { return !b.detail.empty(); });
  const bool notes =
      std::any_of(bars.begin(), bars.end(), [](const Bar& b) { return !b.note.empty(); });
  std::vector<std::vector<std::string>> rows;
  for (const Bar& b : bars) {
    std::vector<std::string> row = {b.label};
    if (details) row.push_back(b.detail);
    row.push_back(FormatValue(b.value, unit));
    if (notes) row.push_back(b.note);
    rows.push_back(std::move(row));
  }
  std::vector<std::string> headers = {""};
  if (details) headers.push_back("by");
  headers.push_back("value");
  if (notes) headers.push_back("");
  return svg::DataTable(headers, rows);
}

double MaxOf(const std::vector<Bar>& bars) {
  double max = 0;
  for (const Bar& b : bars) max = std::max(max, b.value);
  return max;
}

}  // namespace

std::string VerticalBars(const ChartText& text, const std::vector<Bar>& bars, Unit unit) {
  const double height = 240, bottom = height - kBottom, plot_w = svg::kWidth - kLeft - kRight;
  const svg::Scale scale = svg::NiceScale(MaxOf(bars), unit);
  std::string out = svg::OpenSvg(text, svg::kWidth, height);
  out += svg::YAxis(scale, unit, kLeft, svg::kWidth - kRight, bottom, kTop);
  const double slot = plot_w / double(std::max<size_t>(bars.size(), 1));
  const double width = std::max(1.0, slot * (bars.size() > 40 ? 0.9 : 0.72));
  out += "<g class=\"marks\">";
  for (size_t i = 0; i < bars.size(); ++i) {
    const double h = std::max(0.0, (bottom - kTop) * bars[i].value / scale.max);
    const double x = kLeft + slot * double(i) + (slot - width) / 2;
    if (bars[i].value > 0) {
      out += fmt::format(
          "<rect class=\"bar {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
          "rx=\"{}\"><title>{}</title></rect>",
          bars[i].highlight ? "s1" : "s0", Num(x), Num(bottom - std::max(h, 0.5)), Num(width),
          Num(std::max(h, 0.5)), width > 6 ? "2" : "0", Escape(BarTitle(bars[i], unit)));
    }
    if (svg::ShowLabel(i, bars.size(), 14)) {
      out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                         Num(x + width / 2), Num(bottom + 16), Escape(Truncate(bars[i].label, 12)));
    }
  }
  out += "</g><line class=\"baseline\" x1=\"" + Num(kLeft) + "\" x2=\"" +
         Num(svg::kWidth - kRight) + "\" y1=\"" + Num(bottom) + "\" y2=\"" + Num(bottom) +
         "\"/></svg>";
  return svg::Figure(text, out, BarTable(bars, unit));
}

std::string HorizontalBars(const ChartText& text, const std::vector<Bar>& bars, Unit unit) {
  const bool details =
      std::any_of(bars.begin(), bars.end(), [](const Bar& b) { return !b.detail.empty(); });
  const double row = details ? 36 : 26, label_w = 230, value_w = 92;
  const double height = row * double(bars.size()) + 8;
  const double bar_max = svg::kWidth - label_w - value_w - 8;
  // Shares are drawn against the whole (100%), so a 20% skip rate does not look like all plays.
  const double max =
      unit == Unit::kShare ? std::max(MaxOf(bars), 1.0) : std::max(MaxOf(bars), 1e-9);
  std::string out = svg::OpenSvg(text, svg::kWidth, height);
  out += "<g class=\"marks\">";
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double y = 4 + row * double(i);
    const double w = std::max(1.0, bar_max * b.value / max);
    const double bar_h = 16, bar_y = y + (row - bar_h) / 2;
    out += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                       Num(label_w - 10), Num(details ? y + 15 : bar_y + 12.5),
                       Escape(Truncate(b.label, 34)));
    if (!b.detail.empty()) {
      out += fmt::format("<text class=\"sublabel\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                         Num(label_w - 10), Num(y + 29), Escape(Truncate(b.detail, 38)));
    }
    out += fmt::format(
        "<rect class=\"bar {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
        "rx=\"3\"><title>{}</title></rect>",
        b.highlight ? "s1" : "s0", Num(label_w), Num(bar_y), Num(w), Num(bar_h),
        Escape(BarTitle(b, unit)));
    out += fmt::format("<text class=\"value\" x=\"{}\" y=\"{}\">{}</text>", Num(label_w + w + 6),
                       Num(bar_y + 12.5), Escape(FormatValue(b.value, unit)));
  }
  out += "</g></svg>";
  return svg::Figure(text, out, BarTable(bars, unit));
}

namespace {

std::string SeriesTable(const SeriesSet& data, Unit unit) {
  std::vector<std::string> headers = {""};
  headers.insert(headers.end(), data.series.begin(), data.series.end());
  std::vector<std::vector<std::string>> rows;
  for (size_t x = 0; x < data.x.size(); ++x) {
    std::vector<std::string> row = {data.x[x]};
    for (const auto& values : data.values)
      row.push_back(std::isnan(values[x]) ? "–" : FormatValue(values[x], unit));
    rows.push_back(std::move(row));
  }
  return svg::DataTable(headers, rows);
}

std::string XLabels(const std::vector<std::string>& x, double x0, double slot, double y) {
  std::string out;
  for (size_t i = 0; i < x.size(); ++i) {
    if (!svg::ShowLabel(i, x.size(), 14)) continue;
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                       Num(x0 + slot * (double(i) + 0.5)), Num(y), Escape(Truncate(x[i], 12)));
  }
  return out;
}

}  // namespace

std::string StackedBars(const ChartText& text, const SeriesSet& data, Unit unit) {
  const double height = 260, bottom = height - kBottom, plot_w = svg::kWidth - kLeft - kRight;
  double max = 0;
  for (size_t x = 0; x < data.x.size(); ++x) {
    double sum = 0;
    for (const auto& values : data.values) sum += std::isnan(values[x]) ? 0 : values[x];
    max = std::max(max, sum);
  }
  const svg::Scale scale = svg::NiceScale(max, unit);
  std::string out = svg::OpenSvg(text, svg::kWidth, height);
  out += svg::YAxis(scale, unit, kLeft, svg::kWidth - kRight, bottom, kTop);
  const double slot = plot_w / double(std::max<size_t>(data.x.size(), 1));
  const double width = std::max(1.0, slot * (data.x.size() > 40 ? 0.9 : 0.7));
  out += "<g class=\"marks\">";
  for (size_t x = 0; x < data.x.size(); ++x) {
    double base = 0;
    for (size_t s = 0; s < data.series.size(); ++s) {
      const double v = std::isnan(data.values[s][x]) ? 0 : data.values[s][x];
      if (v <= 0) continue;
      const double y0 = bottom - (bottom - kTop) * base / scale.max;
      const double y1 = bottom - (bottom - kTop) * (base + v) / scale.max;
      out += fmt::format(
          "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" "
          "height=\"{}\"><title>{}</title></rect>",
          svg::SeriesClass(s, data.series[s]), Num(kLeft + slot * double(x) + (slot - width) / 2),
          Num(y1), Num(width), Num(std::max(y0 - y1, 0.3)),
          Escape(data.x[x] + " · " + data.series[s] + ": " + FormatValue(v, unit)));
      base += v;
    }
  }
  out += "</g>" + XLabels(data.x, kLeft, slot, bottom + 16) + "</svg>";
  return svg::Figure(text, out, SeriesTable(data, unit), svg::Legend(data.series));
}

std::string LineChart(const ChartText& text, const SeriesSet& data, Unit unit) {
  const double height = 240, bottom = height - kBottom, plot_w = svg::kWidth - kLeft - kRight;
  double max = 0;
  for (const auto& values : data.values) {
    for (double v : values) max = std::isnan(v) ? max : std::max(max, v);
  }
  const svg::Scale scale = svg::NiceScale(max, unit);
  std::string out = svg::OpenSvg(text, svg::kWidth, height);
  out += svg::YAxis(scale, unit, kLeft, svg::kWidth - kRight, bottom, kTop);
  const double slot = plot_w / double(std::max<size_t>(data.x.size(), 1));
  const auto px = [&](size_t x) { return kLeft + slot * (double(x) + 0.5); };
  const auto py = [&](double v) { return bottom - (bottom - kTop) * v / scale.max; };
  out += "<g class=\"marks\">";
  for (size_t s = 0; s < data.series.size(); ++s) {
    const std::string cls = svg::SeriesClass(s, data.series[s]);
    std::string path, dots;
    bool pen_down = false;
    for (size_t x = 0; x < data.x.size(); ++x) {
      const double v = data.values[s][x];
      if (std::isnan(v)) {
        pen_down = false;  // a gap, not a drop to zero
        continue;
      }
      path += fmt::format("{}{} {} ", pen_down ? "L" : "M", Num(px(x)), Num(py(v)));
      pen_down = true;
      dots += fmt::format(
          "<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"3.5\"><title>{}</title></circle>", cls,
          Num(px(x)), Num(py(v)),
          Escape(data.series[s] + " · " + data.x[x] + ": " + FormatValue(v, unit)));
    }
    if (!path.empty()) out += fmt::format("<path class=\"line {}\" d=\"{}\"/>", cls, path);
    out += dots;
  }
  out += "</g>" + XLabels(data.x, kLeft, slot, bottom + 16) + "</svg>";
  const std::string legend = data.series.size() > 1 ? svg::Legend(data.series) : "";
  return svg::Figure(text, out, SeriesTable(data, unit), legend);
}

std::string Heatmap(const ChartText& text, const std::vector<std::string>& rows,
                    const std::vector<std::string>& columns,
                    const std::vector<std::vector<double>>& values, Unit unit) {
  const double left = 48, top = 22,
               cell_w = (svg::kWidth - left - 8) / double(std::max<size_t>(columns.size(), 1));
  const double cell_h = 26, height = top + cell_h * double(rows.size()) + 6;
  double max = 0;
  for (const auto& row : values) {
    for (double v : row) max = std::max(max, v);
  }
  std::string out = svg::OpenSvg(text, svg::kWidth, height);
  for (size_t c = 0; c < columns.size(); ++c) {
    if (!svg::ShowLabel(c, columns.size(), 12)) continue;
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                       Num(left + cell_w * (double(c) + 0.5)), Num(top - 8), Escape(columns[c]));
  }
  out += "<g class=\"marks\">";
  for (size_t r = 0; r < rows.size(); ++r) {
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                       Num(left - 8), Num(top + cell_h * (double(r) + 0.5) + 4), Escape(rows[r]));
    for (size_t c = 0; c < columns.size(); ++c) {
      const double v = values[r][c];
      // Square-root shading keeps quiet hours visible next to the busiest one.
      const double level = max > 0 ? std::sqrt(v / max) : 0;
      out += fmt::format(
          "<rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" "
          "fill-opacity=\"{:.2f}\"><title>{}</title></rect>",
          Num(left + cell_w * double(c) + 1), Num(top + cell_h * double(r) + 1), Num(cell_w - 2),
          Num(cell_h - 2), v > 0 ? 0.12 + 0.88 * level : 0.04,
          Escape(rows[r] + " " + columns[c] + ": " + FormatValue(v, unit)));
    }
  }
  out += "</g></svg>";
  std::vector<std::string> headers = {""};
  headers.insert(headers.end(), columns.begin(), columns.end());
  std::vector<std::vector<std::string>> table;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string> row = {rows[r]};
    for (double v : values[r]) row.push_back(FormatValue(v, unit));
    table.push_back(std::move(row));
  }
  return svg::Figure(text, out, svg::DataTable(headers, table));
}

}  // namespace uw::report
