// `import`: lands Spotify export files in bronze and writes the receipt (issue items 5 and 6,
// DESIGN §8.8). Inputs are files, folders and ZIPs (see spotify_export/input_files.h); each
// file is read once, hashed, analyzed and written once, two files at a time, so memory stays
// bounded by a couple of files in flight. The caller holds the lake lock.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "pipeline/bronze/receipt.h"
#include "storage/object_store.h"

namespace uw::bronze {

struct ImportOptions {
  uint64_t max_entry_bytes = 1ull << 30;   // one file or ZIP entry, uncompressed
  uint64_t max_total_bytes = 16ull << 30;  // all entries of one archive
  double max_ratio = 100.0;                // per ZIP entry, uncompressed / compressed
  bool progress = false;                   // draw a progress bar (only on a TTY)
};

// Imports `inputs` into `lake` and stores the receipt at lake::Receipt(id). Bad inputs never
// throw: they are listed in the receipt. Throws Error(kIo) when the lake cannot be written.
// Ordering: every data object is written and the store synced before the receipt is written.
Receipt ImportExports(storage::ObjectStore& lake, const std::vector<std::filesystem::path>& inputs,
                      const ImportOptions& options);

}  // namespace uw::bronze
