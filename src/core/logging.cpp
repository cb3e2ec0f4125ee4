#include "core/logging.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include "core/secrets.h"

namespace uw::core {
namespace {

// Redacts the message before any sink sees it, so every sink (stderr, the log file, and any
// added later) gets the same clean text and no sink can be forgotten.
class RedactingLogger : public spdlog::logger {
 public:
  using spdlog::logger::logger;

  std::shared_ptr<spdlog::logger> clone(std::string logger_name) override {
    auto copy = std::make_shared<RedactingLogger>(*this);
    copy->name_ = std::move(logger_name);
    return copy;
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    std::string clean = Redact(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg redacted = msg;
    redacted.payload = spdlog::string_view_t(clean.data(), clean.size());
    spdlog::logger::sink_it_(redacted);
  }
};

}  // namespace

void InitLogging(int verbosity) {
  auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  console->set_pattern("%^%l%$: %v");
  console->set_level(verbosity < 0    ? spdlog::level::err
                     : verbosity == 0 ? spdlog::level::warn
                     : verbosity == 1 ? spdlog::level::info
                                      : spdlog::level::debug);
  auto logger = std::make_shared<RedactingLogger>("unwrapped", console);
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
