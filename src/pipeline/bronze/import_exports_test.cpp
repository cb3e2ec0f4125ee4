#include "pipeline/bronze/import_exports.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>

#include "core/error.h"
#include "core/lake_paths.h"
#include "sources/spotify_export/test_zip.h"
#include "storage/local_store.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::bronze {
namespace {

namespace fs = std::filesystem;
using spotify_export::ContentType;
using spotify_export::testing::BuildTestZip;
using spotify_export::testing::DeflatedEntry;
using spotify_export::testing::StoredEntry;
using uw::testing::ReadFile;
using uw::testing::TempDir;
using uw::testing::WriteFile;

fs::path Fixtures() { return uw::testing::SourceDir() / "tests/data/spotify_export"; }

std::string UniqueName() {
  static std::atomic<int> n{0};
  return "import-test-" + std::to_string(n++);
}

// Every object in the store, key -> bytes.
std::map<std::string, std::string> Snapshot(const storage::ObjectStore& lake,
                                            std::string_view prefix) {
  std::map<std::string, std::string> out;
  for (const auto& info : lake.List(prefix)) out[info.key] = lake.Get(info.key);
  return out;
}

const FileEntry& Find(const Receipt& r, std::string_view suffix) {
  for (const auto& f : r.files) {
    if (f.name.size() >= suffix.size() && f.name.substr(f.name.size() - suffix.size()) == suffix) {
      return f;
    }
  }
  throw std::runtime_error("no receipt entry ends with " + std::string(suffix));
}

std::vector<fs::path> GoodFixtures() {
  return {Fixtures() / "extended", Fixtures() / "account", Fixtures() / "account_legacy",
          Fixtures() / "api"};
}

void ExpectInvariant(const Receipt& r) {
  for (const auto& f : r.files) {
    EXPECT_EQ(f.records_total, f.by_content_type.Total() + f.rejected_records) << f.name;
  }
  EXPECT_EQ(r.totals.records_total, r.totals.by_content_type.Total() + r.totals.rejected_records);
}

TEST(ImportExports, FixturesLandWithEveryRecordAccountedFor) {
  storage::MemoryStore lake(UniqueName());
  const Receipt r = ImportExports(lake, GoodFixtures(), {});
  ExpectInvariant(r);
  EXPECT_EQ(ExitCodeFor(r), kExitOk);
  EXPECT_EQ(r.totals.files, 14u);
  EXPECT_EQ(r.totals.landed, 13u);
  EXPECT_EQ(r.totals.ignored, 1u);  // the PDF
  EXPECT_EQ(r.totals.rejected, 0u);
  EXPECT_EQ(r.totals.records_total, 6u + 4 + 4 + 2 + 4 + 3 + 2 + 2 + 2);
  EXPECT_EQ(r.totals.by_content_type[ContentType::kVideo], 1u);
  EXPECT_EQ(r.totals.by_content_type[ContentType::kAudiobook], 3u);
  const FileEntry& endsong = Find(r, "endsong_0.json");
  EXPECT_EQ(endsong.vintage, "A");
  EXPECT_EQ(endsong.bronze_key,
            lake::BronzeExport("extended_audio", endsong.sha256, "endsong_0.json"));
  EXPECT_EQ(Find(r, "StreamingHistory0.json").kind, "account_mixed");
  EXPECT_EQ(Find(r, "Read_Me_First.pdf").status, FileStatus::kIgnored);
  const FileEntry& api = Find(r, "recently_played.json");
  EXPECT_EQ(api.bronze_key,
            lake::BronzeRecentlyPlayed(1748772200500,
                                       "1748772200500-" + api.sha256.substr(0, 16) + ".json"));
  // The receipt is stored and reads back.
  EXPECT_EQ(ReceiptFromJson(lake.Get(lake::Receipt(r.id))).files.size(), r.files.size());
}

TEST(ImportExports, BronzeBytesEqualTheInputBytes) {
  storage::MemoryStore lake(UniqueName());
  const Receipt r = ImportExports(lake, GoodFixtures(), {});
  size_t checked = 0;
  for (const auto& f : r.files) {
    if (f.status != FileStatus::kLanded) continue;
    EXPECT_EQ(lake.Get(f.bronze_key), ReadFile(f.name)) << f.name;
    ++checked;
  }
  EXPECT_EQ(checked, 13u);
}

TEST(ImportExports, ImportingTwiceChangesNothingAndSaysSo) {
  storage::MemoryStore lake(UniqueName());
  ImportExports(lake, GoodFixtures(), {});
  const auto before = Snapshot(lake, "bronze/");
  const Receipt second = ImportExports(lake, GoodFixtures(), {});
  EXPECT_EQ(Snapshot(lake, "bronze/"), before);
  EXPECT_EQ(second.totals.landed, 0u);
  EXPECT_EQ(second.totals.already_present, 13u);
  EXPECT_EQ(Find(second, "endsong_0.json").message, "already in bronze");
  EXPECT_EQ(ExitCodeFor(second), kExitOk);
  EXPECT_EQ(lake.List(lake::kReceiptsPrefix).size(), 2u);
}

TEST(ImportExports, SameBytesUnderAnotherNameAreAlreadyPresent) {
  TempDir dir;
  storage::MemoryStore lake(UniqueName());
  const std::string bytes = ReadFile(Fixtures() / "extended/endsong_0.json");
  WriteFile(dir / "endsong_0.json", bytes);
  WriteFile(dir / "copy of endsong_0.json", bytes);
  const Receipt r = ImportExports(lake, {dir.path()}, {});
  EXPECT_EQ(r.totals.landed, 1u);
  EXPECT_EQ(r.totals.already_present, 1u);
  EXPECT_EQ(r.files[0].bronze_key, r.files[1].bronze_key);
  EXPECT_EQ(lake.List("bronze/").size(), 1u);
}

TEST(ImportExports, BadFilesNeverLoseTheGoodOnesBesideThem) {
  storage::MemoryStore lake(UniqueName());
  const Receipt r =
      ImportExports(lake, {Fixtures() / "bad", Fixtures() / "extended/endsong_0.json"}, {});
  ExpectInvariant(r);
  EXPECT_EQ(ExitCodeFor(r), kExitPartial);
  EXPECT_EQ(Find(r, "truncated.json").message,
            "truncated JSON (the file ends before the document is closed)");
  EXPECT_EQ(Find(r, "trailing.json").status, FileStatus::kRejected);
  EXPECT_EQ(Find(r, "empty.json").message, "file is empty");
  EXPECT_EQ(Find(r, "latin1.json").status, FileStatus::kRejected);
  EXPECT_EQ(Find(r, "single_play.json").status, FileStatus::kRejected);
  EXPECT_EQ(Find(r, "wrapped_plays.json").status, FileStatus::kRejected);
  const FileEntry& partial = Find(r, "Streaming_History_Audio_2019_1.json");
  EXPECT_EQ(partial.status, FileStatus::kLanded);
  EXPECT_EQ(partial.rejected_records, 3u);
  EXPECT_EQ(partial.by_content_type[ContentType::kMusic], 3u);
  EXPECT_EQ(lake.Get(partial.bronze_key), ReadFile(partial.name));  // landed whole, raw
  EXPECT_EQ(Find(r, "endsong_0.json").status, FileStatus::kLanded);
  EXPECT_EQ(Find(r, "StreamingHistory_music_9.json").status, FileStatus::kLanded);  // BOM
  EXPECT_EQ(lake.List("bronze/").size(), 3u);  // nothing from the rejected files
}

TEST(ImportExports, ZipWithEscapingEntriesLandsTheRest) {
  TempDir dir;
  const std::string good = ReadFile(Fixtures() / "extended/Streaming_History_Audio_2024_0.json");
  WriteFile(
      dir / "export.zip",
      BuildTestZip(
          {StoredEntry("../../escape.json", good),
           StoredEntry("Spotify Extended Streaming History/Streaming_History_Audio_2024_0.json",
                       good),
           StoredEntry("/abs.json", good)}));
  const fs::path lake_dir = dir / "lake";
  storage::LocalStore lake(lake_dir);
  const Receipt r = ImportExports(lake, {dir.path()}, {});
  EXPECT_EQ(ExitCodeFor(r), kExitPartial);
  ASSERT_EQ(r.files.size(), 3u);
  EXPECT_EQ(r.files[0].status, FileStatus::kRejected);
  EXPECT_NE(r.files[0].message.find("unsafe path"), std::string::npos);
  EXPECT_EQ(r.files[1].status, FileStatus::kLanded);
  EXPECT_EQ(r.files[2].status, FileStatus::kRejected);
  EXPECT_FALSE(fs::exists(dir / "escape.json"));
  EXPECT_FALSE(fs::exists(lake_dir / "escape.json"));
  EXPECT_EQ(lake.List("bronze/").size(), 1u);
  // The lake folder inside the input folder is not imported into itself.
  const Receipt again = ImportExports(lake, {dir.path()}, {});
  EXPECT_EQ(again.files.size(), 3u);
}

TEST(ImportExports, ZipBombsOversizedAndUnreadableFilesNeverStopTheRest) {
  TempDir dir;
  const std::string good = ReadFile(Fixtures() / "extended/Streaming_History_Audio_2024_0.json");
  WriteFile(dir / "in/export.zip",
            BuildTestZip({DeflatedEntry("bomb.json", std::string(16 << 20, '[')),
                          StoredEntry("big.json", "[" + std::string(9000, ' ') + "]"),
                          StoredEntry("Streaming_History_Audio_2024_0.json", good)}));
  fs::create_symlink(dir / "gone.json", dir / "in/unreadable.json");
  storage::MemoryStore lake(UniqueName());
  ImportOptions tight;
  tight.max_entry_bytes = 8000;
  const Receipt small = ImportExports(lake, {dir / "in"}, tight);
  EXPECT_EQ(Find(small, "!big.json").message,
            "entry is larger than 7.8 KiB (import_max_entry_bytes); not read further");
  const Receipt r = ImportExports(lake, {dir / "in"}, {});
  EXPECT_EQ(ExitCodeFor(r), kExitPartial);
  EXPECT_EQ(Find(r, "!bomb.json").message,
            "entry inflates more than 100x its compressed size (import_max_ratio): a ZIP bomb?");
  EXPECT_EQ(Find(r, "unreadable.json").message, "cannot open: No such file or directory");
  const FileEntry& landed = Find(r, "!Streaming_History_Audio_2024_0.json");
  EXPECT_EQ(landed.status, FileStatus::kAlreadyPresent);  // landed by the first run
  EXPECT_EQ(lake.Get(landed.bronze_key), good);
  EXPECT_EQ(landed.records_total, 4u);
}

TEST(ImportExports, NothingUsableExitsWithFailure) {
  storage::MemoryStore lake(UniqueName());
  const Receipt r = ImportExports(
      lake, {Fixtures() / "account/Read_Me_First.pdf", Fixtures() / "bad/empty.json"}, {});
  EXPECT_EQ(ExitCodeFor(r), kExitFailure);
  EXPECT_TRUE(lake.List("bronze/").empty());
  EXPECT_TRUE(lake.Exists(lake::Receipt(r.id)));  // the receipt still tells what happened
}

// Records the order of writes and syncs.
class RecordingStore final : public storage::ObjectStore {
 public:
  explicit RecordingStore(std::string name) : inner_(std::move(name)) {}
  std::string Get(std::string_view k) const override { return inner_.Get(k); }
  std::string GetRange(std::string_view k, uint64_t o, uint64_t l) const override {
    return inner_.GetRange(k, o, l);
  }
  std::optional<storage::ObjectInfo> Stat(std::string_view k) const override {
    return inner_.Stat(k);
  }
  void Put(std::string_view k, std::string_view d) override {
    Log("put " + std::string(k));
    inner_.Put(k, d);
  }
  bool PutIfAbsent(std::string_view k, std::string_view d) override {
    Log("put " + std::string(k));
    return inner_.PutIfAbsent(k, d);
  }
  std::vector<storage::ObjectInfo> List(std::string_view p) const override {
    return inner_.List(p);
  }
  bool Delete(std::string_view k) override { return inner_.Delete(k); }
  void Sync() override { Log("sync"); }
  std::string Url() const override { return inner_.Url(); }
  std::vector<std::string> log() {
    std::lock_guard lock(mutex_);
    return log_;
  }

 private:
  void Log(std::string s) {
    std::lock_guard lock(mutex_);
    log_.push_back(std::move(s));
  }
  storage::MemoryStore inner_;
  std::mutex mutex_;
  std::vector<std::string> log_;
};

TEST(ImportExports, DataIsSyncedBeforeTheReceiptIsWritten) {
  RecordingStore lake(UniqueName());
  const Receipt r = ImportExports(lake, GoodFixtures(), {});
  const auto log = lake.log();
  const auto receipt_put = std::find(log.begin(), log.end(), "put " + lake::Receipt(r.id));
  ASSERT_NE(receipt_put, log.end());
  const auto first_sync = std::find(log.begin(), log.end(), "sync");
  ASSERT_LT(first_sync, receipt_put);
  EXPECT_EQ(std::count(log.begin(), first_sync, "sync"), 0);
  EXPECT_EQ(std::count_if(log.begin(), first_sync,
                          [](const std::string& s) { return s.rfind("put bronze/", 0) == 0; }),
            13);
  EXPECT_EQ(std::count_if(first_sync, log.end(),
                          [](const std::string& s) { return s.rfind("put bronze/", 0) == 0; }),
            0);
}

TEST(ImportExports, LimitsComeFromTheOptions) {
  storage::MemoryStore lake(UniqueName());
  ImportOptions options;
  options.max_entry_bytes = 100;
  const Receipt r = ImportExports(lake, {Fixtures() / "extended/endsong_0.json"}, options);
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].message, "file is larger than 100 B (import_max_entry_bytes)");
}

}  // namespace
}  // namespace uw::bronze
