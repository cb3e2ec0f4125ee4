// The synthetic export generator behind `unwrapped generate`, the demo and the benchmarks: a
// realistic Spotify data export for one listener over ten years, plus the ground truth a perfect
// pipeline must reproduce. Output layout (docs/generator.md):
//   OUT/export/Spotify Extended Streaming History/   vintages A, B, C + video files + PDF
//   OUT/export/Spotify Account Data/ StreamingHistory_{music,podcast,audiobook}_N.json, ...
//   OUT/export/recently_played/                      recently_played_<fetched_at_ms>.json
//   OUT/truth/                                       music_plays.jsonl, podcast_plays.jsonl,
//   summary.json,
//                                                    generator_manifest.json
// With zip, the two export folders are replaced by my_spotify_data.zip and
// my_spotify_data_extended.zip. Every byte is a pure function of (events, seed, account_zone, zip).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace uw::generator {

struct GeneratorOptions {
  int64_t events = 100000;  // plays before the newest extended export (the extended history's size)
  uint64_t seed = 1;
  std::filesystem::path out;
  std::string account_zone = "UTC";  // "UTC" or an IANA zone for the account-data endTime
  bool zip = false;
  bool overwrite = false;  // replace OUT/export and OUT/truth when they already hold files
  bool progress = false;   // draw a progress bar (only on a terminal)
};

struct GeneratorSummary {
  std::filesystem::path export_dir, truth_dir;
  int64_t events = 0;
  int64_t plays = 0;  // every generated play, including those no source holds
  int64_t extended_files = 0, extended_records = 0;
  int64_t account_files = 0, account_records = 0;
  int64_t api_files = 0, api_items = 0;
  int64_t unique_music_plays = 0, unique_podcast_plays = 0;
  std::map<std::string, int64_t> hazards;
  std::vector<std::filesystem::path> zips;
  uint64_t bytes_written = 0;
  double seconds = 0;

  // The summary as one JSON object (for --json).
  std::string ToJson() const;
};

// Generates the export. Throws Error(kUsage) for bad options (events < 1, unknown zone, an output
// folder that already holds an export and overwrite is off), Error(kIo) when writing fails.
GeneratorSummary Generate(const GeneratorOptions& options);

}  // namespace uw::generator
