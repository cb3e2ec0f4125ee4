#include "pipeline/ingest/spotify_fetch.h"

#include <memory>

#include "sources/spotify_api/spotify_session.h"

namespace uw::ingest {

Fetch SpotifyFetch(const core::Settings& settings, http::Clock& clock) {
  // std::function must be copyable: the lazily opened session lives behind a shared_ptr.
  struct Lazy {
    core::Settings settings;
    std::unique_ptr<spotify_api::SpotifySession> session;
  };
  auto lazy = std::make_shared<Lazy>(Lazy{settings, nullptr});
  return [lazy, &clock](const std::string& path_and_query) {
    if (!lazy->session) lazy->session = spotify_api::SpotifySession::Open(lazy->settings, clock);
    return lazy->session->api().Get(path_and_query);
  };
}

}  // namespace uw::ingest
