#include "cli/status_sign_in.h"

#include <fmt/format.h>

#include <optional>

#include "core/civil_time.h"
#include "core/error.h"
#include "core/text.h"
#include "http/clock.h"
#include "sources/spotify_api/sign_in_status.h"

namespace uw::cli {
namespace {

using spotify_api::Severity;
using spotify_api::TokenOrigin;

struct SignIn {
  std::string credentials_file;
  std::optional<mode_t> mode;
  spotify_api::SignInStatus status;
};

std::string Day(int64_t ms) { return core::FormatDate(core::FloorDiv(ms, spotify_api::kDayMs)); }

// A damaged file is reported, not fatal: status must still show the rest.
SignIn Evaluate(const core::Settings& settings) {
  SignIn out;
  out.credentials_file = settings.spotify_credentials_file;
  out.mode = spotify_api::FileMode(out.credentials_file);
  spotify_api::SignInInputs in;
  in.credentials_file = out.credentials_file;
  in.file_mode = out.mode;
  in.configured_refresh_token = settings.spotify_refresh_token;
  in.configured_client_id = settings.spotify_client_id;
  in.now_ms = http::SystemClock().NowMs();
  std::optional<std::string> damaged;
  try {
    in.file = spotify_api::LoadCredentials(out.credentials_file, /*warn_if_open=*/false);
  } catch (const Error& e) {
    damaged = e.what();
  }
  out.status = spotify_api::EvaluateSignIn(in);
  if (damaged) out.status.notes.insert(out.status.notes.begin(), {Severity::kError, *damaged});
  return out;
}

std::string Summary(const spotify_api::SignInStatus& s) {
  switch (s.origin) {
    case TokenOrigin::kNone:
      return "not signed in: run `unwrapped auth spotify` (or set UNWRAPPED_SPOTIFY_REFRESH_TOKEN "
             "and "
             "UNWRAPPED_SPOTIFY_CLIENT_ID for headless jobs)";
    case TokenOrigin::kCredentialsFile:
      return fmt::format("signed in{} with client id {}",
                         s.authorized_at_ms ? " on " + Day(*s.authorized_at_ms) : std::string(),
                         s.client_id);
    case TokenOrigin::kSettings:
      return fmt::format(
          "headless: refresh token from the settings (spotify.refresh_token), client id {}",
          s.client_id);
    case TokenOrigin::kRotatedSettings:
      return fmt::format(
          "headless: the configured refresh token was rotated; its successor in the "
          "credentials file is used, client id {}",
          s.client_id);
  }
  return "";
}

const char* SourceName(TokenOrigin origin) {
  switch (origin) {
    case TokenOrigin::kNone:
      return "none";
    case TokenOrigin::kCredentialsFile:
      return "credentials_file";
    case TokenOrigin::kSettings:
      return "settings";
    case TokenOrigin::kRotatedSettings:
      return "settings_rotated";
  }
  return "none";
}

}  // namespace

std::string SignInStatusText(const core::Settings& settings) {
  const SignIn sign_in = Evaluate(settings);
  const auto& s = sign_in.status;
  std::string out = fmt::format("\nSpotify sign-in\n  {}\n  credentials file {}", Summary(s),
                                sign_in.credentials_file);
  if (!sign_in.mode) {
    out += " (none)\n";
  } else {
    out += fmt::format(" (mode {:o}, {})\n", *sign_in.mode,
                       *s.permissions_ok ? "readable only by you" : "TOO OPEN");
  }
  if (s.expires_at_ms && *s.days_left >= 0) {
    out += fmt::format("  lasts until {} ({} days left; refreshing does not extend it)\n",
                       Day(*s.expires_at_ms), *s.days_left);
  }
  for (const auto& note : s.notes) {
    if (note.severity == Severity::kInfo) continue;
    out += fmt::format("  {}: {}\n", note.severity == Severity::kError ? "ERROR" : "WARNING",
                       note.text);
  }
  return out;
}

std::string SignInStatusJson(const core::Settings& settings) {
  const SignIn sign_in = Evaluate(settings);
  const auto& s = sign_in.status;
  auto iso = [](const std::optional<int64_t>& ms) {
    return ms ? core::JsonString(core::FormatIsoSeconds(*ms / 1000)) : std::string("null");
  };
  std::string out = fmt::format(
      "{{\"signed_in\":{},\"source\":\"{}\",\"client_id\":{},\"authorized_at\":{},\"expires_at\":{}"
      ","
      "\"days_left\":{},\"credentials_file\":{},\"credentials_file_mode\":{},\"permissions_ok\":{},"
      "\"notes\":[",
      s.signed_in, SourceName(s.origin),
      s.client_id.empty() ? "null" : core::JsonString(s.client_id), iso(s.authorized_at_ms),
      iso(s.expires_at_ms), s.days_left ? std::to_string(*s.days_left) : "null",
      core::JsonString(sign_in.credentials_file),
      sign_in.mode ? fmt::format("\"{:o}\"", *sign_in.mode) : "null",
      s.permissions_ok ? (*s.permissions_ok ? "true" : "false") : "null");
  for (size_t i = 0; i < s.notes.size(); ++i) {
    out += fmt::format("{}{{\"severity\":\"{}\",\"text\":{}}}", i ? "," : "",
                       spotify_api::SeverityName(s.notes[i].severity),
                       core::JsonString(s.notes[i].text));
  }
  return out + "]}";
}

}  // namespace uw::cli
