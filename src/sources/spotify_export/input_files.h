// Turns the paths given to `import` into the files to analyze (DESIGN §8.8): single files,
// folders (walked recursively in name order; directory symlinks are not followed), ZIP archives
// recognised by content whatever their name (entries in archive order), and ZIPs inside them
// (opened one level deep, under the same limits). A problem with one input (unreadable file,
// unsafe entry name, a crossed size limit) is reported on that input and never stops the others.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sources/spotify_export/file_bytes.h"
#include "sources/spotify_export/zip_archive.h"

namespace uw::spotify_export {

struct InputLimits {
  uint64_t max_entry_bytes = 1ull << 30;   // one file or entry, uncompressed
  uint64_t max_total_bytes = 16ull << 30;  // all entries of one archive
  double max_ratio = 100.0;                // per entry, uncompressed / compressed
};

// One unit of work: a file on disk, or one entry of a ZIP archive on disk.
struct InputRef {
  std::string display_name;    // "export.zip!Spotify Extended Streaming History/x.json"
  std::filesystem::path path;  // the file (the archive, for an entry)
  std::optional<uint64_t> entry_index;
  std::string entry_name;
  uint64_t size_hint = 0;  // bytes on disk, for progress
  std::string error;       // set when the input is known to be unusable without reading it
  std::shared_ptr<ByteBudget> budget;  // shared by the entries of one archive
};

// A file ready for analysis, valid during the sink call that receives it.
struct InputFile {
  std::string display_name;
  std::string name;        // the last path component, for bronze keys and name rules
  std::string_view bytes;  // the contents, followed by simdjson's padding
  std::string error;       // non-empty when it could not be read (bytes are then empty)
  // The file on disk holding exactly `bytes`, when it is a plain file (not an archive member):
  // lets the lake copy it inside the kernel.
  std::filesystem::path source_path = {};
};

// Lists the work for `inputs`. Paths under `exclude` (the lake itself) are skipped. Never
// throws for a bad input: the problem is recorded in the InputRef's error.
std::vector<InputRef> ListInputs(const std::vector<std::filesystem::path>& inputs,
                                 const InputLimits& limits,
                                 const std::vector<std::filesystem::path>& exclude = {});

// Reads one unit into `buffer` (reused across calls by one worker) and hands the result to
// `sink`: the file itself, or, for a nested ZIP, each of its entries in turn. Thread safe with
// one buffer per thread (each call opens what it reads).
void LoadInput(const InputRef& ref, const InputLimits& limits, FileBytes& buffer,
               const std::function<void(const InputFile&)>& sink);

}  // namespace uw::spotify_export
