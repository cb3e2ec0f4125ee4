// The published silver tables against the generator's ground truth: generate, import, run the
// real build (BuildSilver) into a lake, read listening_events and podcast_events back from their
// Parquet files, and compare every play EXACTLY with truth/*.jsonl (same plays, end times,
// ms_played, URIs, sources). truth_compare_test.cpp checks the in-memory resolution the same way.
#include <gtest/gtest.h>

#include "pipeline/silver/build_silver.h"
#include "pipeline/silver/lake_tables.h"
#include "pipeline/silver/truth_rows.h"

namespace uw::silver {
namespace {

uint8_t SourceBits(std::string_view text) {
  uint8_t bits = 0;
  if (text.find("api") != std::string_view::npos) bits |= kSeenByApi;
  if (text.find("extended") != std::string_view::npos) bits |= kSeenByExtended;
  if (text.find("account") != std::string_view::npos) bits |= kSeenByAccount;
  return bits;
}

// Rows of a fact table in the truth's terms; `uri_column(row)` names the column holding the
// resolved URI of that row.
template <typename UriColumn>
std::vector<truth::Row> TableRows(const parquet::Batch& t, UriColumn uri_column) {
  std::vector<truth::Row> rows;
  for (size_t r = 0; r < t.num_rows(); ++r) {
    const parquet::ColumnVector& uris = t.column(uri_column(r));
    const std::string resolved = uris.IsNull(r) ? "" : std::string(uris.GetString(r));
    const bool own = t.column("name_resolution").GetString(r) == "own";
    const int64_t ms =
        t.column("ms_played_estimated").GetBool(r) ? -1 : t.column("ms_played").GetInt64(r);
    rows.emplace_back(t.column("ended_at").GetInt64(r) / 1000, own ? resolved : "", ms,
                      SourceBits(t.column("sources").GetString(r)), resolved,
                      t.column("ended_at_ambiguous").GetBool(r));
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

void CheckTablesAgainstTruth(int64_t events, uint64_t seed, const std::string& zone) {
  truth::GeneratedLake generated(events, seed, zone,
                                 "silver-table-truth-" + std::to_string(seed) + "-" + zone);
  storage::MemoryStore& lake = generated.lake();
  SilverBuildOptions options;
  options.listener_zone = "Europe/Berlin";
  const SilverBuildReport report = BuildSilver(lake, options);
  EXPECT_EQ(report.summary.zone.zone, zone);

  const parquet::Batch music = ReadTable(lake, "silver/listening_events/");
  EXPECT_EQ(music.num_rows(), report.summary.music_out);
  EXPECT_GT(music.num_rows(), uint64_t(events) * 9 / 10);
  truth::ExpectSameRows(TableRows(music, [](size_t) { return "track_uri"; }),
                        truth::ReadTruth(generated.Truth("music_plays.jsonl"), true));
  const parquet::Batch podcast = ReadTable(lake, "silver/podcast_events/");
  truth::ExpectSameRows(
      TableRows(podcast,
                [&](size_t r) {
                  return podcast.column("content_type").GetString(r) == "audiobook" ? "chapter_uri"
                                                                                    : "episode_uri";
                }),
      truth::ReadTruth(generated.Truth("podcast_plays.jsonl"), false));
}

TEST(SilverTableTruth, HundredThousandAccountInBerlin) {
  CheckTablesAgainstTruth(100000, 11, "Europe/Berlin");
}
TEST(SilverTableTruth, HundredThousandAccountInUtc) { CheckTablesAgainstTruth(100000, 12, "UTC"); }

}  // namespace
}  // namespace uw::silver
