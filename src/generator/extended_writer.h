// Writes the folder "Spotify Extended Streaming History/": for each vintage its audio files
// (endsong_N.json for A, in random order across all files; Streaming_History_Audio_<years>_N.json
// for B and C, some sorted and some shuffled, some starting with the last records of their
// predecessor), the video files of B and C, and ReadMeFirst_ExtendedStreamingHistory.pdf. Exact
// duplicate records and offline-sync duplicates are added here; every copy is counted.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "generator/extended_record.h"
#include "generator/rng.h"

namespace uw::generator {

struct ExtendedFile {
  std::string name;
  Vintage vintage = Vintage::kA;
  bool video = false;
  bool sorted = false;
  int64_t records = 0;
  uint64_t bytes = 0;
};

struct ExtendedStats {
  std::vector<ExtendedFile> files;
  int64_t records = 0;
  int64_t records_by_vintage[kVintageCount] = {};
  int64_t video_records = 0;
  int64_t no_identity_records = 0;  // all-null rows, including their copies
  // Records beyond one per (play, vintage) ...
  int64_t exact_copies = 0;         // byte-identical, in the same file or another of the vintage
  int64_t offline_sync_copies = 0;  // same ts, track and ms_played; offline fields differ
  int64_t file_overlap_copies = 0;  // a file repeating the end of its predecessor
  // ... and beyond one per play: plays in two vintages' windows.
  int64_t cross_vintage_copies = 0;
};

// `dir` must exist. Throws Error(kIo).
ExtendedStats WriteExtended(const Timeline& timeline, const ExtendedRecord& renderer, Rng rng,
                            const std::filesystem::path& dir);

}  // namespace uw::generator
