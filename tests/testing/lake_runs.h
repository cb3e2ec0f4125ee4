// What the end-to-end tests of one lake share: the global flags every run passes, and the next
// day of API data a test lands to exercise an incremental build.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace uw::testing {

// {"--lake", lake, "--no-progress", rest...}: a command on `lake` without progress bars.
std::vector<std::string> LakeArgs(const std::filesystem::path& lake, std::vector<std::string> rest);

// Writes to `out` a copy of the newest recently-played response under
// `export_dir`/recently_played with every played_at `days` later and the bytes otherwise
// untouched: one more day of hourly polling, as `ingest` would land it.
void WriteNextDayOfApi(const std::filesystem::path& export_dir, const std::filesystem::path& out,
                       int64_t days = 1);

}  // namespace uw::testing
