// End-to-end: the real `unwrapped build --layer silver` on generated exports. The silver tables
// are read back by DuckDB and Polars over plain Hive globs (row counts = the build summary), the
// Delta log replays to exactly the files on disk, a rebuild rewrites only changed partitions and
// ends identical to a fresh build, and a build killed with SIGKILL at many points leaves the
// previous version readable and completes when run again.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <simdjson.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "core/civil_time.h"
#include "delta/snapshot.h"
#include "parquet/file_reader.h"
#include "storage/local_store.h"
#include "testing/lake_runs.h"
#include "testing/testing.h"

namespace uw {
namespace {

namespace fs = std::filesystem;
using testing::LakeArgs;
using testing::RunUnwrapped;
using testing::TempDir;
using testing::WriteNextDayOfApi;

// Generates an export of `events` plays and imports it into `lake`.
void GenerateAndImport(const fs::path& dir, const fs::path& lake, int events) {
  const auto gen =
      RunUnwrapped({"generate", "--events", std::to_string(events), "--seed", "7", "--account-zone",
                    "Europe/Berlin", "--out", (dir / "gen").string()});
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  const auto imported = RunUnwrapped(LakeArgs(lake, {"import", (dir / "gen" / "export").string()}));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
}

struct BuildRun {
  bool incremental = false;
  std::string reason;
};

struct TableSummary {
  uint64_t rows = 0;
  bool committed = false;
  uint64_t written = 0, unchanged = 0, removed = 0;
};

// Runs a build with --json and returns the tables of its summary.
std::map<std::string, TableSummary> Build(const fs::path& lake, std::vector<std::string> extra = {},
                                          BuildRun* how = nullptr) {
  std::vector<std::string> rest = {"--json", "build", "--layer", "silver"};
  rest.insert(rest.end(), extra.begin(), extra.end());
  const auto run = RunUnwrapped(LakeArgs(lake, rest));
  EXPECT_EQ(run.exit_code, 0) << run.err << run.out;
  std::map<std::string, TableSummary> tables;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(run.out).get(root)) {
    ADD_FAILURE() << "not JSON: " << run.out;
    return tables;
  }
  if (how) {
    how->incremental = root["incremental"].get_bool().value();
    how->reason = std::string(root["reason"].get_string().value());
  }
  simdjson::dom::array list;
  if (root["tables"].get(list)) return tables;  // up to date
  for (auto t : list) {
    TableSummary s;
    s.rows = t["rows"].get_uint64().value();
    s.committed = t["committed"].get_bool().value();
    s.written = t["partitions_written"].get_uint64().value();
    s.unchanged = t["partitions_unchanged"].get_uint64().value();
    s.removed = t["partitions_removed"].get_uint64().value();
    tables[std::string(t["name"].get_string().value())] = s;
  }
  return tables;
}

// Every .parquet file under silver/<table>/, relative to the table root.
std::set<std::string> ParquetFiles(const fs::path& table_root) {
  std::set<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(table_root)) {
    if (e.is_regular_file() && e.path().extension() == ".parquet")
      files.insert(fs::relative(e.path(), table_root).string());
  }
  return files;
}

// table -> live files of its latest Delta version.
std::map<std::string, std::set<std::string>> LiveFiles(const fs::path& lake) {
  storage::LocalStore store(lake);
  std::map<std::string, std::set<std::string>> out;
  if (!fs::exists(lake / "silver")) return out;
  for (const auto& e : fs::directory_iterator(lake / "silver")) {
    const std::string table = e.path().filename().string();
    // No log: a first build was killed before this table's first commit (not a table yet).
    const auto snapshot = delta::ReadSnapshot(store, "silver/" + table + "/");
    if (!snapshot) continue;
    for (const auto& [path, add] : snapshot->live_files) out[table].insert(path);
  }
  return out;
}

// Every live file of every table opens and reads.
void ExpectReadable(const fs::path& lake) {
  storage::LocalStore store(lake);
  for (const auto& [table, files] : LiveFiles(lake)) {
    for (const std::string& file : files) {
      EXPECT_NO_THROW(parquet::FileReader::OpenStore(store, "silver/" + table + "/" + file).Read())
          << table << "/" << file;
    }
  }
}

void ExpectNoStrayFiles(const fs::path& lake) {
  for (const auto& [table, live] : LiveFiles(lake)) {
    const std::set<std::string> present = ParquetFiles(lake / "silver" / table);
    std::vector<std::string> stray, missing;
    std::set_difference(present.begin(), present.end(), live.begin(), live.end(),
                        std::back_inserter(stray));
    std::set_difference(live.begin(), live.end(), present.begin(), present.end(),
                        std::back_inserter(missing));
    EXPECT_TRUE(stray.empty() && missing.empty())
        << table << ": " << stray.size() << " files not in the log (first "
        << (stray.empty() ? "" : stray[0]) << "), " << missing.size() << " logged files missing";
  }
}

TEST(BuildSilver, TablesReadByDuckDbAndPolarsWithTheSummaryCounts) {
  TempDir dir;
  const fs::path lake = dir / "lake";
  GenerateAndImport(dir.path(), lake, 3000);
  const auto tables = Build(lake);
  ASSERT_EQ(tables.size(), 13u);
  EXPECT_GT(tables.at("listening_events").rows, 2000u);
  EXPECT_GT(tables.at("tracks").rows, 100u);

  // The Delta log replays to exactly the files present.
  for (const auto& [table, live] : LiveFiles(lake)) {
    EXPECT_EQ(live, ParquetFiles(lake / "silver" / table)) << table;
  }

  if (const std::string missing = testing::MissingNodeTools(); !missing.empty()) {
    GTEST_SKIP() << missing;
  }
  const auto run = testing::RunNodeScript("tests/silver_interop/read_silver.mjs", {lake.string()});
  ASSERT_EQ(run.exit_code, 0) << run.out;
  simdjson::dom::parser parser;
  simdjson::dom::element read = parser.parse(run.out).value();
  for (const auto& [table, summary] : tables) {
    SCOPED_TRACE(table);
    EXPECT_EQ(read[table]["duckdb"].get_uint64().value(), summary.rows);
    EXPECT_EQ(read[table]["polars"].get_uint64().value(), summary.rows);
  }
  for (const char* fact : {"listening_events", "podcast_events"}) {
    SCOPED_TRACE(fact);
    EXPECT_TRUE(read[fact]["polars_has_year"].get_bool().value());
    simdjson::dom::array types = read[fact]["partition_types"].get_array().value();
    ASSERT_EQ(types.size(), 1u);
    EXPECT_EQ(std::string_view(types.at(0).get_string().value()), "BIGINT");
    EXPECT_EQ(read[fact]["partitions"].get_uint64().value(),
              ParquetFiles(lake / "silver" / fact).size());
  }
}

TEST(BuildSilver, RebuildsOnlyChangedPartitionsAndMatchesAFreshBuild) {
  TempDir dir;
  const fs::path lake = dir / "lake";
  GenerateAndImport(dir.path(), lake, 3000);
  const auto first = Build(lake);
  const size_t partitions = first.at("listening_events").written;
  ASSERT_GT(partitions, 10u);

  // Nothing new: nothing read, nothing written.
  const auto again = RunUnwrapped(LakeArgs(lake, {"build", "--layer", "silver"}));
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("up to date"), std::string::npos) << again.out;
  // Forced: every partition recomputed, none rewritten (same rows, same content-named files).
  for (const auto& [table, s] : Build(lake, {"--force"})) {
    EXPECT_FALSE(s.committed) << table;
    EXPECT_EQ(s.written, 0u) << table;
  }

  // One new day of API data: only the partitions it touches are rewritten.
  WriteNextDayOfApi(dir / "gen" / "export", dir / "recently_played_next_day.json");
  ASSERT_EQ(
      RunUnwrapped(LakeArgs(lake, {"import", (dir / "recently_played_next_day.json").string()}))
          .exit_code,
      0);
  const auto next = Build(lake);
  const TableSummary& events = next.at("listening_events");
  EXPECT_TRUE(events.committed);
  EXPECT_GE(events.written, 1u);
  EXPECT_LE(events.written, 2u);
  EXPECT_GE(events.unchanged, partitions - 1);
  EXPECT_FALSE(next.at("podcast_events").committed);
  EXPECT_FALSE(next.at("audio_features").committed);

  // The incremental result is the fresh build's result, file for file (names are content).
  const fs::path fresh = dir / "fresh";
  ASSERT_EQ(RunUnwrapped(LakeArgs(fresh, {"import", (dir / "gen" / "export").string(),
                                          (dir / "recently_played_next_day.json").string()}))
                .exit_code,
            0);
  Build(fresh);
  EXPECT_EQ(LiveFiles(lake), LiveFiles(fresh));
  ExpectNoStrayFiles(lake);
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// Makes one track of a recently-played response one the listener never played: its id, and
// when they appear with no other track of the response, its artist's id and name and its
// album's id, become new. Returns how many of the three entities became new (1 to 3).
int MakeOneTrackNew(const fs::path& response) {
  std::string text = testing::ReadFile(response);
  simdjson::dom::parser parser;
  const simdjson::dom::element root = parser.parse(text).value();
  std::map<std::string, std::set<std::string>> tracks_of;  // artist or album id -> track ids
  struct Track {
    std::string id, artist_id, artist_name, album_id;
  };
  std::vector<Track> tracks;
  const simdjson::dom::array items = root["items"].get_array().value();
  for (simdjson::dom::element item : items) {
    const simdjson::dom::element track = item["track"].value();
    const simdjson::dom::element artist = track["artists"].at(0).value();
    Track t{std::string(track["id"].get_string().value()),
            std::string(artist["id"].get_string().value()),
            std::string(artist["name"].get_string().value()),
            std::string(track["album"]["id"].get_string().value())};
    tracks_of[t.artist_id].insert(t.id);
    tracks_of[t.album_id].insert(t.id);
    tracks.push_back(std::move(t));
  }
  const Track* pick = &tracks.front();
  for (const Track& t : tracks) {
    if (tracks_of[t.artist_id].size() == 1 && tracks_of[t.album_id].size() == 1) pick = &t;
  }
  const Track chosen = *pick;
  ReplaceAll(text, chosen.id, "0NewTrackNeverPlayed00");
  int renamed = 1;
  if (tracks_of[chosen.artist_id].size() == 1) {
    ReplaceAll(text, chosen.artist_id, "0NewArtistNeverHeard0");
    ReplaceAll(text, "\"" + chosen.artist_name + "\"", "\"Zz Never Heard Before\"");
    ++renamed;
  }
  if (tracks_of[chosen.album_id].size() == 1) {
    ReplaceAll(text, chosen.album_id, "0NewAlbumNeverHeard00");
    ++renamed;
  }
  testing::WriteFile(response, text);
  return renamed;
}

TEST(BuildSilver, NewDaysOfApiDataAreAppendedIncrementallyExactlyAsAFullBuild) {
  TempDir dir;
  const fs::path lake = dir / "lake";
  GenerateAndImport(dir.path(), lake, 5000);
  Build(lake);
  std::vector<std::string> days;
  // 10 and 30 days after the newest poll: every item is newer than anything built, so each build
  // resolves only the new plays. Day 1 overlaps the newest poll (its 50 items span days):
  // those items are repeats or late arrivals, and the build says why it had to do more.
  for (const int64_t shift : {10, 30, 1}) {
    SCOPED_TRACE("shift " + std::to_string(shift));
    const fs::path day = dir / ("day" + std::to_string(shift) + ".json");
    WriteNextDayOfApi(dir / "gen" / "export", day, shift);
    // 30 days on, a track never played before: the dimensions gain rows, not only new times.
    if (shift == 30) {
      EXPECT_EQ(MakeOneTrackNew(day), 3);
    }
    days.push_back(day.string());
    ASSERT_EQ(RunUnwrapped(LakeArgs(lake, {"import", day.string()})).exit_code, 0);
    BuildRun how;
    const auto tables = Build(lake, {}, &how);
    if (shift == 1) {
      EXPECT_FALSE(how.incremental) << how.reason;
      EXPECT_NE(how.reason.find("late arrival"), std::string::npos) << how.reason;
    } else {
      EXPECT_TRUE(how.incremental) << how.reason;
      EXPECT_EQ(tables.count("podcast_events"), 0u);  // untouched tables are not even staged
      EXPECT_LE(tables.at("listening_events").written, 2u);
      EXPECT_TRUE(tables.at("tracks").committed);  // last_played_at moved
      // Only the new track, artist and album change the other dimensions.
      for (const char* dimension : {"track_artists", "artists", "albums"}) {
        EXPECT_EQ(tables.count(dimension), shift == 30 ? 1u : 0u) << dimension;
      }
    }
    // Whatever path it took, the lake equals a fresh full build of the same bronze.
    const fs::path fresh = dir / ("fresh" + std::to_string(shift));
    std::vector<std::string> import = {"import", (dir / "gen" / "export").string()};
    import.insert(import.end(), days.begin(), days.end());
    ASSERT_EQ(RunUnwrapped(LakeArgs(fresh, import)).exit_code, 0);
    const auto full = Build(fresh);
    EXPECT_EQ(LiveFiles(lake), LiveFiles(fresh));
    ExpectNoStrayFiles(lake);
    // The summary speaks of the whole table either way.
    EXPECT_EQ(tables.at("listening_events").rows, full.at("listening_events").rows);
    EXPECT_EQ(tables.at("listening_events").written + tables.at("listening_events").unchanged,
              full.at("listening_events").written);
  }
}

// Starts the binary without waiting for it.
pid_t Spawn(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> argv;
    const std::string binary = testing::BinaryPath().string();
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

// Kills a build after `fraction` of `full_ms`, then checks that every table is whole.
void KillBuildAt(const fs::path& lake, double full_ms, double fraction) {
  const pid_t pid = Spawn(LakeArgs(lake, {"build", "--layer", "silver"}));
  std::this_thread::sleep_for(std::chrono::microseconds(int64_t(full_ms * fraction * 1000)));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ExpectReadable(lake);
}

TEST(BuildSilver, KilledAtAnyPointLeavesTheOldVersionAndARerunCompletes) {
  TempDir dir;
  const fs::path lake = dir / "lake";
  GenerateAndImport(dir.path(), lake, 20000);
  const auto start = std::chrono::steady_clock::now();
  Build(lake);
  const double full_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const auto built = LiveFiles(lake);
  const std::vector<double> fractions = {0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0};

  // First builds (no previous version): killed anywhere, a table exists whole or not at all.
  for (const double fraction : fractions) {
    SCOPED_TRACE("first build killed at " + std::to_string(fraction));
    fs::remove_all(lake / "silver");
    fs::remove_all(lake / "_state" / "builds");
    KillBuildAt(lake, full_ms, fraction);
    Build(lake);  // the stale lock of the killed run is recovered
    EXPECT_EQ(LiveFiles(lake), built);
    ExpectNoStrayFiles(lake);
  }

  // Rebuilds after new data: killed anywhere, each table is at the old version or the new one.
  for (size_t i = 0; i < fractions.size(); ++i) {
    SCOPED_TRACE("rebuild killed at " + std::to_string(fractions[i]));
    const fs::path day = dir / ("day" + std::to_string(i) + ".json");
    WriteNextDayOfApi(dir / "gen" / "export", day, int64_t(i) + 1);
    ASSERT_EQ(RunUnwrapped(LakeArgs(lake, {"import", day.string()})).exit_code, 0);
    KillBuildAt(lake, full_ms, fractions[i]);
    Build(lake);
    ExpectNoStrayFiles(lake);
  }
  // After all that, the lake holds exactly what one clean build of the same bronze gives.
  const fs::path fresh = dir / "fresh";
  std::vector<std::string> import = {"import", (dir / "gen" / "export").string()};
  for (size_t i = 0; i < fractions.size(); ++i) {
    import.push_back((dir / ("day" + std::to_string(i) + ".json")).string());
  }
  ASSERT_EQ(RunUnwrapped(LakeArgs(fresh, import)).exit_code, 0);
  Build(fresh);
  EXPECT_EQ(LiveFiles(lake), LiveFiles(fresh));
}

}  // namespace
}  // namespace uw
