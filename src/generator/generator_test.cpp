// End-to-end tests of Generate(): layout, schema vintages and the quirks of real exports.
#include "generator/generator.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/civil_time.h"
#include "core/error.h"
#include "generator/export_fixture_test.h"

namespace uw::generator {
namespace {

using test::Export100k;
using test::Str;

const std::vector<std::string> kVintageA = {"ts",
                                            "username",
                                            "platform",
                                            "ms_played",
                                            "conn_country",
                                            "ip_addr_decrypted",
                                            "user_agent_decrypted",
                                            "master_metadata_track_name",
                                            "master_metadata_album_artist_name",
                                            "master_metadata_album_album_name",
                                            "spotify_track_uri",
                                            "episode_name",
                                            "episode_show_name",
                                            "spotify_episode_uri",
                                            "reason_start",
                                            "reason_end",
                                            "shuffle",
                                            "skipped",
                                            "offline",
                                            "offline_timestamp",
                                            "incognito_mode"};
const std::vector<std::string> kVintageB = {"ts",
                                            "platform",
                                            "ms_played",
                                            "conn_country",
                                            "ip_addr",
                                            "master_metadata_track_name",
                                            "master_metadata_album_artist_name",
                                            "master_metadata_album_album_name",
                                            "spotify_track_uri",
                                            "episode_name",
                                            "episode_show_name",
                                            "spotify_episode_uri",
                                            "reason_start",
                                            "reason_end",
                                            "shuffle",
                                            "skipped",
                                            "offline",
                                            "offline_timestamp",
                                            "incognito_mode"};

std::vector<std::string> VintageC() {
  std::vector<std::string> keys = kVintageB;
  const auto at = std::find(keys.begin(), keys.end(), "reason_start");
  keys.insert(
      at, {"audiobook_title", "audiobook_uri", "audiobook_chapter_uri", "audiobook_chapter_title"});
  return keys;
}

std::vector<std::string> Keys(simdjson::dom::object o) {
  std::vector<std::string> keys;
  for (const auto field : o) keys.emplace_back(field.key);
  return keys;
}

TEST(GeneratorLayoutTest, WritesTheDocumentedFolders) {
  const auto& e = Export100k();
  EXPECT_EQ(e.summary.export_dir, e.dir.path() / "export");
  EXPECT_EQ(e.summary.truth_dir, e.dir.path() / "truth");
  for (const char* f :
       {"music_plays.jsonl", "podcast_plays.jsonl", "summary.json", "generator_manifest.json"}) {
    EXPECT_TRUE(std::filesystem::is_regular_file(e.summary.truth_dir / f)) << f;
  }
  EXPECT_FALSE(test::FilesWithPrefix(e.extended_dir(), "endsong_").empty());
  EXPECT_FALSE(test::FilesWithPrefix(e.extended_dir(), "Streaming_History_Audio_").empty());
  EXPECT_EQ(test::FilesWithPrefix(e.extended_dir(), "Streaming_History_Video_").size(),
            2u);  // vintages B and C
  EXPECT_EQ(uw::testing::ReadFile(e.extended_dir() / "ReadMeFirst_ExtendedStreamingHistory.pdf")
                .rfind("%PDF-1.4", 0),
            0u);
  EXPECT_EQ(uw::testing::ReadFile(e.account_dir() / "Read_Me_First.pdf").rfind("%PDF-1.4", 0), 0u);
  for (const char* f : {"StreamingHistory_music_0.json", "StreamingHistory_podcast_0.json",
                        "StreamingHistory_audiobook_0.json", "YourLibrary.json", "Playlist1.json",
                        "SearchQueries.json"}) {
    EXPECT_TRUE(std::filesystem::is_regular_file(e.account_dir() / f)) << f;
  }
  const auto polls = test::FilesWithPrefix(e.api_dir(), "recently_played_");
  EXPECT_GE(polls.size(), 60u);  // about hourly over three days
  EXPECT_EQ(e.summary.api_files, static_cast<int64_t>(polls.size()));
  // Nothing outside the export is an input: the truth is beside it, not in it.
  for (const auto& f : test::ListFiles(e.summary.export_dir))
    EXPECT_EQ(f.find("truth"), std::string::npos) << f;
}

TEST(GeneratorVintageTest, EachVintageHasItsKeysInSpotifysOrder) {
  const auto& e = Export100k();
  simdjson::dom::parser parser;
  std::map<std::string, int> files_per_layout;
  for (const auto& path : test::FilesWithPrefix(e.extended_dir(), "")) {
    if (path.extension() != ".json") continue;
    const std::string name = path.filename().string();
    const simdjson::dom::array records = parser.load(path.string()).get_array();
    std::set<std::vector<std::string>> layouts;
    for (const auto r : records) layouts.insert(Keys(r.get_object()));
    ASSERT_EQ(layouts.size(), 1u) << name << ": one vintage per file";
    const auto& keys = *layouts.begin();
    if (name.rfind("endsong_", 0) == 0) {
      EXPECT_EQ(keys, kVintageA) << name;
      ++files_per_layout["A"];
    } else if (keys.size() == 19) {
      EXPECT_EQ(keys, kVintageB) << name;
      ++files_per_layout["B"];
    } else {
      EXPECT_EQ(keys, VintageC()) << name;
      ++files_per_layout["C"];
    }
  }
  EXPECT_GE(files_per_layout["A"], 2);
  EXPECT_GE(files_per_layout["B"], 2);
  EXPECT_GE(files_per_layout["C"], 2);
}

// Flags for every quirk of formats.md §2 that must appear somewhere in the extended files.
struct ExtendedQuirks {
  std::map<std::string, int64_t> seen;
  void Note(const std::string& what) { ++seen[what]; }
};

void InspectRecord(simdjson::dom::object r, ExtendedQuirks& q) {
  const auto ots = r["offline_timestamp"];
  if (ots.is_null())
    q.Note("offline_timestamp null");
  else if (int64_t(ots.get_int64()) == 0)
    q.Note("offline_timestamp 0");
  else if (int64_t(ots.get_int64()) == 1)
    q.Note("offline_timestamp 1");
  else if (int64_t(ots.get_int64()) > 100000000000)
    q.Note("offline_timestamp ms");
  else
    q.Note("offline_timestamp s");
  if (r["reason_start"].is_null() || Str(r["reason_start"]).empty()) q.Note("reason_start empty");
  if (r["reason_end"].is_null()) q.Note("reason_end null");
  if (r["skipped"].is_null())
    q.Note("skipped null");
  else if (bool(r["skipped"].get_bool()))
    q.Note("skipped true");
  if (int64_t(r["ms_played"].get_int64()) == 0) q.Note("ms_played 0");
  if (bool(r["incognito_mode"].get_bool())) q.Note("incognito");
  const std::string platform = Str(r["platform"]);
  q.Note(platform.find(' ') == std::string::npos ? "platform coarse" : "platform detailed");
  const bool track = !r["spotify_track_uri"].is_null(),
             episode = !r["spotify_episode_uri"].is_null();
  const auto book = r["audiobook_uri"];
  const bool audiobook = book.error() == simdjson::SUCCESS && !book.is_null();
  if (!track && !episode && !audiobook) {
    q.Note(r["master_metadata_track_name"].is_null() ? "no identity" : "local file");
  }
  if (audiobook) q.Note("audiobook");
  if (episode) q.Note("episode");
  const std::string names =
      Str(r["master_metadata_track_name"]) + Str(r["master_metadata_album_artist_name"]);
  if (names.find("\xF0\x9F") != std::string::npos) q.Note("emoji");
  if (names.find("\xE3\x81") != std::string::npos || names.find("\xEC") != std::string::npos)
    q.Note("cjk");
  const std::string addr =
      Str(r["ip_addr"].error() == simdjson::SUCCESS ? r["ip_addr"].value()
                                                    : r["ip_addr_decrypted"].value());
  const bool documentation = addr.rfind("192.0.2.", 0) == 0 || addr.rfind("198.51.100.", 0) == 0 ||
                             addr.rfind("203.0.113.", 0) == 0 || addr.rfind("2001:db8:", 0) == 0;
  q.Note(documentation ? "ip documentation range" : "ip elsewhere");
  if (addr.find(':') != std::string::npos) q.Note("ipv6");
  if (r["username"].error() == simdjson::SUCCESS) q.Note("username");
  if (r["user_agent_decrypted"].error() == simdjson::SUCCESS &&
      Str(r["user_agent_decrypted"]).find("Mozilla%2F") == 0) {
    q.Note("user agent");
  }
}

TEST(GeneratorVintageTest, EveryQuirkOfRealExportsIsPresent) {
  const auto& e = Export100k();
  simdjson::dom::parser parser;
  ExtendedQuirks q;
  int sorted_files = 0, unsorted_files = 0;
  std::map<std::string, int64_t> text_copies;  // exact duplicate records
  std::map<std::pair<std::string, std::string>, std::set<int64_t>>
      same_second;  // (ts, uri) -> ms values
  for (const auto& path : test::FilesWithPrefix(e.extended_dir(), "")) {
    if (path.extension() != ".json") continue;
    const simdjson::dom::array records = parser.load(path.string()).get_array();
    std::string previous_ts;
    bool sorted = true;
    std::set<int> years;
    for (const auto r : records) {
      InspectRecord(r.get_object(), q);
      const std::string ts = Str(r["ts"]);
      sorted &= previous_ts <= ts;
      previous_ts = ts;
      years.insert(std::stoi(ts.substr(0, 4)));
      ++text_copies[path.filename().string().substr(0, 7) + simdjson::minify(r)];
      if (!r["spotify_track_uri"].is_null())
        same_second[{ts, Str(r["spotify_track_uri"])}].insert(int64_t(r["ms_played"].get_int64()));
    }
    (sorted ? sorted_files : unsorted_files)++;
    if (path.filename().string().rfind("endsong_", 0) == 0) {
      EXPECT_GE(years.size(), 4u) << "endsong files mix the years";
    }
  }
  for (const char* quirk : {"offline_timestamp null",
                            "offline_timestamp 0",
                            "offline_timestamp 1",
                            "offline_timestamp ms",
                            "offline_timestamp s",
                            "reason_start empty",
                            "reason_end null",
                            "skipped null",
                            "skipped true",
                            "ms_played 0",
                            "incognito",
                            "platform coarse",
                            "platform detailed",
                            "no identity",
                            "local file",
                            "audiobook",
                            "episode",
                            "emoji",
                            "cjk",
                            "ip documentation range",
                            "ipv6",
                            "username",
                            "user agent"}) {
    EXPECT_GT(q.seen[quirk], 0) << quirk;
  }
  EXPECT_EQ(q.seen["ip elsewhere"], 0) << "every address must come from a documentation range";
  EXPECT_GT(sorted_files, 0);
  EXPECT_GT(unsorted_files, 0);
  int64_t exact = 0;
  for (const auto& [text, n] : text_copies) exact += n - 1;
  EXPECT_GT(exact, 100) << "exact duplicate records";
  int64_t same_ts_distinct = 0;
  for (const auto& [key, ms] : same_second) same_ts_distinct += ms.size() > 1;
  EXPECT_GT(same_ts_distinct, 50) << "same ts and track, different ms_played";
}

TEST(GeneratorVintageTest, OverlappingVintagesHoldTheSamePlays) {
  const auto& e = Export100k();
  simdjson::dom::parser parser;
  // A play from 2019-05 (inside the A/B overlap) appears in an endsong file and a B file.
  std::map<std::string, std::set<std::string>> vintages_of;  // ts|uri|ms -> file kinds
  for (const auto& path : test::FilesWithPrefix(e.extended_dir(), "")) {
    if (path.extension() != ".json" || path.filename().string().find("Video") != std::string::npos)
      continue;
    const std::string kind = path.filename().string().rfind("endsong_", 0) == 0 ? "A" : "BC";
    for (const auto r : parser.load(path.string()).get_array()) {
      const std::string ts = Str(r["ts"]);
      if (ts < "2019-04-01" || ts >= "2019-10-01" || r["spotify_track_uri"].is_null()) continue;
      vintages_of[ts + Str(r["spotify_track_uri"]) +
                  std::to_string(int64_t(r["ms_played"].get_int64()))]
          .insert(kind);
    }
  }
  ASSERT_GT(vintages_of.size(), 1000u);
  for (const auto& [key, kinds] : vintages_of) EXPECT_EQ(kinds.size(), 2u) << key;
}

TEST(GeneratorDeterminismTest, SameOptionsGiveIdenticalBytes) {
  uw::testing::TempDir a, b, c;
  GeneratorOptions o;
  o.events = 15000;
  o.seed = 7;
  o.account_zone = "Europe/Berlin";
  o.out = a.path();
  Generate(o);
  o.out = b.path();
  Generate(o);
  o.seed = 8;
  o.out = c.path();
  Generate(o);
  const auto files = test::ListFiles(a.path());
  ASSERT_EQ(files, test::ListFiles(b.path()));
  ASSERT_GT(files.size(), 80u);
  for (const auto& f : files) {
    EXPECT_EQ(uw::testing::ReadFile(a / f), uw::testing::ReadFile(b / f)) << f;
  }
  EXPECT_NE(uw::testing::ReadFile(a / "truth/music_plays.jsonl"),
            uw::testing::ReadFile(c / "truth/music_plays.jsonl"));
}

// The account zone changes the account files only; the listening is the same in every zone
// without summer time.
TEST(GeneratorDeterminismTest, AccountZoneOnlyChangesAccountTimes) {
  uw::testing::TempDir utc, tokyo;
  GeneratorOptions o;
  o.events = 8000;
  o.out = utc.path();
  Generate(o);
  o.account_zone = "Asia/Tokyo";
  o.out = tokyo.path();
  Generate(o);
  for (const auto& f : test::ListFiles(utc / "export")) {
    const bool account = f.find("StreamingHistory_") != std::string::npos;
    const bool same =
        uw::testing::ReadFile(utc / "export" / f) == uw::testing::ReadFile(tokyo / "export" / f);
    EXPECT_EQ(same, !account) << f;
  }
}

TEST(GeneratorZipTest, ZipsReplaceTheFoldersAndAreDeterministic) {
  uw::testing::TempDir a, b;
  GeneratorOptions o;
  o.events = 3000;
  o.zip = true;
  o.out = a.path();
  const GeneratorSummary s = Generate(o);
  o.out = b.path();
  Generate(o);
  ASSERT_EQ(s.zips.size(), 2u);
  EXPECT_FALSE(std::filesystem::exists(a / "export/Spotify Account Data"));
  EXPECT_FALSE(std::filesystem::exists(a / "export/Spotify Extended Streaming History"));
  EXPECT_TRUE(std::filesystem::is_directory(a / "export/recently_played"));
  for (const char* zip : {"export/my_spotify_data.zip", "export/my_spotify_data_extended.zip"}) {
    const std::string bytes = uw::testing::ReadFile(a / zip);
    EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4)) << zip;
    EXPECT_EQ(bytes, uw::testing::ReadFile(b / zip)) << zip;
  }
  const std::string account = uw::testing::ReadFile(a / "export/my_spotify_data.zip");
  EXPECT_NE(account.find("Spotify Account Data/StreamingHistory_music_0.json"), std::string::npos);
  const std::string extended = uw::testing::ReadFile(a / "export/my_spotify_data_extended.zip");
  EXPECT_NE(extended.find("Spotify Extended Streaming History/endsong_0.json"), std::string::npos);
}

TEST(GeneratorOptionsTest, RejectsBadOptions) {
  uw::testing::TempDir dir;
  GeneratorOptions o;
  o.out = dir.path();
  o.events = 0;
  try {
    Generate(o);
    FAIL() << "events 0 accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
  }
  o.events = 500;
  o.account_zone = "Mars/Olympus_Mons";
  EXPECT_THROW(Generate(o), Error);
  o.account_zone = "UTC";
  Generate(o);
  try {
    Generate(o);
    FAIL() << "an existing export was overwritten without overwrite";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUsage);
    EXPECT_NE(std::string(e.what()).find("--force"), std::string::npos);
  }
  o.overwrite = true;
  EXPECT_GT(Generate(o).plays, 400);
}

}  // namespace
}  // namespace uw::generator
