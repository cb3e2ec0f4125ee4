#include "sources/spotify_export/record_validator.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>

namespace uw::spotify_export {
namespace {

class Json {
 public:
  explicit Json(std::string text) : text_(std::move(text)) {
    element_ = parser_.parse(text_).value();
  }
  simdjson::dom::element get() const { return element_; }

 private:
  std::string text_;
  simdjson::dom::parser parser_;
  simdjson::dom::element element_;
};

std::string Extended(const std::string& json, ExtendedRecord& out, bool video = false) {
  Json j(json);
  return ValidateExtendedRecord(j.get(), video, out);
}

constexpr const char* kVintageC = R"({"ts":"2024-04-20T18:15:22Z","platform":"android",
  "ms_played":2385,"conn_country":"SE","ip_addr":"192.0.2.1",
  "master_metadata_track_name":"T","master_metadata_album_artist_name":"A",
  "master_metadata_album_album_name":"Al","spotify_track_uri":"spotify:track:x",
  "episode_name":null,"episode_show_name":null,"spotify_episode_uri":null,
  "audiobook_title":null,"audiobook_uri":null,"audiobook_chapter_uri":null,
  "audiobook_chapter_title":null,"reason_start":"fwdbtn","reason_end":"fwdbtn","shuffle":true,
  "skipped":true,"offline":true,"offline_timestamp":1679249719,"incognito_mode":false})";

TEST(ExtendedRecord, ValidVintageCRecordIsMusicWithEveryField) {
  ExtendedRecord r;
  ASSERT_EQ(Extended(kVintageC, r), "");
  EXPECT_EQ(r.ended_at_ms, 1713636922000);
  EXPECT_EQ(r.ms_played, 2385);
  EXPECT_EQ(r.content_type, ContentType::kMusic);
  EXPECT_EQ(r.track_uri, "spotify:track:x");
  EXPECT_EQ(r.artist_name, "A");
  EXPECT_EQ(r.reason_end, "fwdbtn");
  EXPECT_EQ(r.shuffle, true);
  EXPECT_EQ(r.offline_timestamp, 1679249719);
  EXPECT_FALSE(r.episode_uri.has_value());
  EXPECT_EQ(r.schema_keys, kHasAudiobookKeys);
}

TEST(ExtendedRecord, WrongTypesNameTheFieldAndTheExpectedType) {
  ExtendedRecord r;
  EXPECT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":"123"})", r),
            R"("ms_played" is a string ("123"), expected an integer)");
  EXPECT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":1.5})", r),
            R"("ms_played" is a decimal number (1.5), expected an integer)");
  EXPECT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":1,"shuffle":"yes"})", r),
            R"("shuffle" is a string ("yes"), expected a boolean)");
  EXPECT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":1,"platform":7})", r),
            R"("platform" is an integer, expected a string)");
  EXPECT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":1,"offline_timestamp":true})", r),
            R"("offline_timestamp" is a boolean, expected an integer)");
  EXPECT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":1,"username":["x"]})", r),
            R"("username" is an array, expected a string)");
}

TEST(ExtendedRecord, RequiredFieldsAndTheirForms) {
  ExtendedRecord r;
  EXPECT_EQ(Extended(R"({"ms_played":1})", r), R"("ts" is missing)");
  EXPECT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z"})", r), R"("ms_played" is missing)");
  EXPECT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":null})", r),
            R"("ms_played" is null, expected an integer)");
  EXPECT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":-5})", r),
            R"("ms_played" is negative (-5))");
  EXPECT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":18446744073709551615})", r),
            R"("ms_played" is out of range (18446744073709551615))");
  EXPECT_EQ(Extended(R"({"ts":"2019-13-01T00:00:00Z","ms_played":1})", r),
            R"("ts" is "2019-13-01T00:00:00Z", expected a UTC time like 2021-11-15T13:41:44Z)");
  EXPECT_EQ(Extended(R"({"ts":null,"ms_played":1})", r), R"("ts" is null, expected a string)");
  EXPECT_EQ(Extended(R"("just a string")", r), "is a string, expected an object");
  EXPECT_EQ(Extended(R"([1,2])", r), "is an array, expected an object");
}

TEST(ExtendedRecord, LongValuesAreCutInMessages) {
  ExtendedRecord r;
  const std::string reason =
      Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":")" + std::string(500, 'x') + "\"}", r);
  EXPECT_LT(reason.size(), 120u);
  EXPECT_NE(reason.find("expected an integer"), std::string::npos);
}

TEST(ExtendedRecord, NullsUnknownKeysAndZeroAreAccepted) {
  ExtendedRecord r;
  ASSERT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":0,"skipped":null,
      "reason_end":null,"offline_timestamp":null,"brand_new_key":{"x":[1]}})",
                     r),
            "");
  EXPECT_EQ(r.ms_played, 0);
  EXPECT_FALSE(r.skipped.has_value());
  EXPECT_EQ(r.content_type, ContentType::kUnidentifiable);
}

TEST(ExtendedRecord, ContentTypeByIdentity) {
  struct Case {
    std::string fields;
    bool video;
    ContentType expected;
  };
  const std::vector<Case> cases = {
      {R"("spotify_track_uri":"spotify:track:a")", false, ContentType::kMusic},
      {R"("spotify_track_uri":"spotify:track:a")", true, ContentType::kMusic},
      {R"("spotify_episode_uri":"spotify:episode:e")", false, ContentType::kPodcast},
      {R"("spotify_episode_uri":"spotify:episode:e")", true, ContentType::kVideo},
      {R"("audiobook_uri":"spotify:audiobook:b")", false, ContentType::kAudiobook},
      {R"("audiobook_chapter_uri":"spotify:chapter:c")", false, ContentType::kAudiobook},
      {R"("master_metadata_track_name":"T","master_metadata_album_artist_name":"A")", false,
       ContentType::kMusic},
      {R"("master_metadata_track_name":"T","master_metadata_album_artist_name":null)", false,
       ContentType::kUnidentifiable},
      {R"("episode_name":"E")", false, ContentType::kPodcast},
      {R"("spotify_track_uri":"")", false, ContentType::kUnidentifiable},
  };
  for (const auto& c : cases) {
    ExtendedRecord r;
    ASSERT_EQ(
        Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":1,)" + c.fields + "}", r, c.video), "")
        << c.fields;
    EXPECT_EQ(r.content_type, c.expected) << c.fields << " video=" << c.video;
  }
}

TEST(ExtendedRecord, VintageKeysAreFlagged) {
  ExtendedRecord r;
  ASSERT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":1,"username":"u"})", r), "");
  EXPECT_EQ(r.schema_keys, kHasLegacyKeys);
  ASSERT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":1,"ip_addr":"x"})", r), "");
  EXPECT_EQ(r.schema_keys, 0);
}

// Callers reuse one record for a whole file: fields a record lacks must read as absent, never
// as the previous record's values.
TEST(ExtendedRecord, AReusedRecordKeepsNothingFromThePreviousOne) {
  ExtendedRecord r;
  ASSERT_EQ(Extended(kVintageC, r), "");
  ASSERT_EQ(Extended(R"({"username":"u","ts":"2019-01-01T00:00:00Z","ms_played":7,
      "spotify_episode_uri":"spotify:episode:e"})",
                     r, /*video=*/true),
            "");
  EXPECT_EQ(r.ended_at_ms, 1546300800000);
  EXPECT_EQ(r.ms_played, 7);
  EXPECT_EQ(r.content_type, ContentType::kVideo);
  EXPECT_EQ(r.schema_keys, kHasLegacyKeys);
  EXPECT_EQ(r.episode_uri, "spotify:episode:e");
  for (const auto* s :
       {&r.platform, &r.conn_country, &r.track_name, &r.artist_name, &r.album_name, &r.track_uri,
        &r.episode_name, &r.show_name, &r.audiobook_title, &r.audiobook_uri,
        &r.audiobook_chapter_uri, &r.audiobook_chapter_title, &r.reason_start, &r.reason_end}) {
    EXPECT_FALSE(s->has_value());
  }
  for (const auto* b : {&r.shuffle, &r.skipped, &r.offline, &r.incognito_mode}) {
    EXPECT_FALSE(b->has_value());
  }
  EXPECT_FALSE(r.offline_timestamp.has_value());
}

TEST(ExtendedRecord, DuplicateKeysAreReadInOrderAndTheLastWins) {
  ExtendedRecord r;
  ASSERT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":1,"platform":"a",
      "platform":null,"shuffle":true,"shuffle":false})",
                     r),
            "");
  EXPECT_FALSE(r.platform.has_value());
  EXPECT_EQ(r.shuffle, false);
  EXPECT_EQ(Extended(R"({"ts":"2019-01-01T00:00:00Z","ms_played":1,"ms_played":"x"})", r),
            R"("ms_played" is a string ("x"), expected an integer)");
}

std::string Account(const std::string& json, AccountRecord& out) {
  Json j(json);
  return ValidateAccountRecord(j.get(), out);
}

TEST(AccountRecord, EveryEraIsValidAndTyped) {
  AccountRecord r;
  ASSERT_EQ(
      Account(
          R"({"endTime":"2023-10-02 23:43","artistName":"Cults","trackName":"Go Outside","msPlayed":51223})",
          r),
      "");
  EXPECT_EQ(r.content_type, ContentType::kMusic);
  EXPECT_EQ(r.end_time, "2023-10-02 23:43");
  EXPECT_EQ(r.ms_played, 51223);
  EXPECT_EQ(r.name_keys, kHasMusicNames);
  ASSERT_EQ(
      Account(
          R"({"endTime":"2023-10-03 21:56","podcastName":"P","episodeName":"E","msPlayed":3676727})",
          r),
      "");
  EXPECT_EQ(r.content_type, ContentType::kPodcast);
  ASSERT_EQ(
      Account(
          R"({"endTime":"2024-04-29 15:19","audiobookName":"B","chapterName":"Track 1","authorName":"A","msPlayed":42274})",
          r),
      "");
  EXPECT_EQ(r.content_type, ContentType::kAudiobook);
  EXPECT_EQ(r.name_keys, kHasAudiobookNames);
}

TEST(AccountRecord, MissingNamesAreUnidentifiableNotRejected) {
  AccountRecord r;
  ASSERT_EQ(Account(R"({"endTime":"2025-07-01 10:00","msPlayed":1000})", r), "");
  EXPECT_EQ(r.content_type, ContentType::kUnidentifiable);
  ASSERT_EQ(Account(R"({"endTime":"2025-07-01 10:00","trackName":"T","msPlayed":1000})", r), "");
  EXPECT_EQ(r.content_type, ContentType::kUnidentifiable);
}

TEST(AccountRecord, BadRecordsGiveReasons) {
  AccountRecord r;
  EXPECT_EQ(Account(R"({"endTime":"2023-10-02T23:43","msPlayed":1})", r),
            R"("endTime" is "2023-10-02T23:43", expected a time like 2023-10-02 23:43)");
  EXPECT_EQ(Account(R"({"endTime":"2023-10-02 23:43","msPlayed":"1"})", r),
            R"("msPlayed" is a string ("1"), expected an integer)");
  EXPECT_EQ(Account(R"({"endTime":"2023-10-02 23:43","artistName":5,"msPlayed":1})", r),
            R"("artistName" is an integer, expected a string)");
  EXPECT_EQ(Account(R"({"msPlayed":1})", r), R"("endTime" is missing)");
  EXPECT_EQ(Account(R"({"endTime":"2023-10-02 23:43"})", r), R"("msPlayed" is missing)");
}

TEST(AccountRecord, AReusedRecordKeepsNothingFromThePreviousOne) {
  AccountRecord r;
  ASSERT_EQ(
      Account(
          R"({"endTime":"2024-04-29 15:19","audiobookName":"B","chapterName":"C","authorName":"A","artistName":"X","trackName":"T","msPlayed":42274})",
          r),
      "");
  ASSERT_EQ(Account(R"({"msPlayed":5,"podcastName":"P","endTime":"2023-10-03 21:56"})", r), "");
  EXPECT_EQ(r.end_time, "2023-10-03 21:56");
  EXPECT_EQ(r.ms_played, 5);
  EXPECT_EQ(r.name_keys, kHasPodcastNames);
  EXPECT_EQ(r.content_type, ContentType::kPodcast);
  EXPECT_EQ(r.podcast_name, "P");
  for (const auto* s : {&r.artist_name, &r.track_name, &r.episode_name, &r.audiobook_name,
                        &r.chapter_name, &r.author_name}) {
    EXPECT_FALSE(s->has_value());
  }
  EXPECT_EQ(Account(R"({"endTime":"2023-10-02 23:43","msPlayed":null})", r),
            R"("msPlayed" is null, expected an integer)");
  EXPECT_EQ(Account(R"({"endTime":"2023-10-02 23:43","msPlayed":-1})", r),
            R"("msPlayed" is negative (-1))");
  EXPECT_EQ(Account(R"({"endTime":null,"msPlayed":1})", r),
            R"("endTime" is null, expected a string)");
}

std::string Item(const std::string& json, RecentlyPlayedItem& out) {
  Json j(json);
  return ValidateRecentlyPlayedItem(j.get(), out);
}

TEST(RecentlyPlayedItem, ValidItemAndProblems) {
  RecentlyPlayedItem r;
  ASSERT_EQ(
      Item(
          R"({"track":{"id":"abc","uri":"spotify:track:abc","name":"N","duration_ms":1000,"type":"track"},
      "played_at":"2023-09-22T15:43:33.750Z","context":{"uri":"spotify:playlist:p"}})",
          r),
      "");
  EXPECT_EQ(r.played_at_ms, 1695397413750);
  EXPECT_EQ(r.track_id, "abc");
  EXPECT_EQ(r.duration_ms, 1000);
  EXPECT_EQ(r.context_uri, "spotify:playlist:p");
  EXPECT_EQ(r.content_type, ContentType::kMusic);
  ASSERT_EQ(Item(R"({"track":null,"played_at":"2023-09-22T15:43:33Z","context":null})", r), "");
  EXPECT_EQ(r.content_type, ContentType::kUnidentifiable);
  EXPECT_EQ(Item(R"({"track":{},"played_at":1695397413750})", r),
            R"("played_at" is an integer, expected a string)");
  EXPECT_EQ(Item(R"({"played_at":"2023-09-22T15:43:33Z"})", r), R"("track" is missing)");
  EXPECT_EQ(Item(R"({"track":{"duration_ms":"x"},"played_at":"2023-09-22T15:43:33Z"})", r),
            R"("track.duration_ms" is a string ("x"), expected an integer)");
  // The 2024 floats-for-ints quirk (formats.md §3.2): whole numbers pass, fractions do not.
  ASSERT_EQ(Item(R"({"track":{"id":"a","duration_ms":204053.0},"played_at":"2023-09-22T15:43:33Z"})", r), "");
  EXPECT_EQ(r.duration_ms, 204053);
  ASSERT_EQ(Item(R"({"track":{"id":"a","duration_ms":2.04053E5},"played_at":"2023-09-22T15:43:33Z"})", r), "");
  EXPECT_EQ(r.duration_ms, 204053);
  EXPECT_NE(Item(R"({"track":{"id":"a","duration_ms":1.5},"played_at":"2023-09-22T15:43:33Z"})", r), "");
}

// Property: replacing any known field of a valid record by a value of another JSON type rejects
// the record with a reason naming that field; null is accepted for every optional field.
RC_GTEST_PROP(ExtendedRecord, AnyWrongTypeIsRejectedNamingTheField, ()) {
  static const std::map<std::string, std::string> kFields = {
      {"platform", "\"android\""},
      {"conn_country", "\"SE\""},
      {"spotify_track_uri", "\"spotify:track:x\""},
      {"master_metadata_track_name", "\"T\""},
      {"reason_end", "\"trackdone\""},
      {"shuffle", "true"},
      {"skipped", "false"},
      {"offline", "false"},
      {"incognito_mode", "false"},
      {"offline_timestamp", "1679249719"},
      {"username", "\"u\""},
      {"ip_addr", "\"x\""},
      {"audiobook_uri", "null"},
      {"episode_name", "null"}};
  static const std::vector<std::string> kValues = {"\"s\"", "12", "1.5", "true", "[]", "{}"};
  const auto field = *rc::gen::elementOf(std::vector<std::string>{
      "platform", "conn_country", "spotify_track_uri", "master_metadata_track_name", "reason_end",
      "shuffle", "skipped", "offline", "incognito_mode", "offline_timestamp", "username", "ip_addr",
      "audiobook_uri", "episode_name"});
  const auto value = *rc::gen::elementOf(kValues);
  std::string json = R"({"ts":"2020-02-02T02:02:02Z","ms_played":100)";
  for (const auto& [k, v] : kFields) json += ",\"" + k + "\":" + (k == field ? value : v);
  json += "}";
  ExtendedRecord r;
  const std::string reason = Extended(json, r);
  const bool is_bool =
      field == "shuffle" || field == "skipped" || field == "offline" || field == "incognito_mode";
  const bool fits = is_bool                        ? value == "true"
                    : field == "offline_timestamp" ? value == "12"
                                                   : value == "\"s\"";
  if (fits) {
    RC_ASSERT(reason.empty());
  } else {
    RC_ASSERT(reason.find("\"" + field + "\"") == 0);
  }
}

}  // namespace
}  // namespace uw::spotify_export
