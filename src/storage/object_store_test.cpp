// The ObjectStore contract, run against every implementation.
#include "storage/object_store.h"

#include <gtest/gtest.h>

#include <thread>

#include <unistd.h>

#include "core/error.h"
#include "storage/local_store.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::storage {
namespace {

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "local") {
      store_ = std::make_unique<LocalStore>(dir_.path() / "lake");
    } else {
      store_ = std::make_unique<MemoryStore>("contract-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    }
  }
  uw::testing::TempDir dir_;
  std::unique_ptr<ObjectStore> store_;
};

TEST_P(StoreContract, PutGetStatDelete) {
  EXPECT_FALSE(store_->Exists("a/b.json"));
  store_->Put("a/b.json", "hello");
  EXPECT_EQ(store_->Get("a/b.json"), "hello");
  EXPECT_EQ(store_->Stat("a/b.json")->size_bytes, 5u);
  store_->Put("a/b.json", "replaced");
  EXPECT_EQ(store_->Get("a/b.json"), "replaced");
  EXPECT_EQ(store_->GetRange("a/b.json", 2, 3), "pla");
  EXPECT_THROW(store_->GetRange("a/b.json", 5, 10), Error);
  EXPECT_TRUE(store_->Delete("a/b.json"));
  EXPECT_FALSE(store_->Delete("a/b.json"));
  try {
    store_->Get("a/b.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  }
}

TEST_P(StoreContract, PutIfAbsentNeverOverwrites) {
  EXPECT_TRUE(store_->PutIfAbsent("log/0.json", "first"));
  EXPECT_FALSE(store_->PutIfAbsent("log/0.json", "second"));
  EXPECT_EQ(store_->Get("log/0.json"), "first");
}

TEST_P(StoreContract, PutIfAbsentHasOneWinnerUnderRaces) {
  std::atomic<int> winners{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      if (store_->PutIfAbsent("race/key", std::to_string(i))) ++winners;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(winners.load(), 1);
}

TEST_P(StoreContract, ListIsSortedAndPrefixFiltered) {
  store_->Put("bronze/x/2.json", "2");
  store_->Put("bronze/x/1.json", "1");
  store_->Put("bronze/y/1.json", "1");
  store_->Put("bronzed/1.json", "1");
  const auto all = store_->List("bronze/");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].key, "bronze/x/1.json");
  EXPECT_EQ(all[2].key, "bronze/y/1.json");
  EXPECT_EQ(store_->List("bronze/x/").size(), 2u);
  EXPECT_EQ(store_->List("nothing/").size(), 0u);
  EXPECT_EQ(store_->List("bronze").size(), 4u);
}

INSTANTIATE_TEST_SUITE_P(All, StoreContract, ::testing::Values("local", "memory"));

TEST(LocalStore, TemporaryFilesAreNeverListedAndKeysCannotEscape) {
  uw::testing::TempDir dir;
  LocalStore store(dir.path());
  uw::testing::WriteFile(dir / "t/.tmp-123-x.json", "partial");
  store.Put("t/real.json", "x");
  const auto listed = store.List("t/");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].key, "t/real.json");
  EXPECT_THROW(store.Put("../outside", "x"), Error);
  EXPECT_THROW(store.Put("/abs", "x"), Error);
}

TEST(LocalStore, RemovesOnlyTemporariesWhoseWriterIsGone) {
  testing::TempDir dir;
  LocalStore store(dir.path());
  store.Put("t/year=2024/month=1/part-a.parquet", "data");
  // pid 2^22+1 is above the kernel's pid_max limit, so no such process can exist.
  const auto dead = dir.path() / "t/year=2024/month=1/.tmp-4194305-0-1-part-b.parquet.partial";
  const auto live = dir.path() / ("t/year=2024/month=1/.tmp-" + std::to_string(::getpid()) +
                                  "-0-1-part-c.parquet.partial");
  testing::WriteFile(dead, "half");
  testing::WriteFile(live, "writing");
  EXPECT_EQ(store.RemoveAbandonedTemporaries("t/"), 1u);
  EXPECT_FALSE(std::filesystem::exists(dead));
  EXPECT_TRUE(std::filesystem::exists(live));
  EXPECT_TRUE(store.Exists("t/year=2024/month=1/part-a.parquet"));
}

// A few writes are synced file by file (and their folders), many with one syncfs; either way,
// what was written and later removed again, file or whole folder, is no error.
TEST(LocalStore, SyncCopesWithFewAndManyWritesAndWithWhatIsGoneSince) {
  testing::TempDir dir;
  LocalStore store(dir.path() / "lake");
  store.Put("a/year=2024/month=1/part-a.parquet", "a");
  EXPECT_TRUE(store.PutIfAbsent("a/_delta_log/00000000000000000000.json", "{}"));
  store.Put("b/gone.json", "x");
  EXPECT_TRUE(store.Delete("b/gone.json"));
  store.Put("c/deep/folder/file.json", "y");
  std::filesystem::remove_all(dir.path() / "lake/c");
  EXPECT_NO_THROW(store.Sync());
  EXPECT_NO_THROW(store.Sync());  // nothing pending
  for (int i = 0; i < 100; ++i) store.Put("many/" + std::to_string(i) + ".json", "z");
  EXPECT_NO_THROW(store.Sync());
  EXPECT_EQ(store.Get("a/year=2024/month=1/part-a.parquet"), "a");
  EXPECT_EQ(store.List("many/").size(), 100u);
}

TEST(OpenStore, ChoosesByScheme) {
  uw::testing::TempDir dir;
  EXPECT_EQ(OpenStore("memory://x")->Url(), "memory://x");
  EXPECT_EQ(OpenStore("file://" + dir.path().string())->Url(), "file://" + dir.path().string());
  EXPECT_TRUE(OpenStore((dir / "plain").string())->LocalRoot().has_value());
  EXPECT_THROW(OpenStore("s3://bucket/x"), Error);
}

}  // namespace
}  // namespace uw::storage

namespace uw::storage {
namespace {

TEST_P(StoreContract, PutIfAbsentFromFileLandsTheBytes) {
  uw::testing::WriteFile(dir_ / "input.json", "[1,2,3]");
  EXPECT_TRUE(store_->PutIfAbsentFromFile("copy/input.json", dir_ / "input.json", "[1,2,3]"));
  EXPECT_EQ(store_->Get("copy/input.json"), "[1,2,3]");
  EXPECT_FALSE(store_->PutIfAbsentFromFile("copy/input.json", dir_ / "input.json", "[1,2,3]"));
}

TEST_P(StoreContract, PutIfAbsentFromFileTrustsTheBytesOverAChangedFile) {
  // The file changed after it was read and hashed: the hashed bytes are what lands.
  uw::testing::WriteFile(dir_ / "input.json", "[1,2,3,4]");
  EXPECT_TRUE(store_->PutIfAbsentFromFile("copy/a.json", dir_ / "input.json", "[1,2,3]"));
  EXPECT_EQ(store_->Get("copy/a.json"), "[1,2,3]");
  EXPECT_TRUE(store_->PutIfAbsentFromFile("copy/b.json", dir_ / "missing.json", "[9]"));
  EXPECT_EQ(store_->Get("copy/b.json"), "[9]");
}

}  // namespace
}  // namespace uw::storage
