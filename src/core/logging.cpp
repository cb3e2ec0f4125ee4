#include "core/logging.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace uw::core {

void InitLogging(int verbosity) {
  auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  console->set_pattern("%^%l%$: %v");
  console->set_level(verbosity < 0    ? spdlog::level::err
                     : verbosity == 0 ? spdlog::level::warn
                     : verbosity == 1 ? spdlog::level::info
                                      : spdlog::level::debug);
  auto logger = std::make_shared<spdlog::logger>("unwrapped", console);
  logger->set_level(spdlog::level::debug);
  spdlog::set_default_logger(logger);
}

void AddLogFile(const std::filesystem::path& logs_dir) {
  try {
    std::filesystem::create_directories(logs_dir);
    auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
        (logs_dir / "unwrapped.log").string(), 5 * 1024 * 1024, 5);
    file->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z [%P] %l: %v");
    file->set_level(spdlog::level::debug);
    spdlog::default_logger()->sinks().push_back(file);
  } catch (const std::exception& e) {
    spdlog::warn("cannot write the log file under {}: {}", logs_dir.string(), e.what());
  }
}

}  // namespace uw::core
