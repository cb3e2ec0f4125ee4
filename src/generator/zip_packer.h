// Packs an export folder into a ZIP the way Spotify delivers it (my_spotify_data.zip with
// "Spotify Account Data/...", my_spotify_data_extended.zip with "Spotify Extended Streaming
// History/..."), with libzip, deflate. Entries get a fixed time and mode so the archive bytes are
// a pure function of the files. The only code in the generator that includes <zip.h>.
#pragma once

#include <cstdint>
#include <ctime>
#include <filesystem>

namespace uw::generator {

// Writes `zip_path` with a directory entry "<folder name>/" and one entry per regular file of
// `folder` (sorted by name), each stamped `mtime`. Returns the number of file entries. Throws
// Error(kIo) naming the archive when libzip fails.
int64_t PackFolder(const std::filesystem::path& folder, const std::filesystem::path& zip_path,
                   std::time_t mtime);

}  // namespace uw::generator
