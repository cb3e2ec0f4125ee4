// Inline SVG charts for the report: bar charts (vertical for time, horizontal for rankings),
// stacked bars for shares over time, line charts and a heatmap. Each returns one <figure> with
// the <svg role="img" aria-label=…> (with <title>), a caption, and the same numbers as an HTML
// <table> inside <details>, so the data is readable without the picture (screen readers, print,
// copy-paste). Colours come from CSS classes (html_writer's stylesheet), so one chart works in
// light and dark schemes. All text is escaped. Pure functions, thread safe.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace uw::report {

enum class Unit {
  kCount,     // plays, artists: "1,234"
  kDuration,  // values in ms: "3 h 25 min"
  kShare,     // 0..1: "12.3%"
  kScore,     // 0..1 audio-feature averages: "0.62"
};

std::string FormatValue(double value, Unit unit);

struct Bar {
  Bar() = default;
  Bar(std::string label, std::string detail, double value, bool highlight = false,
      std::string note = {})
      : label(std::move(label)),
        detail(std::move(detail)),
        value(value),
        highlight(highlight),
        note(std::move(note)) {}

  std::string label;
  std::string detail;  // a second line under the label (horizontal charts), may be empty
  double value = 0;
  bool highlight = false;  // drawn in the second colour (e.g. weekend days)
  std::string note;        // extra text for the table and tooltip, may be empty
};

struct ChartText {
  std::string id;           // the figure's id (unique in the page)
  std::string title;        // caption, <title> and aria-label
  std::string description;  // one sentence saying what is drawn, for the aria-label
};

// Vertical bars over categories in order (years, months, hours); labels are thinned when dense.
std::string VerticalBars(const ChartText& text, const std::vector<Bar>& bars, Unit unit);
// Horizontal bars, one row per entry (rankings), with the value at the end of each bar.
std::string HorizontalBars(const ChartText& text, const std::vector<Bar>& bars, Unit unit);

struct SeriesSet {
  std::vector<std::string> x;               // categories along the x axis
  std::vector<std::string> series;          // one colour each; a series named "Other" is grey
  std::vector<std::vector<double>> values;  // [series][x]; NaN = no value (line gaps)
};

// Stacked vertical bars: each x's values stacked in series order (shares, or counts).
std::string StackedBars(const ChartText& text, const SeriesSet& data, Unit unit);
// One line per series with a dot per value; y from 0 to max (or to 1 for kShare/kScore).
std::string LineChart(const ChartText& text, const SeriesSet& data, Unit unit);

// A grid of cells shaded by value: rows × columns (e.g. weekday × hour).
std::string Heatmap(const ChartText& text, const std::vector<std::string>& rows,
                    const std::vector<std::string>& columns,
                    const std::vector<std::vector<double>>& values, Unit unit);

}  // namespace uw::report
