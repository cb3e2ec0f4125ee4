// Renders a ReportModel as one self-contained HTML page: inline CSS (stylesheet.h) and SVG
// charts (svg_charts.h), no JavaScript, no external fonts, images or links to fetch. Every name
// from the data is escaped. Pure, thread safe.
#pragma once

#include <string>

#include "report/report_model.h"

namespace uw::report {

struct PageInfo {
  std::string generated_at;  // "2025-06-01 12:00 UTC", shown in the footer
  std::string version;       // unwrapped version, shown in the footer
};

std::string RenderHtml(const ReportModel& model, const PageInfo& info);

// The ids of the <section> elements RenderHtml writes for a non-empty model, in page order.
const std::vector<std::string>& SectionIds();

}  // namespace uw::report
