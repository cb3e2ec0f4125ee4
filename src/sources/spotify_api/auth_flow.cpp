#include "sources/spotify_api/auth_flow.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/error.h"
#include "core/settings.h"
#include "http/form.h"
#include "sources/spotify_api/browser.h"
#include "sources/spotify_api/credentials_lock.h"
#include "sources/spotify_api/pkce.h"

namespace uw::spotify_api {
namespace {

bool HasScope(const std::string& scopes, std::string_view wanted) {
  size_t start = 0;
  while (start <= scopes.size()) {
    const size_t end = std::min(scopes.find(' ', start), scopes.size());
    if (std::string_view(scopes).substr(start, end - start) == wanted) return true;
    start = end + 1;
  }
  return false;
}

std::string ReceiveCode(const core::Settings& settings, LoopbackServer& server,
                        const std::string& url, const SignInOptions& options,
                        const std::function<void(const std::string&)>& say) {
  say("Sign in to Spotify and allow Unwrapped to read your recently played tracks:");
  say("  " + url);
  if (options.open_browser && OpenInBrowser(settings.spotify_browser, url)) {
    say("(opened in your browser; if nothing appeared, open the address above yourself)");
  } else {
    say("(open the address above in a browser on this machine)");
  }
  say(fmt::format("Waiting for Spotify to send you back to {} ...", server.redirect_uri()));
  std::string code = server.WaitForCode(options.timeout);
  ReapBrowsers();
  return code;
}

}  // namespace

std::string AuthorizeUrl(const std::string& accounts_url, const std::string& client_id,
                         const std::string& redirect_uri, const std::string& state,
                         const std::string& code_challenge) {
  std::string base = accounts_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return http::WithQuery(base + "/authorize", {{"client_id", client_id},
                                               {"response_type", "code"},
                                               {"redirect_uri", redirect_uri},
                                               {"scope", kRecentlyPlayedScope},
                                               {"state", state},
                                               {"code_challenge_method", "S256"},
                                               {"code_challenge", code_challenge}});
}

SignInResult SignIn(const core::Settings& settings, TokenClient& tokens, http::Clock& clock,
                    const SignInOptions& options,
                    const std::function<void(const std::string&)>& say) {
  const std::string& client_id = settings.spotify_client_id;
  if (client_id.empty()) {
    Fail(ErrorCode::kUsage,
         "no Spotify client id: set spotify.client_id (UNWRAPPED_SPOTIFY_CLIENT_ID)");
  }
  const Pkce pkce = MakePkce();
  const std::string state = MakeState();
  // Bound before the URL is built: with port 0 only now is the redirect URI known.
  LoopbackServer server(options.port, state);
  const std::string url = AuthorizeUrl(settings.spotify_accounts_url, client_id,
                                       server.redirect_uri(), state, pkce.challenge);
  const std::string code = ReceiveCode(settings, server, url, options, say);
  const TokenGrant grant =
      tokens.ExchangeCode(code, pkce.verifier, server.redirect_uri(), client_id);
  if (!grant.refresh_token)
    Fail(ErrorCode::kIo, "Spotify's answer to the sign-in carried no refresh token");
  if (!grant.scope.empty() && !HasScope(grant.scope, kRecentlyPlayedScope)) {
    spdlog::warn("Spotify granted \"{}\" without {}: reading recently played tracks will fail",
                 grant.scope, kRecentlyPlayedScope);
  }
  SignInResult result;
  result.credentials_file = settings.spotify_credentials_file;
  result.credentials.client_id = client_id;
  result.credentials.refresh_token = *grant.refresh_token;
  result.credentials.scope = grant.scope.empty() ? kRecentlyPlayedScope : grant.scope;
  result.credentials.authorized_at_ms = clock.NowMs();
  result.credentials.refreshed_at_ms = result.credentials.authorized_at_ms;
  {
    // A run refreshing right now would otherwise save its rotated token over this sign-in.
    const CredentialsLock lock(result.credentials_file);
    SaveCredentials(result.credentials_file, result.credentials);
  }
  return result;
}

}  // namespace uw::spotify_api
