#include "delta/table_publisher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/error.h"
#include "delta/uuid.h"
#include "delta/vacuum.h"
#include "storage/local_store.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::delta {
namespace {

using parquet::ColumnType;

constexpr std::string_view kRoot = "gold/plays/";

PublishRequest Request(storage::ObjectStore& store,
                       const std::vector<std::pair<std::string, std::string>>& files) {
  PublishRequest request;
  request.table_root = std::string(kRoot);
  request.schema =
      parquet::Schema({{"n", ColumnType::kInt64, true}, {"year", ColumnType::kInt32, false}});
  request.partition_columns = {"year"};
  for (const auto& [name, year] : files) {
    const std::string key = std::string(kRoot) + "year=" + year + "/" + name;
    const std::string bytes = "data of " + name;
    store.Put(key, bytes);
    request.added.push_back({key, bytes.size(), {{"year", year}}, R"({"numRecords":1})"});
  }
  return request;
}

TEST(TablePublisher, CreatesThenOverwritesAPartition) {
  storage::MemoryStore store("publisher-overwrite-" + RandomUuid());
  EXPECT_EQ(Publish(store, Request(store, {{"a.parquet", "2023"}, {"b.parquet", "2024"}})).version,
            0);

  const auto before = ReadSnapshot(store, kRoot);
  PublishRequest overwrite = Request(store, {{"c.parquet", "2024"}});
  overwrite.replaced_keys = LiveFileKeysIn(*before, kRoot, {{{"year", "2024"}}});
  ASSERT_EQ(overwrite.replaced_keys, std::vector<std::string>{"gold/plays/year=2024/b.parquet"});
  const auto result = Publish(store, overwrite);
  EXPECT_EQ(result.version, 1);
  EXPECT_EQ(result.files_removed, 1u);

  const auto after = ReadSnapshot(store, kRoot);
  ASSERT_EQ(after->live_files.size(), 2u);
  EXPECT_EQ(after->live_files.count("year=2024/b.parquet"), 0u);
  EXPECT_EQ(after->live_files.count("year=2024/c.parquet"), 1u);
  EXPECT_FALSE(store.Exists("gold/plays/year=2024/b.parquet"));
  EXPECT_TRUE(store.Exists("gold/plays/year=2023/a.parquet"));
  const std::string log = store.Get("gold/plays/_delta_log/00000000000000000001.json");
  EXPECT_NE(log.find(R"({"remove":{"path":"year=2024/b.parquet")"), std::string::npos) << log;
  EXPECT_EQ(log.find("metaData"), std::string::npos) << "unchanged schema needs no new metaData";
}

TEST(TablePublisher, RejectsWrongSizeMissingFileAndDeadReplacement) {
  storage::MemoryStore store("publisher-checks-" + RandomUuid());
  PublishRequest request = Request(store, {{"a.parquet", "2024"}});
  request.added[0].size_bytes += 1;
  EXPECT_THROW(Publish(store, request), Error);
  request = Request(store, {{"a.parquet", "2024"}});
  request.added.push_back({"gold/plays/year=2024/missing.parquet", 1, {{"year", "2024"}}, ""});
  EXPECT_THROW(Publish(store, request), Error);
  EXPECT_FALSE(LatestVersion(store, kRoot).has_value())
      << "nothing is committed after a failed check";

  Publish(store, Request(store, {{"a.parquet", "2024"}}));
  request = Request(store, {{"b.parquet", "2024"}});
  request.replaced_keys = {"gold/plays/year=2024/not-live.parquet"};
  try {
    Publish(store, request);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
  }
}

// Threads race on one LocalStore: every publish lands in its own version, none is lost.
TEST(TablePublisher, ConcurrentAppendsNeverShareAVersion) {
  testing::TempDir dir;
  storage::LocalStore store(dir.path());
  Publish(store, Request(store, {{"seed.parquet", "2020"}}));
  constexpr int kThreads = 4, kPerThread = 5;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        try {
          Publish(store,
                  Request(store, {{"t" + std::to_string(t) + "-" + std::to_string(i) + ".parquet",
                                   "2024"}}));
        } catch (const Error&) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  const auto snapshot = ReadSnapshot(store, kRoot);
  EXPECT_EQ(snapshot->version, kThreads * kPerThread);
  EXPECT_EQ(snapshot->live_files.size(), size_t{kThreads * kPerThread + 1});
}

TEST(TablePublisher, LostRaceFailsUnderTheFailRuleAndRetriesWhenCommuting) {
  storage::MemoryStore store("publisher-race-" + RandomUuid());
  Publish(store, Request(store, {{"a.parquet", "2024"}}));
  auto stale = ReadSnapshot(store, kRoot);
  Publish(store, Request(store, {{"b.parquet", "2024"}}));  // the winner of version 1

  Commit append;
  append.adds.push_back({"year=2024/c.parquet", {{"year", "2024"}}, 1, 1, true, ""});
  Snapshot failing = *stale;
  EXPECT_THROW(CommitVersion(store, kRoot, failing, append, ConflictRule::kFail), Error);
  Snapshot commuting = *stale;
  EXPECT_EQ(CommitVersion(store, kRoot, commuting, append, ConflictRule::kCommutes), 2);
  EXPECT_EQ(ReadSnapshot(store, kRoot)->live_files.size(), 3u);

  // Two overwrites of the same file: the second must not silently duplicate the partition.
  Snapshot first = *ReadSnapshot(store, kRoot);
  Snapshot second = first;
  Commit overwrite;
  overwrite.removes.push_back({"year=2024/a.parquet", 1, true, {{"year", "2024"}}, 1});
  CommitVersion(store, kRoot, first, overwrite, ConflictRule::kCommutes);
  try {
    CommitVersion(store, kRoot, second, overwrite, ConflictRule::kCommutes);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
  }
}

TEST(TablePublisher, VacuumDeletesOnlyOldUnreferencedFiles) {
  storage::MemoryStore store("publisher-vacuum-" + RandomUuid());
  Publish(store, Request(store, {{"live.parquet", "2024"}}));
  store.Put("gold/plays/year=2024/orphan.parquet", "crashed before commit");
  store.Put("gold/plays/_tmp/x.parquet", "hidden");
  const int64_t now_ms = store.Stat("gold/plays/year=2024/orphan.parquet")->modified_ms;

  EXPECT_TRUE(VacuumUnreferenced(store, kRoot, 1, now_ms).empty()) << "too young";
  const auto deleted = VacuumUnreferenced(store, kRoot, 1, now_ms + 2 * 3'600'000);
  EXPECT_EQ(deleted, std::vector<std::string>{"gold/plays/year=2024/orphan.parquet"});
  EXPECT_TRUE(store.Exists("gold/plays/year=2024/live.parquet"));
  EXPECT_TRUE(store.Exists("gold/plays/_tmp/x.parquet"));
  EXPECT_TRUE(store.Exists("gold/plays/_delta_log/00000000000000000000.json"));

  storage::MemoryStore plain("publisher-vacuum-plain-" + RandomUuid());
  plain.Put("gold/plays/year=2024/x.parquet", "not a delta table");
  EXPECT_TRUE(VacuumUnreferenced(plain, kRoot, 0, now_ms + 10 * 3'600'000).empty());
}

}  // namespace
}  // namespace uw::delta
