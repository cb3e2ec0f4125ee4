// End-to-end: `generate` → `import` → `build` → `report` with the real binary. The report is
// rendered by Debian's headless Chromium (skipped when it is not installed): no console
// messages about the page, every section present with a chart holding data marks (mood: the
// missing-features note instead, as the generator has no audio features). And the generator's
// top artists by minutes, computed from its ground truth, appear in the report in that order.
//
// Why two checks of the order: the truth has no ms_played for plays only the recently-played
// API saw (the last day of the scenario, docs/generator.md), while gold estimates them (gap to
// the next play, capped at the track's duration, at most ~15 min in the generator's catalogue).
//   1. A report that ends before the API-only days (--to 2025-05-29; the lake's zone is UTC so
//      local dates are the truth's UTC dates) has no estimated plays: its top list must equal
//      the truth's top list exactly.
//   2. The all-time report may differ only by those estimates: an artist's gold minutes lie
//      between its truth minutes and truth + (its API-only plays × the longest track). The
//      truth's leading artists whose lower bound beats every later artist's upper bound are
//      certain to lead in gold, in that order; the test checks that prefix (and that it is not
//      trivially short).
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>

#include "core/civil_time.h"
#include "testing/lake_runs.h"
#include "testing/testing.h"

namespace uw {
namespace {

namespace fs = std::filesystem;
using testing::RunUnwrapped;

constexpr int64_t kLongestTrackMs =
    903000;  // generator catalogue: durations clamp to 900 s + 3 s jitter
const std::map<std::string, std::string> kEnv = {{"UNWRAPPED_TIMEZONE", "UTC"}};

class ReportE2E : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    const fs::path d = dir_->path();
    const auto gen = RunUnwrapped(
        {"generate", "--events", "50000", "--seed", "11", "--out", (d / "gen").string()}, kEnv);
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
    for (std::vector<std::string> args :
         {std::vector<std::string>{"import", (d / "gen" / "export").string()},
          std::vector<std::string>{"build"}}) {
      const auto run = RunUnwrapped(testing::LakeArgs(d / "lake", std::move(args)), kEnv);
      ASSERT_EQ(run.exit_code, 0) << run.err << run.out;
    }
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static fs::path Dir() { return dir_->path(); }

  // Runs `report` with `args` and returns the HTML it wrote to `name`.
  static std::string Report(const std::string& name, std::vector<std::string> args = {}) {
    std::vector<std::string> all = {"--lake", (Dir() / "lake").string(), "report", "--out",
                                    (Dir() / name).string()};
    all.insert(all.end(), args.begin(), args.end());
    const auto run = RunUnwrapped(all, kEnv);
    EXPECT_EQ(run.exit_code, 0) << run.err << run.out;
    EXPECT_NE(run.out.find((Dir() / name).string()), std::string::npos) << run.out;
    return testing::ReadFile(Dir() / name);
  }

  static testing::TempDir* dir_;
};

testing::TempDir* ReportE2E::dir_ = nullptr;

struct ArtistTruth {
  int64_t ms = 0;        // truth ms_played (known values)
  int64_t api_only = 0;  // plays whose ms_played only gold estimates
};

// Per artist name: counted (non-incognito) truth minutes, ended before `before_s` (UTC seconds).
std::map<std::string, ArtistTruth> TruthByArtist(const fs::path& truth, int64_t before_s) {
  std::map<std::string, ArtistTruth> out;
  simdjson::dom::parser parser;
  std::ifstream in(truth);
  for (std::string line; std::getline(in, line);) {
    simdjson::dom::element row = parser.parse(line);
    if (row["incognito"].get_bool().value() || row["ended_at_s"].get_int64().value() >= before_s)
      continue;
    ArtistTruth& a = out[std::string(row["artist_name"].get_string().value())];
    const auto ms = row["ms_played"];
    if (ms.is_null()) {
      ++a.api_only;
    } else {
      a.ms += ms.get_int64().value();
    }
  }
  return out;
}

std::vector<std::pair<std::string, ArtistTruth>> Ranked(
    const std::map<std::string, ArtistTruth>& by_artist) {
  std::vector<std::pair<std::string, ArtistTruth>> out(by_artist.begin(), by_artist.end());
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.second.ms > b.second.ms; });
  return out;
}

std::string Unescape(std::string s) {
  for (const auto& [entity, text] :
       std::vector<std::pair<std::string, std::string>>{{"&lt;", "<"},
                                                        {"&gt;", ">"},
                                                        {"&quot;", "\""},
                                                        {"&#39;", "'"},
                                                        {"&nbsp;", "\xC2\xA0"},
                                                        {"&amp;", "&"}}) {
    for (size_t at = s.find(entity); at != std::string::npos;
         at = s.find(entity, at + text.size())) {
      s.replace(at, entity.size(), text);
    }
  }
  return s;
}

// The row headers of the data table of figure `id`, in order.
std::vector<std::string> FigureRows(const std::string& html, const std::string& id) {
  const size_t begin = html.find("id=\"" + id + "\"");
  if (begin == std::string::npos) return {};
  const size_t end = html.find("</table>", begin);
  const std::string table = html.substr(begin, end - begin);
  static const std::regex row("<th scope=\"row\">([^<]*)</th>");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(table.begin(), table.end(), row);
       it != std::sregex_iterator(); ++it) {
    out.push_back(Unescape((*it)[1]));
  }
  return out;
}

TEST_F(ReportE2E, TopArtistsMatchTheTruthWhereNoPlayIsEstimated) {
  const int64_t before_s = core::DaysFromCivil(2025, 5, 30) * core::kSecondsPerDay;
  const auto truth = Ranked(TruthByArtist(Dir() / "gen" / "truth" / "music_plays.jsonl", before_s));
  const std::string html = Report("window.html", {"--to", "2025-05-29"});
  const auto shown = FigureRows(html, "fig-top-artists-minutes");
  ASSERT_EQ(shown.size(), 10u);
  for (size_t i = 0; i < shown.size(); ++i) {
    ASSERT_EQ(truth[i].second.api_only, 0) << "the window should hold no API-only play";
    EXPECT_EQ(shown[i], truth[i].first) << "rank " << i + 1;
  }
}

TEST_F(ReportE2E, TopArtistsOfAllTimeFollowTheTruthWithinTheEstimateBound) {
  const auto truth =
      Ranked(TruthByArtist(Dir() / "gen" / "truth" / "music_plays.jsonl", INT64_MAX));
  const auto shown = FigureRows(Report("all.html"), "fig-top-artists-minutes");
  ASSERT_EQ(shown.size(), 10u);
  // upper[i]: the most any artist ranked below i can reach in gold.
  std::vector<int64_t> upper(truth.size() + 1, 0);
  for (size_t i = truth.size(); i-- > 0;) {
    upper[i] =
        std::max(upper[i + 1], truth[i].second.ms + truth[i].second.api_only * kLongestTrackMs);
  }
  size_t certain = 0;
  while (certain < shown.size() && truth[certain].second.ms > upper[certain + 1]) ++certain;
  RecordProperty("certain_prefix", static_cast<int>(certain));
  EXPECT_GE(certain, 5u) << "estimates blur too much of the top list to test it";
  for (size_t i = 0; i < certain; ++i) EXPECT_EQ(shown[i], truth[i].first) << "rank " << i + 1;
}

// Runs Chromium headless on `file` with `flags`; returns its exit code, stdout in `out`, stderr in
// `err`.
int RunChromium(const fs::path& file, const std::string& flags, std::string& out,
                std::string& err) {
  const fs::path o = file.string() + ".out", e = file.string() + ".err";
  const std::string command =
      "chromium --headless --disable-gpu --no-sandbox --enable-logging=stderr --v=0 "
      "--user-data-dir='" +
      (file.parent_path() / "chromium-profile").string() + "' " + flags + " 'file://" +
      file.string() + "' > '" + o.string() + "' 2> '" + e.string() + "'";
  const int rc = std::system(command.c_str());
  out = testing::ReadFile(o);
  err = testing::ReadFile(e);
  return rc;
}

bool HasChromium() { return std::system("command -v chromium > /dev/null 2>&1") == 0; }

// A mark that shows data: a rect, path or circle with a non-zero size.
bool HasDataMark(const std::string& svg) {
  static const std::regex rect("<rect[^>]* width=\"([0-9.]+)\" height=\"([0-9.]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), rect); it != std::sregex_iterator();
       ++it) {
    if (std::stod((*it)[1]) > 0 && std::stod((*it)[2]) > 0) return true;
  }
  static const std::regex path("<path[^>]* d=\"M[^\"]*L[^\"]*\"");
  static const std::regex circle("<circle[^>]* r=\"([0-9.]+)\"");
  std::smatch m;
  if (std::regex_search(svg, path)) return true;
  return std::regex_search(svg, m, circle) && std::stod(m[1]) > 0;
}

TEST_F(ReportE2E, RendersInChromiumWithEverySectionCharted) {
  if (!HasChromium()) GTEST_SKIP() << "chromium is not installed";
  Report("render.html");
  std::string dom, err;
  ASSERT_EQ(RunChromium(Dir() / "render.html", "--dump-dom", dom, err), 0) << err;
  // Console output about the page names it (":CONSOLE" lines with its file URL).
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_EQ(line.find("CONSOLE"), std::string::npos) << line;
    EXPECT_EQ(line.find("render.html"), std::string::npos) << line;
  }
  const std::vector<std::string> sections = {
      "overview",  "top-artists", "top-tracks", "top-albums", "taste",    "mood",
      "skips",     "completion",  "week",       "heatmap",    "sessions", "discoveries",
      "forgotten", "podcasts",    "platforms",  "coverage"};
  for (const auto& id : sections) {
    const size_t begin = dom.find("<section id=\"" + id + "\"");
    ASSERT_NE(begin, std::string::npos) << id;
    const std::string section = dom.substr(begin, dom.find("</section>", begin) - begin);
    EXPECT_NE(section.find("<h2"), std::string::npos) << id;
    EXPECT_NE(section.find("class=\"takeaway\""), std::string::npos) << id;
    if (id == "mood") {  // the generator has no audio features: the note, and no chart
      EXPECT_NE(section.find("Audio features"), std::string::npos);
      EXPECT_EQ(section.find("<svg"), std::string::npos);
      continue;
    }
    const size_t svg = section.find("<svg");
    ASSERT_NE(svg, std::string::npos) << id << " has no chart";
    EXPECT_TRUE(HasDataMark(section.substr(svg))) << id << " has an empty chart";
    EXPECT_NE(section.find("role=\"img\""), std::string::npos) << id;
  }
  EXPECT_NE(dom.find("incognito) plays are left out"), std::string::npos);

  std::string out;
  ASSERT_EQ(
      RunChromium(Dir() / "render.html",
                  "--screenshot='" + (Dir() / "shot.png").string() + "' --window-size=1280,2000",
                  out, err),
      0)
      << err;
  EXPECT_GT(fs::file_size(Dir() / "shot.png"), 10000u);
}

}  // namespace
}  // namespace uw
