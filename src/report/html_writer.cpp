#include "report/html_writer.h"

#include <fmt/format.h>

#include "report/html_text.h"
#include "report/sections.h"
#include "report/stylesheet.h"

namespace uw::report {
namespace {

struct SectionSpec {
  const char* id;
  const char* title;
  std::string (*render)(const ReportModel&);
};

const std::vector<SectionSpec>& Specs() {
  static const std::vector<SectionSpec> specs = {
      {"overview", "Overview", sections::Overview},
      {"top-artists", "Top artists", sections::TopArtists},
      {"top-tracks", "Top tracks", sections::TopTracks},
      {"top-albums", "Top albums", sections::TopAlbums},
      {"taste", "Taste over time", sections::Taste},
      {"mood", "Mood", sections::Mood},
      {"skips", "Skips", sections::Skips},
      {"completion", "Finishing songs", sections::Completion},
      {"week", "Weekdays and weekends", sections::Week},
      {"heatmap", "When you listen", sections::Heatmap},
      {"sessions", "Sessions", sections::Sessions},
      {"discoveries", "Discoveries", sections::Discoveries},
      {"forgotten", "Forgotten favourites", sections::Forgotten},
      {"podcasts", "Podcasts and audiobooks", sections::Podcasts},
      {"platforms", "Devices and places", sections::Platforms},
      {"coverage", "Data coverage", sections::Coverage},
  };
  return specs;
}

std::string Head(const ReportModel& m) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta name=\"color-scheme\" content=\"light dark\">"
      "<meta name=\"generator\" content=\"unwrapped\">"
      "<title>Unwrapped · {}</title><style>{}</style></head>\n<body>\n",
      Escape(m.period.label), Stylesheet());
}

std::string Exclusions(const ReportModel& m) {
  std::string text;
  if (m.include_incognito) {
    text = fmt::format("Private-session (incognito) plays are included: {} of the plays below.",
                       FormatCount(m.incognito_included));
  } else {
    text = fmt::format(
        "Private-session (incognito) plays are left out: {} music and {} podcast plays. "
        "Include them with <code>unwrapped report --include-incognito</code>.",
        FormatCount(m.excluded.incognito), FormatCount(m.excluded.podcast_incognito));
  }
  if (m.excluded.zero_ms > 0) {
    text += fmt::format(" {} rows with 0 ms played are kept in the lake but never count as plays.",
                        FormatCount(m.excluded.zero_ms));
  }
  return text;
}

std::string Header(const ReportModel& m) {
  std::string span;
  if (m.totals.plays > 0) span = FormatDay(m.first_date) + " – " + FormatDay(m.last_date) + " · ";
  const std::string zone = m.local_tz.empty() ? "" : "times in " + m.local_tz;
  std::string out = fmt::format("<header><h1>Your listening · {}</h1><p class=\"sub\">{}{}</p>",
                                Escape(m.period.label), Escape(span), Escape(zone));
  out += "<p class=\"hint\">" + Exclusions(m) + "</p></header>\n";
  return out;
}

std::string Toc() {
  std::string out = "<nav class=\"toc\" aria-label=\"Sections\">";
  for (const auto& s : Specs()) out += fmt::format("<a href=\"#{}\">{}</a>", s.id, s.title);
  return out + "</nav>\n";
}

std::string EmptyPage(const ReportModel& m) {
  std::string range = m.period.bounded() ? " in " + m.period.label : "";
  return fmt::format("<section id=\"overview\"><h2>Overview</h2>{}</section>\n",
                     sections::Note(fmt::format(
                         "No counted plays{}. Check the period, or import and build first: "
                         "<code>unwrapped import PATH</code> then <code>unwrapped build</code>.",
                         Escape(range))));
}

}  // namespace

const std::vector<std::string>& SectionIds() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const auto& s : Specs()) out.push_back(s.id);
    return out;
  }();
  return ids;
}

std::string RenderHtml(const ReportModel& m, const PageInfo& info) {
  std::string out = Head(m) + Header(m);
  if (m.empty()) {
    out += EmptyPage(m);
  } else {
    out += Toc();
    for (const auto& s : Specs()) {
      // Podcasts alone in a period: the music sections say so instead of drawing empty charts.
      const bool music_less = m.totals.plays == 0 && std::string_view(s.id) != "podcasts";
      const std::string body =
          music_less ? sections::Takeaway("No music plays in this period.") : s.render(m);
      out += fmt::format(
          "<section id=\"{}\" aria-labelledby=\"h-{}\"><h2 id=\"h-{}\">{}</h2>\n{}</section>\n",
          s.id, s.id, s.id, s.title, body);
    }
  }
  out += fmt::format(
      "<footer>Made by unwrapped {} on {} from the gold tables of your own lake. "
      "Listening time is the sum of ms_played; minutes of plays seen only by the "
      "recently-played API are estimated.</footer>\n</body></html>\n",
      Escape(info.version), Escape(info.generated_at));
  return out;
}

}  // namespace uw::report
