// The interactive Spotify sign-in (`unwrapped auth spotify`): authorization code with PKCE on a
// loopback redirect (tech.md §5, formats.md §3.5).
//  1. a PKCE verifier and challenge and a random state;
//  2. a loopback server on 127.0.0.1:PORT, bound first so the redirect URI names the real port;
//  3. the authorize URL, printed and handed to the browser;
//  4. the callback's code, exchanged with the verifier for tokens;
//  5. the refresh token saved to the credentials file (mode 0600, atomic), under the sign-in
//     lock of credentials_lock.h so that a run refreshing meanwhile does not overwrite it.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include "http/clock.h"
#include "sources/spotify_api/credentials.h"
#include "sources/spotify_api/loopback_server.h"
#include "sources/spotify_api/token_client.h"

namespace uw::core {
struct Settings;
}

namespace uw::spotify_api {

inline constexpr const char* kRecentlyPlayedScope = "user-read-recently-played";

struct SignInOptions {
  int port = 8888;           // 0 = any free port
  bool open_browser = true;  // false: only print the URL
  std::chrono::milliseconds timeout = kDefaultCallbackTimeout;
};

struct SignInResult {
  Credentials credentials;
  std::filesystem::path credentials_file;
};

// The URL of Spotify's consent page for this sign-in.
std::string AuthorizeUrl(const std::string& accounts_url, const std::string& client_id,
                         const std::string& redirect_uri, const std::string& state,
                         const std::string& code_challenge);

// Runs steps 1-5. `say` receives the lines for the user (the URL, where the result went).
// Throws Error(kUsage) without a client id, and what LoopbackServer, TokenClient and
// SaveCredentials throw; nothing is saved unless the whole sign-in succeeded.
SignInResult SignIn(const core::Settings& settings, TokenClient& tokens, http::Clock& clock,
                    const SignInOptions& options,
                    const std::function<void(const std::string&)>& say);

}  // namespace uw::spotify_api
