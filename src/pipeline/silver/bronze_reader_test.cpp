// The reader gives the same plays from a local lake (files mapped, read on several threads) as
// from an in-memory one, in its documented order, and the same again on a second read.
#include "pipeline/silver/bronze_reader.h"

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
                     p.artist_name, p.album_name, p.show_name, p.platform_raw, p.platform,
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

}  // namespace
}  // namespace uw::silver
