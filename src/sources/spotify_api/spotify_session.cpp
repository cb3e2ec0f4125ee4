#include "sources/spotify_api/spotify_session.h"

#include "core/settings.h"
#include "http/retry_policy.h"

namespace uw::spotify_api {

SpotifySession::SpotifySession(const core::Settings& settings,
                               std::unique_ptr<http::Transport> owned, http::Transport& transport,
                               http::Clock& clock)
    : owned_transport_(std::move(owned)),
      client_(transport, clock, http::RetryPolicyFromSettings(settings)),
      token_client_(client_, settings.spotify_accounts_url),
      tokens_(token_client_, clock, TokenConfigFromSettings(settings)),
      api_(client_, tokens_, settings.spotify_api_url) {}

std::unique_ptr<SpotifySession> SpotifySession::Open(const core::Settings& settings,
                                                     http::Clock& clock) {
  auto transport = http::MakeCurlTransport(http::TransportOptionsFromSettings(settings));
  http::Transport& ref = *transport;
  return std::unique_ptr<SpotifySession>(
      new SpotifySession(settings, std::move(transport), ref, clock));
}

std::unique_ptr<SpotifySession> SpotifySession::Open(const core::Settings& settings,
                                                     http::Transport& transport,
                                                     http::Clock& clock) {
  return std::unique_ptr<SpotifySession>(new SpotifySession(settings, nullptr, transport, clock));
}

}  // namespace uw::spotify_api
