// Conformance against the real export fragments and API responses in ../shared/samples (skipped
// when that folder is absent): every record is accounted for.
#include <gtest/gtest.h>

#include "sources/spotify_export/file_analyzer.h"
#include "testing/testing.h"

namespace uw::spotify_export {
namespace {

struct Expected {
  std::string path;
  FileKind kind;
  Vintage vintage;
  uint64_t records;
  uint64_t music;
  uint64_t rejected;
};

TEST(SamplesConformance, EveryRecordOfEverySampleIsAccountedFor) {
  UW_REQUIRE_SHARED(shared);
  const std::vector<Expected> samples = {
      {"listenbrainz-server/spotify_streaming_2023.json", FileKind::kExtendedAudio,
       Vintage::kExtendedC, 5, 5, 0},
      {"listenbrainz-server/spotify_streaming_endsong_0.json", FileKind::kExtendedAudio,
       Vintage::kExtendedA, 5, 5, 0},
      // Record 13 has no ms_played at all: rejected, not guessed.
      {"listenbrainz-server/spotify_skipped_tracks.json", FileKind::kExtendedAudio,
       Vintage::kExtendedA, 15, 14, 1},
      {"listenbrainz-server/spotify_recently_played_submitted.json", FileKind::kRecentlyPlayed,
       Vintage::kNone, 1, 1, 0},
      {"zmb3-spotify/player_recently_played.txt", FileKind::kRecentlyPlayed, Vintage::kNone, 20, 20,
       0},
      {"spotify-web-api-java/GetCurrentUsersRecentlyPlayedTracksRequest.json",
       FileKind::kRecentlyPlayed, Vintage::kNone, 2, 2, 0},
  };
  simdjson::dom::parser parser;
  for (const auto& s : samples) {
    const auto path = shared / "samples" / s.path;
    const std::string bytes = uw::testing::ReadFile(path);
    const FileAnalysis a = AnalyzeExportFile(path.filename().string(), bytes, parser);
    EXPECT_EQ(a.verdict, Verdict::kAccepted) << s.path << ": " << a.message;
    EXPECT_EQ(a.kind, s.kind) << s.path;
    EXPECT_EQ(a.vintage, s.vintage) << s.path;
    EXPECT_EQ(a.records_total, s.records) << s.path;
    EXPECT_EQ(a.by_content_type[ContentType::kMusic], s.music) << s.path;
    EXPECT_EQ(a.rejected_records, s.rejected) << s.path;
    EXPECT_EQ(a.records_total, a.by_content_type.Total() + a.rejected_records) << s.path;
  }
}

TEST(SamplesConformance, SkippedTracksRejectionNamesTheRecord) {
  UW_REQUIRE_SHARED(shared);
  const std::string bytes =
      uw::testing::ReadFile(shared / "samples/listenbrainz-server/spotify_skipped_tracks.json");
  simdjson::dom::parser parser;
  const FileAnalysis a = AnalyzeExportFile("spotify_skipped_tracks.json", bytes, parser);
  ASSERT_EQ(a.rejections.size(), 1u);
  EXPECT_EQ(a.rejections[0].index, 13u);
  EXPECT_EQ(a.rejections[0].reason, "\"ms_played\" is missing");
}

TEST(SamplesConformance, OtherApiResponsesAreNeverMistakenForPlays) {
  UW_REQUIRE_SHARED(shared);
  simdjson::dom::parser parser;
  for (const char* p : {"spotify-web-api-java/GetSeveralTracksRequest.json",
                        "spotify-web-api-java/GetSeveralAlbumsRequest.json",
                        "spotify-web-api-java/GetUsersSavedTracksRequest.json",
                        "zmb3-spotify/find_tracks_simple.txt",
                        "lastfm-docs-api-docs/track.getInfo.example0.json"}) {
    const std::string bytes = uw::testing::ReadFile(shared / "samples" / p);
    const FileAnalysis a = AnalyzeExportFile(p, bytes, parser);
    EXPECT_EQ(a.verdict, Verdict::kAccepted) << p;
    EXPECT_EQ(a.kind, FileKind::kOther) << p;
  }
}

}  // namespace
}  // namespace uw::spotify_export
