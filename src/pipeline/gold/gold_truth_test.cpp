// Gold against the generator's ground truth (docs/generator.md): generate an export, import it,
// build silver and gold into a lake, read fact_plays back from its Parquet files and compare,
// per artist and *local* year, the counted plays and minutes with truth/music_plays.jsonl. The
// local year of each truth play is computed here with core::TimeZone, independently of gold.
// Skips (the truth has no reason_end) and completion are recomputed from the rows' own silver
// columns; podcasts must keep every silver row.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "core/civil_time.h"
#include "core/time_zone.h"
#include "generator/generator.h"
#include "pipeline/bronze/import_exports.h"
#include "pipeline/gold/build_gold.h"
#include "pipeline/silver/build_silver.h"
#include "pipeline/tables/read_table.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::gold {
namespace {

// Per (artist name, local year): counted plays, their ms_played, and plays whose ms_played
// silver had to estimate (the truth has none for api-only plays).
struct Tally {
  int64_t counted = 0, ms = 0, estimated = 0;
  bool operator==(const Tally&) const = default;
};
using Key = std::pair<std::string, int>;

int LocalYear(const core::TimeZone& zone, int64_t utc_ms) {
  const int64_t s = core::FloorDiv(utc_ms, 1000);
  return core::CivilFromDays(core::FloorDiv(zone.ToLocal(s), core::kSecondsPerDay)).year;
}

std::map<Key, Tally> TruthTallies(const std::filesystem::path& file, const core::TimeZone& zone) {
  std::map<Key, Tally> out;
  std::ifstream in(file);
  simdjson::dom::parser parser;
  for (std::string line; std::getline(in, line);) {
    simdjson::dom::element e = parser.parse(line);
    int64_t ended_ms = int64_t(e["ended_at_s"]) * 1000;
    if (std::string_view(e["ended_at_precision"]) == "ms")
      ended_ms = int64_t(e["api_played_at_ms"]);
    std::string_view artist;
    if (e["artist_name"].get(artist)) artist = "";
    Tally& t = out[{std::string(artist), LocalYear(zone, ended_ms)}];
    if (e["ms_played"].is_null()) {
      ++t.estimated;
    } else if (int64_t(e["ms_played"]) > 0 && !bool(e["incognito"])) {
      ++t.counted;
      t.ms += int64_t(e["ms_played"]);
    }
  }
  return out;
}

std::string Text(const parquet::Batch& b, std::string_view column, size_t row) {
  const parquet::ColumnVector& c = b.column(column);
  return c.IsNull(row) ? std::string() : std::string(c.GetString(row));
}

std::map<Key, Tally> GoldTallies(const parquet::Batch& facts) {
  std::map<Key, Tally> out;
  for (size_t r = 0; r < facts.num_rows(); ++r) {
    Tally& t = out[{Text(facts, "artist_name", r), facts.column("local_year").GetInt32(r)}];
    const int64_t ms = facts.column("ms_played").GetInt64(r);
    const bool counted = ms > 0 && !facts.column("incognito_mode").GetBool(r);
    EXPECT_EQ(facts.column("counted").GetBool(r), counted) << "row " << r;
    if (facts.column("ms_played_estimated").GetBool(r)) {
      ++t.estimated;
    } else if (counted) {
      ++t.counted;
      t.ms += ms;
    }
  }
  return out;
}

// Skips per (artist, local year) recomputed from silver's reason_end and ms_played.
std::map<Key, int64_t> SilverSkips(const parquet::Batch& silver, const core::TimeZone& zone) {
  std::map<Key, int64_t> out;
  for (size_t r = 0; r < silver.num_rows(); ++r) {
    const std::string reason = Text(silver, "reason_end", r);
    const bool skip = reason == "fwdbtn" || reason == "backbtn" || reason == "endplay" ||
                      silver.column("ms_played").GetInt64(r) < 30000;
    const int year = LocalYear(zone, silver.column("ended_at").GetInt64(r) / 1000);
    out[{Text(silver, "artist_name", r), year}] += skip;
  }
  return out;
}

std::map<Key, int64_t> GoldSkips(const parquet::Batch& facts) {
  std::map<Key, int64_t> out;
  for (size_t r = 0; r < facts.num_rows(); ++r) {
    out[{Text(facts, "artist_name", r), facts.column("local_year").GetInt32(r)}] +=
        facts.column("is_skip").GetBool(r);
  }
  return out;
}

// completion_pct and is_complete follow from the row's own duration, ms_played and reason_end.
void ExpectCompletionRules(const parquet::Batch& facts) {
  size_t with_duration = 0;
  for (size_t r = 0; r < facts.num_rows(); ++r) {
    const auto& duration = facts.column("track_duration_ms");
    const auto& pct = facts.column("completion_pct");
    const bool trackdone = Text(facts, "reason_end", r) == "trackdone";
    if (duration.IsNull(r) || duration.GetInt64(r) <= 0) {
      ASSERT_TRUE(pct.IsNull(r)) << "row " << r;
      ASSERT_EQ(facts.column("is_complete").GetBool(r), trackdone) << "row " << r;
      continue;
    }
    ++with_duration;
    const double expected =
        std::min(1.0, double(facts.column("ms_played").GetInt64(r)) / double(duration.GetInt64(r)));
    ASSERT_FALSE(pct.IsNull(r)) << "row " << r;
    ASSERT_DOUBLE_EQ(pct.GetDouble(r), expected) << "row " << r;
    ASSERT_EQ(facts.column("is_complete").GetBool(r), trackdone || expected >= 0.95) << "row " << r;
  }
  EXPECT_GT(with_duration, 0u);  // the api gave some durations
}

TEST(GoldTruth, CountedPlaysAndMinutesPerArtistPerLocalYear) {
  testing::TempDir dir;
  generator::GeneratorOptions g;
  g.events = 60000;
  g.seed = 21;
  g.out = dir.path() / "gen";
  g.account_zone = "Europe/Berlin";
  generator::Generate(g);
  storage::MemoryStore lake("gold-truth-21");
  bronze::ImportExports(lake, {g.out / "export"}, bronze::ImportOptions{});
  silver::SilverBuildOptions silver_options;
  silver_options.listener_zone = "Europe/Berlin";
  silver::BuildSilver(lake, silver_options);
  GoldBuildOptions options;
  options.gold.listener_zone = "America/New_York";  // far from UTC: many plays change year
  const GoldBuildReport report = BuildGold(lake, options);
  ASSERT_FALSE(report.up_to_date);

  const core::TimeZone zone = core::TimeZone::Named("America/New_York");
  const parquet::Batch facts = tables::ReadTable(lake, "gold/fact_plays/");
  const parquet::Batch silver = tables::ReadTable(lake, "silver/listening_events/");
  EXPECT_EQ(facts.num_rows(), silver.num_rows());
  EXPECT_EQ(facts.num_rows(), report.plays);

  const auto truth = TruthTallies(g.out / "truth/music_plays.jsonl", zone);
  const auto gold = GoldTallies(facts);
  EXPECT_EQ(gold.size(), truth.size());
  size_t compared = 0;
  for (const auto& [key, expected] : truth) {
    const auto it = gold.find(key);
    ASSERT_NE(it, gold.end()) << key.first << " " << key.second;
    EXPECT_EQ(it->second.counted, expected.counted) << key.first << " " << key.second;
    EXPECT_EQ(it->second.ms, expected.ms) << key.first << " " << key.second;
    EXPECT_EQ(it->second.estimated, expected.estimated) << key.first << " " << key.second;
    ++compared;
  }
  EXPECT_GT(compared, 100u);

  EXPECT_EQ(GoldSkips(facts), SilverSkips(silver, zone));
  ExpectCompletionRules(facts);
  const parquet::Batch podcasts = tables::ReadTable(lake, "gold/fact_podcast_plays/");
  EXPECT_EQ(podcasts.num_rows(), tables::ReadTable(lake, "silver/podcast_events/").num_rows());
  EXPECT_EQ(podcasts.num_rows(), report.podcast_plays);
  std::set<int64_t> sessions;
  for (size_t r = 0; r < facts.num_rows(); ++r)
    sessions.insert(facts.column("session_id").GetInt64(r));
  EXPECT_EQ(sessions.size(), report.sessions);
}

}  // namespace
}  // namespace uw::gold
