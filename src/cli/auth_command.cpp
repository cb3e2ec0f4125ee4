// `unwrapped auth spotify [--port N] [--no-browser] [--check]`: the interactive Spotify sign-in
// (sources/spotify_api/auth_flow.h); with --check, a test of the sign-in in use (file or
// headless settings): one token refresh and one recently-played request.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <optional>

#include "cli/app.h"
#include "core/civil_time.h"
#include "core/error.h"
#include "core/text.h"
#include "http/clock.h"
#include "http/retry_policy.h"
#include "sources/spotify_api/auth_flow.h"
#include "sources/spotify_api/sign_in_status.h"
#include "sources/spotify_api/spotify_session.h"

namespace uw::cli {
namespace {

struct AuthOptions {
  std::optional<int> port;
  bool no_browser = false;
  bool check = false;
};

constexpr const char* kNoClientId =
    "no Spotify client id: set client_id under [spotify] in the config file (spotify.client_id) or "
    "UNWRAPPED_SPOTIFY_CLIENT_ID. Create an app at https://developer.spotify.com/dashboard with "
    "the "
    "redirect URI http://127.0.0.1:8888/callback and copy its Client ID (README: \"Keeping it up "
    "to "
    "date from the Spotify API\")";

std::string Day(int64_t ms) { return core::FormatDate(core::FloorDiv(ms, spotify_api::kDayMs)); }

int RunSignIn(Context& context, const AuthOptions& options) {
  const core::Settings& s = context.settings();
  if (s.spotify_client_id.empty()) throw Error(ErrorCode::kUsage, kNoClientId);
  auto transport = http::MakeCurlTransport(http::TransportOptionsFromSettings(s));
  http::Client client(*transport, http::SystemClock(), http::RetryPolicyFromSettings(s));
  spotify_api::TokenClient tokens(client, s.spotify_accounts_url);
  spotify_api::SignInOptions sign_in;
  sign_in.port = static_cast<int>(options.port.value_or(static_cast<int>(s.spotify_redirect_port)));
  sign_in.open_browser = !options.no_browser;
  // With --json, stdout carries only the result; the instructions go to stderr.
  FILE* say_to = context.json() ? stderr : stdout;
  const auto result = spotify_api::SignIn(s, tokens, http::SystemClock(), sign_in,
                                          [say_to](const std::string& line) {
                                            fmt::print(say_to, "{}\n", line);
                                            std::fflush(say_to);
                                          });
  const int64_t until_ms =
      result.credentials.authorized_at_ms + spotify_api::kRefreshTokenLifetimeMs;
  if (context.json()) {
    fmt::print(
        "{{\"signed_in\":true,\"client_id\":{},\"credentials_file\":{},\"authorized_at\":{},"
        "\"expires_at\":{}}}\n",
        core::JsonString(result.credentials.client_id),
        core::JsonString(result.credentials_file.string()),
        core::JsonString(core::FormatIsoSeconds(result.credentials.authorized_at_ms / 1000)),
        core::JsonString(core::FormatIsoSeconds(until_ms / 1000)));
  } else {
    fmt::print(
        "Signed in to Spotify with client id {}. Saved to {} (readable only by you).\n"
        "Spotify ends this sign-in on {}; `unwrapped status` warns two weeks ahead.\n",
        result.credentials.client_id, result.credentials_file.string(), Day(until_ms));
  }
  if (!s.spotify_refresh_token.empty()) {
    spdlog::warn(
        "spotify.refresh_token is configured (UNWRAPPED_SPOTIFY_REFRESH_TOKEN?) and is used "
        "instead of "
        "this sign-in until it is removed");
  }
  return kExitOk;
}

int RunCheck(Context& context) {
  auto session = spotify_api::SpotifySession::Open(context.settings());
  const http::Response response = session->api().Get("/me/player/recently-played?limit=1");
  if (response.status == 403) {
    Fail(ErrorCode::kInput,
         "Spotify refused access (403): a development-mode app only serves the users added under "
         "User "
         "Management in its dashboard");
  }
  if (response.status != 200) {
    Fail(ErrorCode::kIo, "Spotify answered HTTP {} to a recently-played request", response.status);
  }
  if (context.json()) {
    fmt::print("{{\"signed_in\":true,\"works\":true,\"client_id\":{}}}\n",
               core::JsonString(session->tokens().client_id()));
  } else {
    fmt::print("The Spotify sign-in works (client id {}): recently played tracks can be read.\n",
               session->tokens().client_id());
  }
  return kExitOk;
}

}  // namespace

void AddAuthCommand(CLI::App& app, Registry& registry) {
  auto* auth = app.add_subcommand("auth", "Sign in to an outside service");
  auth->require_subcommand(1);
  auto* spotify = auth->add_subcommand(
      "spotify",
      "Sign in to Spotify (authorization code + PKCE on http://127.0.0.1:PORT/callback); the "
      "refresh token is saved readable only by you");
  auto options = std::make_shared<AuthOptions>();
  spotify
      ->add_option(
          "--port", options->port,
          "Port of the redirect URI registered for your app (default spotify.redirect_port, 8888; "
          "0 = any free port)")
      ->check(CLI::Range(0, 65535));
  spotify->add_flag("--no-browser", options->no_browser,
                    "Only print the sign-in link; do not open a browser");
  spotify->add_flag(
      "--check", options->check,
      "Do not sign in: test the sign-in in use with one token refresh and one API request");
  registry.On(spotify, [options](Context& context) {
    return options->check ? RunCheck(context) : RunSignIn(context, *options);
  });
}

}  // namespace uw::cli
