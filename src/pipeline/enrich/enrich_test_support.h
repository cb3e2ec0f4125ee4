// Test-only: enrichment runs against an in-process FakeSpotify with a FakeClock, over the real
// Spotify stack (curl transport, retrying client, token refresh) and an in-memory lake. Each
// Run() is what one process would do: a fresh session (and so a fresh request budget), the
// queue rebuilt from the same id list plus what bronze holds.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/lake_paths.h"
#include "core/settings.h"
#include "fakes/fake_spotify.h"
#include "http/clock.h"
#include "http/transport.h"
#include "pipeline/enrich/enrichment_queue.h"
#include "pipeline/enrich/spotify_fetcher.h"
#include "sources/spotify_api/spotify_session.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::enrich::test {

inline constexpr int64_t kStartMs = 1'750'000'000'000;  // 2025-06-15T15:06:40Z
inline constexpr int64_t kMinuteMs = 60'000;
inline constexpr int64_t kHourMs = 3'600'000;
inline constexpr int64_t kDayMs = 24 * kHourMs;

inline fakes::Fault MakeFault(fakes::FaultKind kind, std::string path_prefix, int times = 1,
                              int retry_after_seconds = 1, int timeout_ms = 2000) {
  fakes::Fault fault(kind, std::move(path_prefix));
  fault.times = times;
  fault.retry_after_seconds = retry_after_seconds;
  fault.timeout_ms = timeout_ms;
  return fault;
}

struct Id {
  ObjectKind kind;
  std::string id;
};

class Harness {
 public:
  // `lake_name` names the in-memory lake (process-wide by name): one per test.
  explicit Harness(const std::string& lake_name, int64_t timeout_ms = 10000)
      : clock(kStartMs),
        lake("enrich-" + lake_name),
        transport(http::MakeCurlTransport({.timeout_ms = timeout_ms, .connect_timeout_ms = timeout_ms})) {
    settings.spotify_api_url = fake.api_url();
    settings.spotify_accounts_url = fake.accounts_url();
    settings.spotify_client_id = std::string(fakes::FakeSpotify::kClientId);
    settings.spotify_client_secret = std::string(fakes::FakeSpotify::kClientSecret);
    settings.spotify_refresh_token = fake.IssueRefreshToken();
    settings.spotify_credentials_file = (dir / "spotify-credentials.json").string();
    settings.spotify_retry_base_ms = 20;
    settings.spotify_max_attempts = 3;
    settings.spotify_max_wait_seconds = 300;
  }

  // One run over `ids` (the silver-equivalent input) plus bronze; `budget` 0 = unlimited.
  EnrichReport Run(const std::vector<Id>& ids, FetchOptions options = {}, int64_t budget = 0,
                   const std::vector<NameOnlyTrack>& name_only = {}) {
    EnrichmentQueue queue;
    for (const Id& id : ids) queue.AddKnown(id.kind, id.id);
    for (const NameOnlyTrack& track : name_only) queue.AddNameOnly(track);
    AddBronzeIds(lake, queue);
    settings.spotify_max_requests = budget;
    auto session = spotify_api::SpotifySession::Open(settings, *transport, clock);
    auto& api = session->api();
    SpotifyFetcher fetcher(lake, [&api](const std::string& path) { return api.Get(path); }, clock, options);
    EnrichReport report = fetcher.Run(queue);
    report.http_attempts = session->http().requests_sent();
    return report;
  }

  bool InBronze(ObjectKind kind, const std::string& id) const {
    return lake.Exists(lake::BronzeSpotifyObject(KindName(kind), id));
  }
  size_t BronzeCount(ObjectKind kind) const {
    return lake.List(std::string(lake::kBronzeSpotifyApiPrefix) + std::string(KindName(kind)) + "/").size();
  }
  EnrichmentState State() const { return LoadEnrichmentState(lake); }

  // Adds a track with its album and artist to the fake (all three fetchable).
  fakes::TrackSpec AddTrack(const std::string& seed, const std::string& name = "",
                            const std::string& artist = "") {
    fakes::TrackSpec track;
    track.id = fakes::FakeId("track-" + seed);
    track.name = name.empty() ? "Track " + seed : name;
    fakes::ArtistSpec a;
    a.id = fakes::FakeId("artist-" + seed);
    a.name = artist.empty() ? "Artist " + seed : artist;
    track.artists = {{a.id, a.name}};
    track.album.id = fakes::FakeId("album-" + seed);
    track.album.name = "Album " + seed;
    track.album.artists = track.artists;
    fake.AddArtist(a);
    fake.AddAlbum(track.album);
    fake.AddTrack(track);
    return track;
  }

  fakes::FakeSpotify fake;
  http::FakeClock clock;
  storage::MemoryStore lake;
  testing::TempDir dir;
  core::Settings settings;
  std::unique_ptr<http::Transport> transport;
};

}  // namespace uw::enrich::test
