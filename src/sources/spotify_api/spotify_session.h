// Everything a command needs to talk to Spotify, built from the settings in one place: the
// curl transport, the retrying http::Client, the token endpoint, the run's access tokens and
// the authorised API client. Not thread safe; one session per thread.
#pragma once

#include <memory>

#include "http/client.h"
#include "http/clock.h"
#include "http/transport.h"
#include "sources/spotify_api/access_tokens.h"
#include "sources/spotify_api/api_client.h"
#include "sources/spotify_api/token_client.h"

namespace uw::core {
struct Settings;
}

namespace uw::spotify_api {

class SpotifySession {
 public:
  // Requires a sign-in: throws what TokenConfigFromSettings throws (kUsage when not signed in).
  // No request is sent until the first call. `clock` must outlive the session.
  static std::unique_ptr<SpotifySession> Open(const core::Settings& settings,
                                              http::Clock& clock = http::SystemClock());
  // The same over a given transport (tests script one); `transport` must outlive the session.
  static std::unique_ptr<SpotifySession> Open(const core::Settings& settings,
                                              http::Transport& transport,
                                              http::Clock& clock = http::SystemClock());

  http::Client& http() { return client_; }
  AccessTokens& tokens() { return tokens_; }
  ApiClient& api() { return api_; }

  SpotifySession(const SpotifySession&) = delete;
  SpotifySession& operator=(const SpotifySession&) = delete;

 private:
  SpotifySession(const core::Settings& settings, std::unique_ptr<http::Transport> owned,
                 http::Transport& transport, http::Clock& clock);

  std::unique_ptr<http::Transport> owned_transport_;  // null when the caller owns it
  http::Client client_;
  TokenClient token_client_;
  AccessTokens tokens_;
  ApiClient api_;
};

}  // namespace uw::spotify_api
