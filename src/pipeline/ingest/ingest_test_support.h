// Test-only: an ingest run against an in-process FakeSpotify with a FakeClock, over the real
// Spotify stack (curl transport, retrying client, token refresh) and an in-memory lake.
#pragma once

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/lake_paths.h"
#include "core/settings.h"
#include "fakes/fake_spotify.h"
#include "http/clock.h"
#include "parquet/batch.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/ingest/spotify_fetch.h"
#include "pipeline/silver/build_silver.h"
#include "pipeline/tables/read_table.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::ingest::test {

inline constexpr int64_t kStartMs = 1'750'000'000'000;  // 2025-06-15T15:06:40Z
inline constexpr int64_t kHourMs = 3'600'000;

// A play as the test knows it: the track id and played_at (epoch ms).
using TruthPlay = std::pair<std::string, int64_t>;

class Harness {
 public:
  // `lake_name` names the in-memory lake (process-wide by name): one per test.
  explicit Harness(const std::string& lake_name, int tracks = 60)
      : clock(kStartMs), lake("ingest-" + lake_name) {
    fake.SetNowMs(kStartMs);
    for (int i = 0; i < tracks; ++i) {
      fakes::TrackSpec track;
      track.id = fakes::FakeId("ingest-track-" + std::to_string(i));
      track.name = "Track " + std::to_string(i);
      track.artists = {{fakes::FakeId("ingest-artist-" + std::to_string(i % 7)),
                        "Artist " + std::to_string(i % 7)}};
      track.album.id = fakes::FakeId("ingest-album-" + std::to_string(i % 11));
      track.album.name = "Album " + std::to_string(i % 11);
      track.album.artists = track.artists;
      track.duration_ms = 150000 + 1000 * i;
      track_ids.push_back(track.id);
      fake.AddTrack(std::move(track));
    }
    settings.spotify_api_url = fake.api_url();
    settings.spotify_accounts_url = fake.accounts_url();
    settings.spotify_client_id = std::string(fakes::FakeSpotify::kClientId);
    settings.spotify_refresh_token = fake.IssueRefreshToken();
    settings.spotify_credentials_file = (dir / "spotify-credentials.json").string();
    settings.spotify_retry_base_ms = 20;
    settings.spotify_max_attempts = 3;
    settings.spotify_max_wait_seconds = 300;
    settings.spotify_timeout_seconds = 10;
  }

  // One run as a fresh process would do it: a new session (token refresh on first request).
  IngestSummary Run(const IngestOptions& options = {}) {
    return Ingest(lake, SpotifyFetch(settings, clock), clock, options);
  }

  // Moves both the client's clock and the fake's to `now_ms` (never backwards).
  void SetNow(int64_t now_ms) {
    if (now_ms > clock.NowMs()) clock.AdvanceMs(now_ms - clock.NowMs());
    fake.SetNowMs(now_ms);
  }
  void Advance(int64_t delta_ms) { SetNow(clock.NowMs() + delta_ms); }

  void Play(int track, int64_t played_at_ms, std::optional<int64_t> visible_from_ms = {}) {
    fake.AddPlay(track_ids[track % track_ids.size()], played_at_ms, "", visible_from_ms);
    truth.insert({track_ids[track % track_ids.size()], played_at_ms});
  }

  std::vector<std::string> BronzeKeys() const {
    std::vector<std::string> keys;
    for (const auto& info : lake.List(lake::kBronzeRecentlyPlayedPrefix)) keys.push_back(info.key);
    return keys;
  }

  // Silver's listening_events as (track id, ended_at ms), one entry per row (duplicates kept).
  std::multiset<TruthPlay> SilverPlays() {
    silver::BuildSilver(lake, silver::SilverBuildOptions{});
    const parquet::Batch rows =
        tables::ReadTable(lake, lake::SilverTable("listening_events"), {"track_id", "ended_at"});
    std::multiset<TruthPlay> plays;
    for (size_t r = 0; r < rows.num_rows(); ++r) {
      plays.insert({std::string(rows.column("track_id").GetString(r)),
                    rows.column("ended_at").GetInt64(r) / 1000});
    }
    return plays;
  }

  testing::TempDir dir;
  fakes::FakeSpotify fake;
  http::FakeClock clock;
  storage::MemoryStore lake;
  core::Settings settings;
  std::vector<std::string> track_ids;
  std::set<TruthPlay> truth;
};

inline std::multiset<TruthPlay> AsMultiset(const std::set<TruthPlay>& plays) {
  return {plays.begin(), plays.end()};
}

}  // namespace uw::ingest::test
