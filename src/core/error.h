// The one error scheme of the project: typed exceptions, thrown where a problem is found and
// caught once at the command boundary (src/main.cpp), which maps them to exit codes.
// Per-record problems in user data are not exceptions: validators return a reason string and
// the caller counts the record as rejected (see sources/spotify_export/record_validator.h).
#pragma once

#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace uw {

enum class ErrorCode {
  kUsage,     // bad flags or arguments: exit code 2
  kInput,     // user-supplied data cannot be used as a whole
  kIo,        // the file system or a remote store failed
  kNotFound,  // an object or file that must exist does not
  kConflict,  // someone else holds the lake lock, or a put-if-absent lost a race
  kCorrupt,   // stored data (Parquet, Delta log, state) is damaged
  kInternal,  // a bug
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

// Throws Error(code, formatted message).
template <typename... Args>
[[noreturn]] void Fail(ErrorCode code, fmt::format_string<Args...> format, Args&&... args) {
  throw Error(code, fmt::format(format, std::forward<Args>(args)...));
}

// Process exit codes (DESIGN §1).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitPartial = 3;

inline int ExitCodeFor(ErrorCode code) {
  return code == ErrorCode::kUsage ? kExitUsage : kExitFailure;
}

}  // namespace uw
