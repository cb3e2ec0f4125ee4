#include "sources/spotify_api/sign_in_status.h"

#include <fmt/format.h>

#include "core/civil_time.h"

namespace uw::spotify_api {
namespace {

std::string Date(int64_t ms) { return core::FormatDate(core::FloorDiv(ms, kDayMs)); }

void AddExpiryNotes(SignInStatus& status, int64_t now_ms) {
  const int64_t remaining_ms = *status.expires_at_ms - now_ms;
  status.days_left = core::FloorDiv(remaining_ms, kDayMs);  // 1 ms past expiry is day -1
  if (remaining_ms <= 0) {
    status.notes.push_back(
        {Severity::kError,
         fmt::format("the Spotify sign-in expired on {} (refresh tokens last 180 days "
                     "from signing in): run `unwrapped auth spotify` again",
                     Date(*status.expires_at_ms))});
  } else if (remaining_ms < kExpiryWarningMs) {
    status.notes.push_back(
        {Severity::kWarning,
         fmt::format("the Spotify sign-in expires on {} ({} days left; refreshing does "
                     "not extend it): run `unwrapped auth spotify` before then",
                     Date(*status.expires_at_ms), *status.days_left)});
  }
}

void AddFileNotes(SignInStatus& status, const SignInInputs& in, const RefreshTokenChoice& choice) {
  if (in.file_mode) {
    status.permissions_ok = !TooOpen(*in.file_mode);
    if (!*status.permissions_ok) {
      status.notes.push_back(
          {Severity::kWarning,
           fmt::format("{} can be read by other users (mode {:o}): run `chmod 600 {}`",
                       in.credentials_file, *in.file_mode, in.credentials_file)});
    }
  }
  if (choice.file_disagrees) {
    status.notes.push_back(
        {Severity::kWarning,
         fmt::format("the configured refresh token (spotify.refresh_token) differs from "
                     "the one in {}; the configured one is used",
                     in.credentials_file)});
  }
  if (in.file && !in.configured_client_id.empty() && !in.file->client_id.empty() &&
      in.file->client_id != in.configured_client_id && choice.origin != TokenOrigin::kSettings) {
    status.notes.push_back(
        {Severity::kWarning,
         fmt::format("{} was signed in with client id {} but spotify.client_id is {}; "
                     "a refresh token only works with its own app",
                     in.credentials_file, in.file->client_id, in.configured_client_id)});
  }
}

}  // namespace

SignInStatus EvaluateSignIn(const SignInInputs& in) {
  const RefreshTokenChoice choice =
      ChooseRefreshToken(in.configured_refresh_token, in.configured_client_id, in.file);
  SignInStatus status;
  status.origin = choice.origin;
  status.signed_in = choice.origin != TokenOrigin::kNone;
  status.client_id = choice.client_id;
  // The sign-in date is known only for the file's own token; a configured token (or its
  // rotated successor) was obtained elsewhere, when is not recorded.
  if (choice.origin == TokenOrigin::kCredentialsFile && in.file->authorized_at_ms > 0) {
    status.authorized_at_ms = in.file->authorized_at_ms;
    status.expires_at_ms = in.file->authorized_at_ms + kRefreshTokenLifetimeMs;
  }
  if (status.signed_in && status.client_id.empty()) {
    status.notes.push_back(
        {Severity::kError, "no client id: set spotify.client_id (UNWRAPPED_SPOTIFY_CLIENT_ID)"});
  }
  if (status.expires_at_ms) AddExpiryNotes(status, in.now_ms);
  AddFileNotes(status, in, choice);
  return status;
}

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "info";
}

}  // namespace uw::spotify_api
