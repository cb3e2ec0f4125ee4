// The reader gives the same plays from a local lake (files mapped, read on several threads) as
// from an in-memory one, in its documented order, and the same again on a second read.
#include "pipeline/silver/bronze_reader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "generator/generator.h"
#include "pipeline/bronze/import_exports.h"
#include "storage/local_store.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::silver {
namespace {

using Fields = std::tuple<int64_t, int64_t, int, std::string, std::string, std::string, std::string,
                          std::string, std::string, std::string, std::string, uint64_t, bool>;

std::vector<Fields> Describe(const std::vector<PlayRecord>& plays) {
  std::vector<Fields> out;
  for (const PlayRecord& p : plays) {
    out.emplace_back(p.ended_at_ms, p.ms_played.value_or(-1), int(p.content), p.Uri(), p.track_name,
                     p.artist_name, p.album_name, p.show_name, p.platform_raw, p.Platform(),
                     p.bronze_file, p.record_index, p.incognito);
  }
  return out;
}

void ExpectSame(const BronzePlays& a, const BronzePlays& b) {
  EXPECT_EQ(Describe(a.extended), Describe(b.extended));
  EXPECT_EQ(Describe(a.account), Describe(b.account));
  EXPECT_EQ(Describe(a.api), Describe(b.api));
  EXPECT_EQ(a.extended_counts.records, b.extended_counts.records);
  EXPECT_EQ(a.extended_counts.files, b.extended_counts.files);
  EXPECT_EQ(a.account_counts.no_identity_records, b.account_counts.no_identity_records);
  EXPECT_EQ(a.api_counts.records, b.api_counts.records);
}

TEST(BronzeReader, LocalAndMemoryLakesReadTheSame) {
  testing::TempDir dir;
  generator::GeneratorOptions g;
  g.events = 6000;
  g.seed = 11;
  g.out = dir.path() / "gen";
  g.account_zone = "Europe/Berlin";
  generator::Generate(g);
  storage::LocalStore local(dir.path() / "lake");
  storage::MemoryStore memory("bronze-reader-test");
  bronze::ImportExports(local, {g.out / "export"}, bronze::ImportOptions{});
  bronze::ImportExports(memory, {g.out / "export"}, bronze::ImportOptions{});

  const BronzePlays from_disk = ReadBronzePlays(local);
  ASSERT_GT(from_disk.extended.size(), 1000u);
  ASSERT_GT(from_disk.account.size(), 100u);
  ASSERT_GT(from_disk.api.size(), 10u);
  ExpectSame(from_disk, ReadBronzePlays(memory));
  ExpectSame(from_disk, ReadBronzePlays(local));

  const auto by_end = [](const PlayRecord& x, const PlayRecord& y) {
    return x.ended_at_ms < y.ended_at_ms;
  };
  EXPECT_TRUE(std::is_sorted(from_disk.extended.begin(), from_disk.extended.end(), by_end));
  EXPECT_TRUE(std::is_sorted(from_disk.api.begin(), from_disk.api.end(), by_end));
  EXPECT_TRUE(std::is_sorted(from_disk.account.begin(), from_disk.account.end(),
                             [](const PlayRecord& x, const PlayRecord& y) {
                               return std::tie(x.bronze_file, x.record_index) <
                                      std::tie(y.bronze_file, y.record_index);
                             }));
}

// Strings equal to the previous kept row's are copied from it rather than interned again: a
// value that returns after a null, a changed value, "" and rows skipped in between must all read
// back as written.
TEST(BronzeReader, RepeatedAndMissingStringsReadBackAsWritten) {
  testing::TempDir dir;
  const auto record = [](int second, std::string_view rest) {
    return fmt::format(R"({{"ts":"2021-03-04T05:06:{:02d}Z","ms_played":1000,{}}})", second, rest);
  };
  const std::string json =
      "[" +
      record(1, R"("platform":"ios","conn_country":"DE","master_metadata_track_name":"A",)"
                R"("master_metadata_album_album_name":"X","reason_start":"clickrow",)"
                R"("spotify_track_uri":"spotify:track:1")") +
      "," +
      record(2, R"("platform":"ios","conn_country":null,"master_metadata_track_name":"A",)"
                R"("master_metadata_album_album_name":"Y","spotify_track_uri":"spotify:track:1")") +
      "," + record(3, R"("platform":"web","conn_country":"FR")") + "," +
      record(4, R"("platform":"web","ms_played":"x","spotify_track_uri":"spotify:track:9")") +
      "," +
      record(5, R"("platform":"ios","conn_country":"DE","master_metadata_track_name":"B",)"
                R"("master_metadata_album_album_name":"Y","reason_start":"",)"
                R"("spotify_track_uri":"spotify:track:2")") +
      "," +
      record(6, R"("platform":"android","conn_country":"DE","master_metadata_track_name":"B",)"
                R"("master_metadata_album_album_name":"Y","reason_start":"clickrow",)"
                R"("spotify_track_uri":"spotify:track:2")") +
      "]";
  uw::testing::WriteFile(dir / "export/Streaming_History_Audio_2021.json", json);
  storage::MemoryStore lake("bronze-reader-repeats");
  bronze::ImportExports(lake, {dir / "export"}, bronze::ImportOptions{});

  const BronzePlays b = ReadBronzePlays(lake);
  EXPECT_EQ(b.extended_counts.rejected_records, 1u);
  EXPECT_EQ(b.extended_counts.no_identity_records, 1u);
  using Row = std::tuple<std::string, std::string, std::string, std::string, std::string,
                         std::string, uint64_t>;
  std::vector<Row> rows;
  for (const PlayRecord& p : b.extended) {
    rows.emplace_back(p.platform_raw, p.conn_country, p.track_name, p.album_name, p.reason_start,
                      p.track_uri, p.record_index);
  }
  const std::vector<Row> expected = {
      {"ios", "DE", "A", "X", "clickrow", "spotify:track:1", 0},
      {"ios", "", "A", "Y", "", "spotify:track:1", 1},
      {"ios", "DE", "B", "Y", "", "spotify:track:2", 4},
      {"android", "DE", "B", "Y", "clickrow", "spotify:track:2", 5},
  };
  EXPECT_EQ(rows, expected);
}

}  // namespace
}  // namespace uw::silver
