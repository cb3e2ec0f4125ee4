// The Fetch a command hands to Ingest: Spotify's Web API through a SpotifySession built from the
// settings (spotify_api/spotify_session.h). The session is opened on the first request, so a run
// that is skipped (an earlier rate-limit stop) needs no sign-in and sends nothing, not even a
// token refresh.
#pragma once

#include "core/settings.h"
#include "http/clock.h"
#include "pipeline/ingest/recently_played_poller.h"

namespace uw::ingest {

// `settings` is copied; `clock` must outlive the returned function. The first call throws what
// SpotifySession::Open throws (kUsage when not signed in); every call what ApiClient::Get throws.
Fetch SpotifyFetch(const core::Settings& settings, http::Clock& clock = http::SystemClock());

}  // namespace uw::ingest
