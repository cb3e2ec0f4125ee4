// The page: every section, escaping of hostile names, the notes (incognito, missing features,
// empty period), and nothing that would reach the network or run script.
#include "report/html_writer.h"

#include <gtest/gtest.h>

#include <regex>

#include "core/civil_time.h"

namespace uw::report {
namespace {

int32_t Day(int y, int m, int d) { return static_cast<int32_t>(core::DaysFromCivil(y, m, d)); }

MusicPlayRow Row(std::string_view artist, std::string_view track, int32_t day, int hour) {
  MusicPlayRow r;
  r.local_date = day;
  r.local_hour = hour;
  r.local_dow = 1 + (day % 7 + 10) % 7;
  r.ms_played = 200000;
  r.ended_at_ms = (int64_t(day) * 86400 + hour * 3600) * 1000;
  r.started_at_ms = r.ended_at_ms - r.ms_played;
  r.session_id = r.started_at_ms;
  r.is_stream = true;
  r.artist_id = artist, r.artist_name = artist, r.track_id = track, r.track_name = track;
  r.album_id = track, r.album_name = track;
  r.platform = "android", r.country = "DE", r.reason_end = "trackdone", r.sources = "extended";
  r.season = "winter";
  return r;
}

// A ten-minute episode of "show1" on 3 June 2024.
PodcastPlayRow Episode(std::string_view show_name) {
  PodcastPlayRow r;
  r.local_date = Day(2024, 6, 3);
  r.ms_played = 600000;
  r.show_id = "show1", r.show_name = show_name, r.content_type = "episode";
  return r;
}

ReportData Hostile() {
  ReportData data;
  data.excluded.incognito = 17;
  data.local_tz = "Europe/Berlin";
  data.music.Add(Row("<script>alert(1)</script>", "Rock & Roll", Day(2023, 1, 2), 9));
  auto second = Row("Simon & Garfunkel", "\"Quoted\" 'name'", Day(2024, 6, 3), 21);
  second.first_of_artist = true;
  data.music.Add(second);
  data.podcasts.Add(Episode("Talk <b>bold</b>"));
  return data;
}

std::string Render(const ReportData& data) {
  return RenderHtml(BuildModel(data), {"2025-01-01 00:00 UTC", "test"});
}

TEST(HtmlWriter, EscapesNamesEverywhere) {
  const std::string html = Render(Hostile());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>bold"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Simon &amp; Garfunkel"), std::string::npos);
  EXPECT_NE(html.find("&quot;Quoted&quot; &#39;name&#39;"), std::string::npos);
  // No raw ampersand that is not an entity.
  EXPECT_FALSE(std::regex_search(html, std::regex("&(?![a-z]+;|#[0-9]+;)")));
}

TEST(HtmlWriter, HasEverySectionWithHeadingAndNoExternalResources) {
  const std::string html = Render(Hostile());
  for (const auto& id : SectionIds()) {
    EXPECT_NE(html.find("<section id=\"" + id + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"),
            html.find("http://www.w3.org/2000/svg"));  // only the SVG namespace
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_NE(html.find("prefers-color-scheme: dark"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(HtmlWriter, SaysHowManyIncognitoPlaysWereLeftOut) {
  const std::string html = Render(Hostile());
  EXPECT_NE(html.find("left out: 17 music"), std::string::npos);
  ReportData data = Hostile();
  data.include_incognito = true;
  EXPECT_NE(Render(data).find("are included"), std::string::npos);
}

TEST(HtmlWriter, MissingAudioFeaturesGiveANoteAndNoMoodChart) {
  const std::string html = Render(Hostile());
  const size_t mood = html.find("<section id=\"mood\"");
  const size_t end = html.find("</section>", mood);
  const std::string section = html.substr(mood, end - mood);
  EXPECT_NE(section.find("Audio features"), std::string::npos);
  EXPECT_NE(section.find("unwrapped enrich catalog"), std::string::npos);
  EXPECT_EQ(section.find("<svg"), std::string::npos);
}

TEST(HtmlWriter, MoodChartsWhenFeaturesExist) {
  ReportData data = Hostile();
  data.music.energy.assign(data.music.size(), 0.7);
  data.music.valence.assign(data.music.size(), 0.2);
  const int32_t intense = data.music.moods.Intern("intense");
  data.music.mood.assign(data.music.size(), intense);
  const std::string html = Render(data);
  const size_t mood = html.find("<section id=\"mood\"");
  const std::string section = html.substr(mood, html.find("</section>", mood) - mood);
  EXPECT_NE(section.find("<svg"), std::string::npos);
  EXPECT_NE(section.find("intense"), std::string::npos);
}

TEST(HtmlWriter, EmptyPeriodSaysSo) {
  ReportData data;
  data.period.from_day = Day(2030, 1, 1);
  data.period.to_day = Day(2030, 12, 31);
  data.period.label = "2030";
  const std::string html = Render(data);
  EXPECT_NE(html.find("No counted plays in 2030"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST(HtmlWriter, PodcastsWithoutMusicKeepEverySection) {
  ReportData data;
  data.podcasts.Add(Episode("Only talk"));
  const std::string html = Render(data);
  for (const auto& id : SectionIds())
    EXPECT_NE(html.find("<section id=\"" + id + "\""), std::string::npos) << id;
  EXPECT_NE(html.find("No music plays in this period."), std::string::npos);
  EXPECT_NE(html.find("Only talk"), std::string::npos);
  EXPECT_EQ(html.find("1 Jan 1970"), std::string::npos);  // no date made up from an empty history
}

TEST(HtmlWriter, TasteSaysWhenItShowsArtistsInsteadOfGenres) {
  const std::string html = Render(Hostile());
  EXPECT_NE(html.find("artist share</strong> instead of genre"), std::string::npos);
}

TEST(HtmlWriter, CoverageShowsTheEnrichmentShareInFiguresAndTheTable) {
  ReportData data = Hostile();
  const std::string without = Render(data);
  EXPECT_NE(without.find("unwrapped enrich spotify"), std::string::npos);  // how to fill it in
  data.music.has_metadata[0] = 1;
  data.music.has_release_date[0] = 1;
  const std::string html = Render(data);
  const size_t at = html.find("<section id=\"coverage\"");
  ASSERT_NE(at, std::string::npos);
  const std::string section = html.substr(at, html.find("</section>", at) - at);
  EXPECT_NE(section.find("Spotify metadata describes <strong>50.0%</strong> of the tracks played"),
            std::string::npos)
      << section;
  EXPECT_NE(section.find("1 of 2 tracks"), std::string::npos);  // the fold-out table's note
  EXPECT_NE(section.find("albums with a release date"), std::string::npos);
  EXPECT_EQ(section.find("unwrapped enrich spotify"), std::string::npos);
}

}  // namespace
}  // namespace uw::report
