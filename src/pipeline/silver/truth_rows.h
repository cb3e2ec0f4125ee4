// Test support: a generated export imported into a lake, the generator's ground truth
// (docs/generator.md) as comparable rows, and an exact multiset comparison that lists the first
// differences. Used by the truth tests.
#pragma once

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "generator/generator.h"
#include "pipeline/bronze/import_exports.h"
#include "pipeline/silver/play_record.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::silver::truth {

// An export of `events` plays (seed `seed`, account data written in `zone`) generated into a
// temporary folder and imported with the real bronze import into a memory lake. Memory stores
// are shared per name within the process, so each generated export needs its own `lake_name`.
class GeneratedLake {
 public:
  GeneratedLake(int64_t events, uint64_t seed, const std::string& zone,
                const std::string& lake_name)
      : lake_(lake_name) {
    generator::GeneratorOptions g;
    g.events = events;
    g.seed = seed;
    g.out = dir_.path() / "gen";
    g.account_zone = zone;
    generator::Generate(g);
    bronze::ImportExports(lake_, {g.out / "export"}, bronze::ImportOptions{});
  }
  storage::MemoryStore& lake() { return lake_; }
  // A file of the generator's truth/ folder.
  std::filesystem::path Truth(const std::string& file) const {
    return dir_.path() / "gen" / "truth" / file;
  }

 private:
  testing::TempDir dir_;
  storage::MemoryStore lake_;
};

// What the truth pins for one play: end (at its precision), URI, ms_played (-1 = null),
// sources bits, resolved URI, ended_at_ambiguous.
using Row = std::tuple<int64_t, std::string, int64_t, int, std::string, bool>;

inline std::string Text(simdjson::dom::element e, std::string_view key) {
  std::string_view s;
  return e[key].get(s) ? std::string() : std::string(s);
}

inline std::vector<Row> ReadTruth(const std::filesystem::path& file, bool music) {
  std::ifstream in(file);
  std::vector<Row> rows;
  simdjson::dom::parser parser;
  for (std::string line; std::getline(in, line);) {
    simdjson::dom::element e = parser.parse(line);
    int64_t ended_ms = int64_t(e["ended_at_s"]) * 1000;
    if (Text(e, "ended_at_precision") == "ms") ended_ms = int64_t(e["api_played_at_ms"]);
    int64_t ms = -1;
    if (!e["ms_played"].is_null()) ms = int64_t(e["ms_played"]);
    int sources = 0;
    for (auto s : simdjson::dom::array(e["sources"])) {
      const std::string_view name = s;
      sources |= name == "account" ? kSeenByAccount : name == "api" ? kSeenByApi : kSeenByExtended;
    }
    const std::string uri = music ? Text(e, "track_uri")
                            : Text(e, "content_type") == "audiobook"
                                ? Text(e, "audiobook_chapter_uri")
                                : Text(e, "episode_uri");
    const std::string resolved = Text(e, music ? "resolved_track_uri" : "resolved_episode_uri");
    rows.emplace_back(ended_ms, uri, ms, sources, resolved, bool(e["ended_at_ambiguous"]));
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

inline std::vector<Row> Mine(const std::vector<PlayRecord>& plays) {
  std::vector<Row> rows;
  for (const PlayRecord& p : plays) {
    const int64_t ms = p.ms_played_estimated ? -1 : p.ms_played.value_or(-1);
    rows.emplace_back(p.ended_at_ms, p.Uri(), ms, p.sources, p.resolved_uri, p.ended_at_ambiguous);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

inline std::string Show(const Row& r) {
  std::ostringstream o;
  o << std::get<0>(r) << " " << std::get<1>(r) << " ms=" << std::get<2>(r)
    << " src=" << std::get<3>(r) << " res=" << std::get<4>(r) << " amb=" << std::get<5>(r);
  return o.str();
}

// Lists the first differences of two sorted multisets.
inline void ExpectSameRows(const std::vector<Row>& mine, const std::vector<Row>& truth) {
  EXPECT_EQ(mine.size(), truth.size());
  std::vector<Row> extra, missing;
  std::set_difference(mine.begin(), mine.end(), truth.begin(), truth.end(),
                      std::back_inserter(extra));
  std::set_difference(truth.begin(), truth.end(), mine.begin(), mine.end(),
                      std::back_inserter(missing));
  EXPECT_TRUE(extra.empty() && missing.empty())
      << extra.size() << " extra, " << missing.size() << " missing";
  for (size_t i = 0; i < std::min<size_t>(extra.size(), 8); ++i)
    ADD_FAILURE() << "extra   " << Show(extra[i]);
  for (size_t i = 0; i < std::min<size_t>(missing.size(), 8); ++i)
    ADD_FAILURE() << "missing " << Show(missing[i]);
}

}  // namespace uw::silver::truth
