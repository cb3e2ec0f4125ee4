#include "sources/spotify_export/file_analyzer.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "testing/testing.h"

namespace uw::spotify_export {
namespace {

namespace fs = std::filesystem;

FileAnalysis Analyze(std::string_view name, std::string_view bytes) {
  simdjson::dom::parser parser;
  return AnalyzeExportFile(name, bytes, parser);
}

FileAnalysis AnalyzeFixture(const std::string& relative) {
  const fs::path path = uw::testing::SourceDir() / "tests/data/spotify_export" / relative;
  return Analyze(path.filename().string(), uw::testing::ReadFile(path));
}

void ExpectCounts(const FileAnalysis& a, uint64_t music, uint64_t podcast, uint64_t audiobook,
                  uint64_t video, uint64_t unidentifiable) {
  EXPECT_EQ(a.by_content_type[ContentType::kMusic], music);
  EXPECT_EQ(a.by_content_type[ContentType::kPodcast], podcast);
  EXPECT_EQ(a.by_content_type[ContentType::kAudiobook], audiobook);
  EXPECT_EQ(a.by_content_type[ContentType::kVideo], video);
  EXPECT_EQ(a.by_content_type[ContentType::kUnidentifiable], unidentifiable);
  EXPECT_EQ(a.records_total, a.by_content_type.Total() + a.rejected_records);
}

TEST(FileAnalyzer, ExtendedVintages) {
  const FileAnalysis a = AnalyzeFixture("extended/endsong_0.json");
  EXPECT_EQ(a.verdict, Verdict::kAccepted);
  EXPECT_EQ(a.kind, FileKind::kExtendedAudio);
  EXPECT_EQ(a.vintage, Vintage::kExtendedA);
  EXPECT_EQ(a.records_total, 6u);
  ExpectCounts(a, 4, 1, 0, 0, 1);
  EXPECT_EQ(a.first_end_ms, 1636983704000);  // 2021-11-15T13:41:44Z
  EXPECT_EQ(a.records_by_month.at("2021-11"), 2u);
  EXPECT_EQ(a.records_by_month.at("2021-12"), 2u);  // the unidentifiable row is not a play
  EXPECT_FALSE(a.naive_times);

  const FileAnalysis b = AnalyzeFixture("extended/Streaming_History_Audio_2024_0.json");
  EXPECT_EQ(b.vintage, Vintage::kExtendedB);
  ExpectCounts(b, 3, 1, 0, 0, 0);

  const FileAnalysis c = AnalyzeFixture("extended/Streaming_History_Audio_2025_0.json");
  EXPECT_EQ(c.vintage, Vintage::kExtendedC);
  ExpectCounts(c, 1, 1, 1, 0, 1);

  const FileAnalysis v = AnalyzeFixture("extended/Streaming_History_Video_2025.json");
  EXPECT_EQ(v.kind, FileKind::kExtendedVideo);
  EXPECT_EQ(v.vintage, Vintage::kExtendedC);
  ExpectCounts(v, 1, 0, 0, 1, 0);
}

TEST(FileAnalyzer, AccountEras) {
  const FileAnalysis legacy = AnalyzeFixture("account_legacy/StreamingHistory0.json");
  EXPECT_EQ(legacy.kind, FileKind::kAccountMixed);
  EXPECT_EQ(legacy.vintage, Vintage::kAccountLegacy);
  EXPECT_TRUE(legacy.naive_times);
  ExpectCounts(legacy, 4, 0, 0, 0, 0);

  const FileAnalysis music = AnalyzeFixture("account/StreamingHistory_music_0.json");
  EXPECT_EQ(music.kind, FileKind::kAccountMusic);
  EXPECT_EQ(music.vintage, Vintage::kAccountSplit);
  ExpectCounts(music, 2, 0, 0, 0, 1);
  EXPECT_EQ(music.first_end_ms, int64_t{1714403940} * 1000);  // "2024-04-29 15:19" read as UTC

  EXPECT_EQ(AnalyzeFixture("account/StreamingHistory_podcast_0.json").kind,
            FileKind::kAccountPodcast);
  EXPECT_EQ(AnalyzeFixture("account/StreamingHistory_audiobook_0.json").kind,
            FileKind::kAccountAudiobook);
}

TEST(FileAnalyzer, KindIsDecidedByContentNotName) {
  const std::string music =
      uw::testing::ReadFile(uw::testing::SourceDir() /
                            "tests/data/spotify_export/account/StreamingHistory_podcast_0.json");
  EXPECT_EQ(Analyze("renamed.json", music).kind, FileKind::kAccountPodcast);
  const std::string extended = uw::testing::ReadFile(
      uw::testing::SourceDir() / "tests/data/spotify_export/extended/endsong_0.json");
  EXPECT_EQ(Analyze("my history (1).json", extended).kind, FileKind::kExtendedAudio);
  EXPECT_EQ(Analyze("StreamingHistory_music_0.json", extended).kind, FileKind::kExtendedAudio);
}

TEST(FileAnalyzer, OtherAccountFiles) {
  EXPECT_EQ(AnalyzeFixture("account/YourLibrary.json").kind, FileKind::kYourLibrary);
  EXPECT_EQ(AnalyzeFixture("account/YourLibrary.json").entries, 3u);
  EXPECT_EQ(AnalyzeFixture("account/Playlist1.json").kind, FileKind::kPlaylists);
  EXPECT_EQ(AnalyzeFixture("account/SearchQueries.json").kind, FileKind::kSearchQueries);
  EXPECT_EQ(AnalyzeFixture("account/SearchQueries.json").entries, 2u);
  const FileAnalysis marquee = AnalyzeFixture("account/Marquee.json");
  EXPECT_EQ(marquee.kind, FileKind::kOther);
  EXPECT_EQ(marquee.verdict, Verdict::kAccepted);
  const FileAnalysis pdf = AnalyzeFixture("account/Read_Me_First.pdf");
  EXPECT_EQ(pdf.verdict, Verdict::kIgnored);
  EXPECT_EQ(pdf.message, "a PDF document (ignored)");
}

TEST(FileAnalyzer, RecentlyPlayedResponse) {
  const FileAnalysis a = AnalyzeFixture("api/recently_played.json");
  EXPECT_EQ(a.kind, FileKind::kRecentlyPlayed);
  ExpectCounts(a, 2, 0, 0, 0, 0);
  EXPECT_EQ(a.newest_played_at_ms, 1748772200500);
}

TEST(FileAnalyzer, WrongTypesRejectRecordsNotTheFile) {
  const FileAnalysis a = AnalyzeFixture("bad/Streaming_History_Audio_2019_1.json");
  EXPECT_EQ(a.verdict, Verdict::kAccepted);
  EXPECT_EQ(a.records_total, 6u);
  EXPECT_EQ(a.rejected_records, 3u);
  ExpectCounts(a, 3, 0, 0, 0, 0);
  ASSERT_EQ(a.rejections.size(), 3u);
  EXPECT_EQ(a.rejections[0].index, 2u);
  EXPECT_EQ(a.rejections[0].reason, R"("ms_played" is a string ("123"), expected an integer)");
  EXPECT_EQ(a.rejections[1].index, 4u);
  EXPECT_EQ(a.message, "3 of 6 records rejected");
}

TEST(FileAnalyzer, WholeFileProblems) {
  struct Case {
    std::string bytes;
    Verdict verdict;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"", Verdict::kRejected, "file is empty"},
      {" \n\t ", Verdict::kRejected, "file holds only whitespace"},
      {"%PDF-1.4 ...", Verdict::kIgnored, "a PDF document (ignored)"},
      {"hello", Verdict::kIgnored, "not JSON (ignored)"},
      {"123", Verdict::kIgnored, "not JSON (ignored)"},
      {R"([{"ts":"2020-01-01T00:00:00Z","ms_played":1},{"ts":)", Verdict::kRejected,
       "truncated JSON (the file ends before the document is closed)"},
      {R"([{"ts":"2020-01-01T00:00:00Z","ms_played":1}] [])", Verdict::kRejected,
       "more than one JSON document in the file (data after the end of the first)"},
      {R"([{"ts":"2020-01-01T00:00:00Z" "ms_played":1}])", Verdict::kRejected,
       "malformed JSON (brackets or separators do not match)"},
      {"[{\"endTime\":\"2020-01-01 00:00\",\"trackName\":\"Caf\xE9\",\"msPlayed\":1}]",
       Verdict::kRejected,
       "not valid UTF-8 (exports are UTF-8 JSON; was the file re-saved in another encoding?)"},
      {R"({"ts":"2020-01-01T00:00:00Z","ms_played":1})", Verdict::kRejected,
       "a single JSON object holding one play; an export file is an array of plays"},
      {R"({"data":[{"endTime":"2020-01-01 00:00","msPlayed":1}]})", Verdict::kRejected,
       R"(a JSON object holding 1 play under "data"; an export file is an array of plays (was it edited?))"},
      {R"([{"ts":"x","ms_played":1}])", Verdict::kRejected, "all 1 records were rejected"},
  };
  for (const auto& c : cases) {
    const FileAnalysis a = Analyze("f.json", c.bytes);
    EXPECT_EQ(a.verdict, c.verdict) << c.bytes;
    EXPECT_EQ(a.message, c.message) << c.bytes;
  }
}

TEST(FileAnalyzer, ByteOrderMarkIsAccepted) {
  const FileAnalysis a = AnalyzeFixture("bad/StreamingHistory_music_9.json");
  EXPECT_EQ(a.verdict, Verdict::kAccepted);
  EXPECT_EQ(a.kind, FileKind::kAccountMusic);
  EXPECT_EQ(a.records_total, 1u);
}

TEST(FileAnalyzer, EmptyArrayTakesItsKindFromAKnownName) {
  EXPECT_EQ(Analyze("Streaming_History_Audio_2019.json", "[]").kind, FileKind::kExtendedAudio);
  EXPECT_EQ(Analyze("Streaming_History_Video_2019.json", " [ ] ").kind, FileKind::kExtendedVideo);
  EXPECT_EQ(Analyze("StreamingHistory3.json", "[]").kind, FileKind::kAccountMixed);
  EXPECT_EQ(Analyze("whatever.json", "[]").kind, FileKind::kOther);
  const FileAnalysis a = Analyze("endsong_3.json", "[]");
  EXPECT_EQ(a.verdict, Verdict::kAccepted);
  EXPECT_EQ(a.records_total, 0u);
}

TEST(FileAnalyzer, NonObjectElementsBeforePlaysAreRejectedRecords) {
  const FileAnalysis a = Analyze(
      "x.json",
      R"([7, {"ts":"2020-01-01T00:00:00Z","ms_played":1,"spotify_track_uri":"spotify:track:a"}])");
  EXPECT_EQ(a.kind, FileKind::kExtendedAudio);
  EXPECT_EQ(a.records_total, 2u);
  EXPECT_EQ(a.rejected_records, 1u);
  EXPECT_EQ(a.rejections.at(0).reason, "is an integer, expected an object");
}

TEST(FileAnalyzer, OnlyTheFirstTwentyRejectionsAreListedButAllAreCounted) {
  std::string json = "[";
  for (int i = 0; i < 50; ++i) json += R"({"ts":"2020-01-01T00:00:00Z","ms_played":"1"},)";
  json += R"({"ts":"2020-01-01T00:00:00Z","ms_played":1}])";
  const FileAnalysis a = Analyze("x.json", json);
  EXPECT_EQ(a.rejected_records, 50u);
  EXPECT_EQ(a.rejections.size(), kMaxListedRejections);
  EXPECT_EQ(a.records_total, 51u);
}

// Property: for any mix of valid and broken records, every record is accounted for and exactly
// the broken ones are rejected, at their indices.
RC_GTEST_PROP(FileAnalyzer, EveryRecordIsAccountedFor, ()) {
  const auto kinds = *rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 6));
  std::string json = "[";
  std::vector<uint64_t> broken;
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (i) json += ",";
    switch (kinds[i]) {
      case 0:
        json +=
            R"({"ts":"2020-01-01T00:00:00Z","ms_played":1,"spotify_track_uri":"spotify:track:a"})";
        break;
      case 1:
        json +=
            R"({"ts":"2020-02-01T00:00:00Z","ms_played":1,"spotify_episode_uri":"spotify:episode:a"})";
        break;
      case 2:
        json += R"({"ts":"2020-03-01T00:00:00Z","ms_played":0})";
        break;
      case 3:
        json += R"({"ts":"2020-01-01T00:00:00Z","ms_played":"1"})";
        broken.push_back(i);
        break;
      case 4:
        json += R"({"ms_played":1})";
        broken.push_back(i);
        break;
      default:
        json += "null";
        broken.push_back(i);
        break;
    }
  }
  json = "[" + std::string(R"({"ts":"2020-01-01T00:00:00Z","ms_played":5})") +
         (kinds.empty() ? "" : ",") + json.substr(1) + "]";
  const FileAnalysis a = Analyze("Streaming_History_Audio_2020.json", json);
  RC_ASSERT(a.records_total == kinds.size() + 1);
  RC_ASSERT(a.records_total == a.by_content_type.Total() + a.rejected_records);
  RC_ASSERT(a.rejected_records == broken.size());
  for (size_t i = 0; i < a.rejections.size(); ++i) {
    RC_ASSERT(a.rejections[i].index == broken[i] + 1);
  }
}

}  // namespace
}  // namespace uw::spotify_export
