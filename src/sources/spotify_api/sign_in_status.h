// The Spotify sign-in as `status` reports it: pure logic from the saved credentials, the
// configured token and the current time. Refresh tokens expire 180 days after the user signed in
// and refreshing does not extend them (formats.md §3.5), so the status warns while the last
// two weeks run out and reports an error once they have.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sources/spotify_api/credentials.h"
#include "sources/spotify_api/token_source.h"

namespace uw::spotify_api {

inline constexpr int64_t kDayMs = 24LL * 3600 * 1000;
inline constexpr int64_t kRefreshTokenLifetimeMs = 180 * kDayMs;
inline constexpr int64_t kExpiryWarningMs = 14 * kDayMs;

struct SignInInputs {
  std::string credentials_file;          // its path, for messages
  std::optional<Credentials> file;       // the loaded file, nullopt when missing
  std::optional<mode_t> file_mode;       // its permission bits
  std::string configured_refresh_token;  // settings.spotify_refresh_token (only compared)
  std::string configured_client_id;      // settings.spotify_client_id
  int64_t now_ms = 0;
};

enum class Severity { kInfo, kWarning, kError };

struct SignInNote {
  Severity severity;
  std::string text;  // never holds a token
};

struct SignInStatus {
  bool signed_in = false;
  TokenOrigin origin = TokenOrigin::kNone;
  std::string client_id;
  std::optional<int64_t> authorized_at_ms;  // known for `auth spotify` sign-ins
  std::optional<int64_t> expires_at_ms;     // authorized_at + 180 days
  std::optional<int64_t> days_left;         // whole days until expires_at (negative when past)
  std::optional<bool> permissions_ok;       // of the credentials file, when it exists
  std::vector<SignInNote> notes;            // warnings and errors, most important first
};

SignInStatus EvaluateSignIn(const SignInInputs& inputs);

// "info", "warning", "error".
const char* SeverityName(Severity severity);

}  // namespace uw::spotify_api
