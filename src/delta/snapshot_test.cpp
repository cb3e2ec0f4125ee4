#include "delta/snapshot.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/lake_paths.h"
#include "delta/action_json.h"
#include "delta/committer.h"
#include "delta/uuid.h"
#include "storage/memory_store.h"

namespace uw::delta {
namespace {

using parquet::ColumnType;

constexpr std::string_view kRoot = "silver/t/";

Commit CreateCommit() {
  Commit commit;
  commit.commit_info = CommitInfo{1700000000000, "CREATE TABLE", {{"mode", "Append"}}, true};
  commit.protocol = Protocol{};
  commit.metadata = Metadata{"8f1c2a4e-1111-4222-8333-444455556666",
                             parquet::Schema({{"ended_at", ColumnType::kTimestamp, false},
                                              {"ms_played", ColumnType::kInt64, true},
                                              {"year", ColumnType::kInt32, false}}),
                             {"year"},
                             1700000000000};
  commit.adds.push_back({"year=2024/a b%.parquet",
                         {{"year", "2024"}},
                         1234,
                         1700000000001,
                         true,
                         R"({"numRecords":3})"});
  return commit;
}

int64_t ErrorCodeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return static_cast<int64_t>(e.code());
  }
  return -1;
}

TEST(Snapshot, AbsentTableHasNoSnapshot) {
  storage::MemoryStore store("snapshot-absent-" + RandomUuid());
  EXPECT_FALSE(ReadSnapshot(store, kRoot).has_value());
  EXPECT_FALSE(LatestVersion(store, kRoot).has_value());
}

TEST(Snapshot, WriteThenReplayRoundTrips) {
  storage::MemoryStore store("snapshot-roundtrip-" + RandomUuid());
  Snapshot snapshot;
  EXPECT_EQ(CommitVersion(store, kRoot, snapshot, CreateCommit(), ConflictRule::kFail), 0);
  const std::string text = store.Get("silver/t/_delta_log/00000000000000000000.json");
  EXPECT_NE(text.find(R"({"protocol":{"minReaderVersion":1,"minWriterVersion":2}})"),
            std::string::npos);
  EXPECT_NE(text.find(R"("path":"year=2024/a%20b%25.parquet")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("schemaString":"{\"type\":\"struct\",\"fields\":[{\"name\":\"ended_at\",)"
                      R"(\"type\":\"timestamp\",\"nullable\":false,\"metadata\":{}})"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"("engineInfo":"unwrapped/)"), std::string::npos);

  Commit second;
  second.removes.push_back(
      {"year=2024/a b%.parquet", 1700000000500, true, {{"year", "2024"}}, 1234});
  second.adds.push_back({"year=2024/c.parquet", {{"year", "2024"}}, 99, 1700000000400, true, ""});
  EXPECT_EQ(CommitVersion(store, kRoot, snapshot, second, ConflictRule::kFail), 1);

  const auto replayed = ReadSnapshot(store, kRoot);
  ASSERT_TRUE(replayed.has_value());
  EXPECT_EQ(replayed->version, 1);
  EXPECT_EQ(replayed->metadata.schema, CreateCommit().metadata->schema);
  EXPECT_EQ(replayed->metadata.partition_columns, std::vector<std::string>{"year"});
  ASSERT_EQ(replayed->live_files.size(), 1u);
  const AddFile& live = replayed->live_files.at("year=2024/c.parquet");
  EXPECT_EQ(live.size_bytes, 99u);
  EXPECT_EQ(live.partition_values.at("year"), "2024");

  const auto as_of_0 = ReadSnapshot(store, kRoot, 0);
  ASSERT_EQ(as_of_0->live_files.size(), 1u);
  EXPECT_EQ(as_of_0->live_files.at("year=2024/a b%.parquet").stats_json, R"({"numRecords":3})");
}

TEST(Snapshot, UnknownActionsAreIgnored) {
  storage::MemoryStore store("snapshot-unknown-" + RandomUuid());
  store.Put(lake::DeltaCommit(kRoot, 0),
            SerializeCommit(CreateCommit()) +
                R"({"domainMetadata":{"domain":"x","configuration":"{}"}})" + "\n" +
                R"({"txn":{"appId":"a","version":3}})" + "\n");
  const auto snapshot = ReadSnapshot(store, kRoot);
  ASSERT_TRUE(snapshot.has_value());
  EXPECT_EQ(snapshot->live_files.size(), 1u);
}

TEST(Snapshot, CorruptOrMissingCommitNamesTheVersion) {
  storage::MemoryStore store("snapshot-corrupt-" + RandomUuid());
  store.Put(lake::DeltaCommit(kRoot, 0), SerializeCommit(CreateCommit()));
  store.Put(lake::DeltaCommit(kRoot, 1),
            R"({"add":{"path":"x.parquet","partitionValues":{},"size":1,)");
  try {
    ReadSnapshot(store, kRoot);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kCorrupt);
    EXPECT_NE(std::string(e.what()).find("version 1"), std::string::npos) << e.what();
  }
  store.Put(lake::DeltaCommit(kRoot, 1), R"({"add":{"path":"x.parquet"}})");
  EXPECT_EQ(ErrorCodeOf([&] { ReadSnapshot(store, kRoot); }), int64_t(ErrorCode::kCorrupt));
  store.Delete(lake::DeltaCommit(kRoot, 1));
  store.Put(lake::DeltaCommit(kRoot, 2), R"({"commitInfo":{}})");
  try {
    ReadSnapshot(store, kRoot);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kCorrupt);
    EXPECT_NE(std::string(e.what()).find("version 1 is missing"), std::string::npos) << e.what();
  }
}

TEST(Snapshot, EmptyCommitAndVersionZeroWithoutMetadataAreCorrupt) {
  storage::MemoryStore store("snapshot-empty-" + RandomUuid());
  store.Put(lake::DeltaCommit(kRoot, 0), "");
  EXPECT_EQ(ErrorCodeOf([&] { ReadSnapshot(store, kRoot); }), int64_t(ErrorCode::kCorrupt));
  store.Put(lake::DeltaCommit(kRoot, 0), R"({"commitInfo":{"timestamp":1}})");
  EXPECT_EQ(ErrorCodeOf([&] { ReadSnapshot(store, kRoot); }), int64_t(ErrorCode::kCorrupt));
}

TEST(Snapshot, ForeignCheckpointIsRefused) {
  storage::MemoryStore store("snapshot-checkpoint-" + RandomUuid());
  store.Put(lake::DeltaCommit(kRoot, 0), SerializeCommit(CreateCommit()));
  store.Put("silver/t/_delta_log/00000000000000000000.checkpoint.parquet", "PAR1");
  try {
    ReadSnapshot(store, kRoot);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInput);
    EXPECT_NE(std::string(e.what()).find("checkpoint"), std::string::npos);
  }
}

TEST(Snapshot, NewerReaderProtocolIsRefused) {
  storage::MemoryStore store("snapshot-protocol-" + RandomUuid());
  Commit commit = CreateCommit();
  commit.protocol->min_reader_version = 3;
  store.Put(lake::DeltaCommit(kRoot, 0), SerializeCommit(commit));
  EXPECT_EQ(ErrorCodeOf([&] { ReadSnapshot(store, kRoot); }), int64_t(ErrorCode::kInput));
}

TEST(Snapshot, SchemaStringRoundTripsEveryType) {
  const parquet::Schema schema({{"a", ColumnType::kBoolean, true},
                                {"b", ColumnType::kInt32, false},
                                {"c", ColumnType::kInt64, true},
                                {"d", ColumnType::kDouble, true},
                                {"e", ColumnType::kString, false},
                                {"f", ColumnType::kDate, true},
                                {"g", ColumnType::kTimestamp, true}});
  EXPECT_EQ(ParseSchemaString(SchemaString(schema)), schema);
  EXPECT_NE(
      SchemaString(schema).find(R"({"name":"b","type":"integer","nullable":false,"metadata":{}})"),
      std::string::npos);
}

}  // namespace
}  // namespace uw::delta
