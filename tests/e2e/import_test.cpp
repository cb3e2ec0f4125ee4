// End-to-end: the real `unwrapped import` on fixture exports, bad inputs and hostile ZIPs.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>

#include "sources/spotify_export/test_zip.h"
#include "testing/lake_runs.h"
#include "testing/testing.h"

namespace uw {
namespace {

namespace fs = std::filesystem;
using spotify_export::testing::BuildTestZip;
using spotify_export::testing::StoredEntry;
using testing::ReadFile;
using testing::RunUnwrapped;
using testing::TempDir;
using testing::WriteFile;

fs::path Fixtures() { return testing::SourceDir() / "tests/data/spotify_export"; }

std::vector<std::string> ImportArgs(const fs::path& lake, std::vector<std::string> paths,
                                    bool json = false) {
  std::vector<std::string> rest;
  if (json) rest.push_back("--json");
  rest.push_back("import");
  rest.insert(rest.end(), paths.begin(), paths.end());
  return testing::LakeArgs(lake, std::move(rest));
}

// Every file under `root`, relative path -> bytes.
std::map<std::string, std::string> Tree(const fs::path& root) {
  std::map<std::string, std::string> out;
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), root).string()] = ReadFile(e.path());
  }
  return out;
}

// The receipt JSON printed by --json, parsed; per-file checks of the accounting invariant.
class ReceiptJson {
 public:
  explicit ReceiptJson(const std::string& text) : text_(text) {
    root_ = parser_.parse(text_).value();
  }
  simdjson::dom::element root() const { return root_; }
  // Named locals: range-for over simdjson_result<…>::value() of a temporary would dangle.
  simdjson::dom::array Files() const {
    simdjson::dom::array files;
    EXPECT_FALSE(root_["files"].get(files));
    return files;
  }
  uint64_t Total(std::string_view key) const { return root_["totals"][key].get_uint64().value(); }
  simdjson::dom::element File(std::string_view name_suffix) const {
    for (auto f : Files()) {
      const std::string_view name = f["name"].get_string().value();
      if (name.size() >= name_suffix.size() &&
          name.substr(name.size() - name_suffix.size()) == name_suffix)
        return f;
    }
    throw std::runtime_error("no file " + std::string(name_suffix));
  }
  void ExpectEveryRecordAccountedFor() const {
    for (auto f : Files()) {
      uint64_t sum = f["rejected_records"].get_uint64().value();
      simdjson::dom::object counts;
      EXPECT_FALSE(f["by_content_type"].get(counts));
      for (auto field : counts) sum += field.value.get_uint64().value();
      EXPECT_EQ(f["records_total"].get_uint64().value(), sum) << f["name"].get_string().value();
    }
  }

 private:
  std::string text_;
  simdjson::dom::parser parser_;
  simdjson::dom::element root_;
};

std::vector<std::string> GoodInputs() {
  return {(Fixtures() / "extended").string(), (Fixtures() / "account").string(),
          (Fixtures() / "account_legacy").string(), (Fixtures() / "api").string()};
}

TEST(ImportE2E, FixturesLandWithAReceipt) {
  TempDir dir;
  const auto run = RunUnwrapped(ImportArgs(dir / "lake", GoodInputs(), true));
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  const ReceiptJson receipt(run.out);
  receipt.ExpectEveryRecordAccountedFor();
  EXPECT_EQ(receipt.Total("landed"), 13u);
  EXPECT_EQ(receipt.Total("ignored"), 1u);
  EXPECT_EQ(receipt.Total("records_total"), 29u);
  EXPECT_EQ(receipt.File("endsong_0.json")["vintage"].get_string().value(), "A");
  EXPECT_EQ(receipt.File("Streaming_History_Audio_2024_0.json")["vintage"].get_string().value(),
            "B");
  EXPECT_EQ(receipt.File("Streaming_History_Audio_2025_0.json")["vintage"].get_string().value(),
            "C");
  EXPECT_EQ(receipt.File("Streaming_History_Video_2025.json")["kind"].get_string().value(),
            "extended_video");
  EXPECT_EQ(receipt.File("StreamingHistory0.json")["vintage"].get_string().value(), "legacy");
  EXPECT_EQ(receipt.File("StreamingHistory_music_0.json")["time_note"].get_string().value(),
            "account times as written; zone undecided");
  // Bronze holds the input bytes unchanged, under the keys the receipt names.
  for (auto f : receipt.Files()) {
    if (f["status"].get_string().value() != "landed") continue;
    const std::string key(f["bronze_key"].get_string().value());
    EXPECT_EQ(ReadFile(dir / "lake" / key), ReadFile(std::string(f["name"].get_string().value())))
        << key;
  }
  const std::string id(receipt.root()["id"].get_string().value());
  EXPECT_TRUE(fs::exists(dir / "lake/_state/receipts" / (id + ".json")));
}

TEST(ImportE2E, SecondImportChangesNothingInBronze) {
  TempDir dir;
  ASSERT_EQ(RunUnwrapped(ImportArgs(dir / "lake", GoodInputs())).exit_code, 0);
  const auto before = Tree(dir / "lake/bronze");
  const auto again = RunUnwrapped(ImportArgs(dir / "lake", GoodInputs()));
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_EQ(Tree(dir / "lake/bronze"), before);
  EXPECT_NE(again.out.find("Files: 14 (0 landed, 13 already in bronze, 0 rejected, 1 ignored)"),
            std::string::npos)
      << again.out;
  // Every file's row says so (the notes only summarise when many files were already there).
  EXPECT_NE(again.out.find("already in bronze extended_audio    A"), std::string::npos)
      << again.out;
  EXPECT_NE(again.out.find("13 files were already in bronze"), std::string::npos) << again.out;
}

TEST(ImportE2E, BadInputsAreNamedAndTheGoodOnesLand) {
  TempDir dir;
  const auto run =
      RunUnwrapped(ImportArgs(dir / "lake", {(Fixtures() / "bad").string(),
                                             (Fixtures() / "extended/endsong_0.json").string()}));
  EXPECT_EQ(run.exit_code, 3) << run.out << run.err;
  for (const char* line : {
           "bad/truncated.json: truncated JSON (the file ends before the document is closed)",
           "bad/trailing.json: more than one JSON document in the file (data after the end of the "
           "first)",
           "bad/empty.json: file is empty",
           "bad/latin1.json: not valid UTF-8",
           "bad/single_play.json: a single JSON object holding one play; an export file is an "
           "array of plays",
           "bad/wrapped_plays.json: a JSON object holding 2 plays under \"data\"",
           "bad/Streaming_History_Audio_2019_1.json: record 2: \"ms_played\" is a string "
           "(\"123\"), expected an integer",
           "bad/Streaming_History_Audio_2019_1.json: record 5: \"shuffle\" is a string (\"yes\"), "
           "expected a boolean",
       }) {
    EXPECT_NE(run.out.find(line), std::string::npos) << line << "\n" << run.out;
  }
  const auto bronze = Tree(dir / "lake/bronze/spotify_export");
  EXPECT_EQ(bronze.size(), 3u);  // endsong_0, the partly bad file (whole, raw) and the BOM file
  size_t found = 0;
  for (const auto& [key, bytes] : bronze) {
    if (key.find("endsong_0.json") != std::string::npos) {
      EXPECT_EQ(bytes, ReadFile(Fixtures() / "extended/endsong_0.json"));
      ++found;
    }
  }
  EXPECT_EQ(found, 1u);
}

TEST(ImportE2E, HostileZipEntriesAreRejectedByName) {
  TempDir dir;
  const std::string good = ReadFile(Fixtures() / "extended/Streaming_History_Audio_2024_0.json");
  const std::string other = ReadFile(Fixtures() / "extended/Streaming_History_Audio_2025_0.json");
  const std::string inner = BuildTestZip(
      {StoredEntry("Streaming_History_Video_2025.json",
                   ReadFile(Fixtures() / "extended/Streaming_History_Video_2025.json"))});
  WriteFile(dir / "in/my_spotify_data.zip",
            BuildTestZip({StoredEntry("../../evil.json", good), StoredEntry("/tmp/evil.json", good),
                          StoredEntry("x/Streaming_History_Audio_2024_0.json", good),
                          StoredEntry("x/Streaming_History_Audio_2024_0.json", other),
                          StoredEntry("nested.zip", inner)}));
  const auto run = RunUnwrapped(ImportArgs(dir / "lake", {(dir / "in").string()}, true));
  EXPECT_EQ(run.exit_code, 3) << run.out << run.err;
  const ReceiptJson receipt(run.out);
  EXPECT_EQ(receipt.Total("rejected"), 2u);
  EXPECT_EQ(receipt.Total("landed"), 3u);  // both same-name entries, and the nested file
  EXPECT_EQ(receipt.File("!../../evil.json")["message"].get_string().value(),
            "unsafe path in the archive (absolute or \"..\"); not extracted");
  EXPECT_EQ(
      receipt.File("!nested.zip!Streaming_History_Video_2025.json")["kind"].get_string().value(),
      "extended_video");
  EXPECT_FALSE(fs::exists(dir / "evil.json"));
  EXPECT_FALSE(fs::exists("/tmp/evil.json"));
  EXPECT_EQ(Tree(dir / "lake/bronze").size(), 3u);
}

TEST(ImportE2E, NothingUsableExitsOne) {
  TempDir dir;
  const auto run =
      RunUnwrapped(ImportArgs(dir / "lake", {(Fixtures() / "account/Read_Me_First.pdf").string()}));
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("Read_Me_First.pdf: a PDF document (ignored)"), std::string::npos)
      << run.out;
}

TEST(ImportE2E, MissingArgumentIsAUsageError) {
  TempDir dir;
  EXPECT_EQ(RunUnwrapped({"--lake", (dir / "lake").string(), "import"}).exit_code, 2);
}

TEST(ImportE2E, SharedSamplesImportWithEveryRecordAccountedFor) {
  UW_REQUIRE_SHARED(shared);
  TempDir dir;
  const fs::path s = shared / "samples";
  const auto run = RunUnwrapped(ImportArgs(
      dir / "lake",
      {(s / "listenbrainz-server/spotify_streaming_2023.json").string(),
       (s / "listenbrainz-server/spotify_streaming_endsong_0.json").string(),
       (s / "listenbrainz-server/spotify_skipped_tracks.json").string(),
       (s / "listenbrainz-server/spotify_recently_played_submitted.json").string(),
       (s / "zmb3-spotify/player_recently_played.txt").string(),
       (s / "spotify-web-api-java/GetCurrentUsersRecentlyPlayedTracksRequest.json").string()},
      true));
  EXPECT_EQ(run.exit_code, 3) << run.out
                              << run.err;  // one record of spotify_skipped_tracks has no ms_played
  const ReceiptJson receipt(run.out);
  receipt.ExpectEveryRecordAccountedFor();
  EXPECT_EQ(receipt.Total("landed"), 6u);
  EXPECT_EQ(receipt.Total("records_total"), 5u + 5 + 15 + 1 + 20 + 2);
  EXPECT_EQ(receipt.Total("rejected_records"), 1u);
  EXPECT_EQ(receipt.File("player_recently_played.txt")["bronze_key"].get_string().value().rfind(
                "bronze/spotify_api/recently_played/year=2017/month=05/day=27/1495915674721-", 0),
            0u);
}

}  // namespace
}  // namespace uw
