// Logging through spdlog: warnings and errors to stderr (more with -v, none but errors with -q),
// and everything at debug level to a rotating file under the lake's _state/logs/ when the lake is
// on the local file system. Every line passes through core::Redact (core/secrets.h) first.
#pragma once

#include <spdlog/spdlog.h>

#include <filesystem>
#include <optional>

namespace uw::core {

// Sets up the default logger. verbosity: -1 quiet, 0 normal, 1 info, 2 debug.
void InitLogging(int verbosity);
// Adds the rotating file sink under `logs_dir` (created if missing). Failure to open it is a
// warning, never fatal: logging must not stop a run.
void AddLogFile(const std::filesystem::path& logs_dir);

}  // namespace uw::core
