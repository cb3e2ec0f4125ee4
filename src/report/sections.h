// Internal to html_writer: one function per report section, each returning the section's inner
// HTML (takeaway, charts, notes) for its model part. html_writer wraps them in
// <section id=…><h2>…</h2> … </section> in page order.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "report/report_model.h"

namespace uw::report::sections {

// A paragraph with the section's one-line conclusion (already escaped HTML).
std::string Takeaway(const std::string& html);
// A highlighted note (already escaped HTML).
std::string Note(const std::string& html);
// Big-number cards: (label, value) pairs, escaped here.
std::string Cards(const std::vector<std::pair<std::string, std::string>>& cards);
// "Monday" … for dow 1..7, and "Mon" … short.
std::string DayName(int dow, bool short_name = false);

std::string Overview(const ReportModel& m);
std::string TopArtists(const ReportModel& m);
std::string TopTracks(const ReportModel& m);
std::string TopAlbums(const ReportModel& m);
std::string Taste(const ReportModel& m);
std::string Mood(const ReportModel& m);
std::string Skips(const ReportModel& m);
std::string Completion(const ReportModel& m);
std::string Week(const ReportModel& m);
std::string Heatmap(const ReportModel& m);
std::string Sessions(const ReportModel& m);
std::string Discoveries(const ReportModel& m);
std::string Forgotten(const ReportModel& m);
std::string Podcasts(const ReportModel& m);
std::string Platforms(const ReportModel& m);
std::string Coverage(const ReportModel& m);

}  // namespace uw::report::sections
