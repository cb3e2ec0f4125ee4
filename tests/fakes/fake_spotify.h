// A loopback fake of Spotify's accounts service and Web API, for tests (issue 6 item 5).
//
// FakeSpotify listens on 127.0.0.1 at an OS-chosen port in a background thread from its
// constructor until its destructor. Tests point a client at api_url() / accounts_url() (in
// process, or the real binary via UNWRAPPED_SPOTIFY_API_URL / UNWRAPPED_SPOTIFY_ACCOUNTS_URL).
// It answers in the real response shapes (formats.md §3, tech.md §5) from a catalogue and a play
// log the test controls, and misbehaves on demand (faults below).
//
// Thread safety: every public member may be called from any thread at any time, also while
// requests are being served (handlers run on the HTTP server's pool, under one mutex).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uw::fakes {

// ---- Catalogue specs: plain structs with what the response objects are built from. ----

struct ArtistRef {
  std::string id;
  std::string name;
};

struct ArtistSpec {
  std::string id;  // 22 base62 characters (see FakeId)
  std::string name;
  std::vector<std::string> genres;
  int64_t followers = 1000;
  int popularity = 50;
};

struct AlbumSpec {
  std::string id;
  std::string name;
  std::string album_type = "album";  // "album" | "single" | "compilation"
  std::vector<ArtistRef> artists;
  std::string release_date = "2020-01-01";
  std::string release_date_precision = "day";  // "year" | "month" | "day"
  int total_tracks = 1;
  std::string label = "Fake Records";
  std::string upc = "00000000000000";
  std::vector<std::string> genres;  // historically always empty
  int popularity = 50;
};

struct TrackSpec {
  std::string id;
  std::string name;
  std::vector<ArtistRef> artists;
  AlbumSpec album;  // rendered as the simplified album inside the track; need not be added
  int64_t duration_ms = 200000;
  bool is_explicit = false;
  std::string isrc;  // "" = external_ids is {}
  int track_number = 1;
  int disc_number = 1;
  int popularity = 50;
  bool is_local = false;
  std::string linked_from_id;  // "" = not relinked; else the requested id it was relinked from
};

struct ShowSpec {
  std::string id;
  std::string name;
  std::string publisher = "Fake Publisher";
  std::string description = "A fake show.";
  std::string media_type = "audio";
  bool is_explicit = false;
  std::vector<std::string> languages = {"en"};
  int total_episodes = 1;
};

struct EpisodeSpec {
  std::string id;
  std::string name;
  ShowSpec show;  // rendered as the simplified show inside the episode; need not be added
  std::string description = "A fake episode.";
  int64_t duration_ms = 1800000;
  bool is_explicit = false;
  std::string release_date = "2020-01-01";
  std::string release_date_precision = "day";
  std::string language = "en";
  bool is_playable = true;
};

// A deterministic, well-formed Spotify id (22 base62 characters) derived from `seed`.
std::string FakeId(std::string_view seed);

// ---- Faults ----

enum class FaultKind {
  k429,               // 429 with Retry-After: <retry_after_seconds>
  k429QuotaExceeded,  // 429 {"error":{...,"reason":"QUOTA_EXCEEDED"}}, no Retry-After
  k500,
  k502,
  k503,
  kTimeout,         // waits timeout_ms, then answers 504 (the request has no effect)
  kDropConnection,  // closes the connection without writing any response byte
  kNullEntries,     // batch lookups only: null in place of some known objects (the first always)
  kFloatsForInts,   // catalogue/search/recently-played: integers rendered as 204053.0 / 4.9022656E7
  kShuffledItems,   // recently-played only: items out of time order
  kInvalidGrant,    // token refresh only: 400 {"error":"invalid_grant",...} (token stays valid)
};
inline constexpr int kFaultKindCount = 11;
std::string_view FaultKindName(FaultKind kind);  // "429", "quota_exceeded", "timeout", ...

struct Fault {
  Fault() = default;
  Fault(FaultKind kind, std::string path_prefix = "") : kind(kind), path_prefix(std::move(path_prefix)) {}

  FaultKind kind = FaultKind::k503;
  // Only requests whose path starts with this. "" = "/api/token" for kInvalidGrant and "/v1/"
  // (every Web API request) for the other kinds; use "/api/token" or "/authorize" to fault the
  // accounts service.
  std::string path_prefix;
  int times = 1;                // how many matching requests it hits
  int retry_after_seconds = 1;  // k429
  int timeout_ms = 2000;        // kTimeout
};

// ---- Counters ----

struct RecordedRequest {
  std::string method;
  std::string path;   // without the query
  std::string query;  // "a=1&b=2" as received ("" for none); bodies are not kept (secrets)
  int status = 0;     // 0 = connection dropped
  std::optional<FaultKind> fault;
};

class FakeSpotify {
 public:
  // The client registered at start, so headless tests need no AddClient.
  static constexpr std::string_view kClientId = "fakeclient0123456789abcdef012345";
  static constexpr std::string_view kClientSecret = "fakesecret0123456789abcdef012345";
  static constexpr std::string_view kRecentlyPlayedScope = "user-read-recently-played";

  // Starts serving; throws uw::Error(kIo) when it cannot bind or start.
  FakeSpotify();
  ~FakeSpotify();  // stops serving, waking any request held by a kTimeout fault
  FakeSpotify(const FakeSpotify&) = delete;
  FakeSpotify& operator=(const FakeSpotify&) = delete;

  int port() const;
  std::string api_url() const;       // "http://127.0.0.1:P/v1"
  std::string accounts_url() const;  // "http://127.0.0.1:P"

  // Simulated clock (ms since the Unix epoch): starts at the real time of construction and only
  // moves when set. Access-token expiry, refresh-token lifetime and play visibility use it.
  void SetNowMs(int64_t now_ms);
  void AdvanceMs(int64_t delta_ms);
  int64_t NowMs() const;

  // ---- Accounts ----
  // Registers a client. `client_secret` is checked when a request sends Basic credentials.
  void AddClient(const std::string& client_id, const std::string& client_secret = "");
  // /authorize plays a user who declines (?error=access_denied) instead of approving.
  void SetUserDeclines(bool declines);
  // Refresh grants also return a new refresh_token and revoke the old one (default: no
  // refresh_token in the reply, the old one stays valid, like AuthorizationCodeRefresh.json).
  void SetRotateRefreshTokens(bool rotate);
  // Refresh tokens stop working this long after the authorisation that created them (the 2026
  // six-month rule); refreshing does not extend it. 0 (default) = never.
  void SetRefreshTokenLifetimeMs(int64_t lifetime_ms);
  // Every refresh token issued so far answers invalid_grant from now on.
  void RevokeRefreshTokens();
  // Every access token issued so far is expired from now on.
  void ExpireAccessTokens();
  // A valid refresh token / access token without the browser flow (for headless tests).
  std::string IssueRefreshToken(std::string_view client_id = kClientId,
                                std::string_view scope = kRecentlyPlayedScope);
  std::string IssueAccessToken(std::string_view scope = kRecentlyPlayedScope);

  // ---- Catalogue and play log ----
  // Adding an id again replaces the object.
  void AddTrack(TrackSpec track);
  void AddArtist(ArtistSpec artist);
  void AddAlbum(AlbumSpec album);
  void AddEpisode(EpisodeSpec episode);
  void AddShow(ShowSpec show);
  // Development mode (Feb 2026): objects lose popularity, followers, label, publisher,
  // available_markets, linked_from; batch lookups answer 403; search allows limit <= 10.
  void SetDevelopmentMode(bool on);
  // A play of a catalogue track (throws uw::Error(kNotFound) when the track was not added).
  // It becomes visible to recently-played at visible_from_ms (default played_at_ms); a later
  // value is a late arrival (offline sync). context_uri "" = "context": null.
  void AddPlay(const std::string& track_id, int64_t played_at_ms, const std::string& context_uri = "",
               std::optional<int64_t> visible_from_ms = std::nullopt);

  // ---- Faults ----
  // One-shot faults, applied in queue order to the next matching requests. A faulted request
  // has no effect on the fake's state (decided before anything changes).
  void QueueFault(Fault fault);
  void ClearFaults();  // queued and random
  // Each Web API request (/v1/) gets, with probability `rate`, one of `kinds` that applies to it
  // (deterministic given seed and request order; queued faults go first). rate 0 = off.
  // retry_after_seconds and timeout_ms of the random faults come from `shape`.
  void SetRandomFaults(double rate, std::vector<FaultKind> kinds, uint64_t seed, Fault shape = {});

  // ---- Counters ----
  int64_t TotalRequests() const;
  int64_t RequestCount(std::string_view path_prefix) const;  // requests whose path starts so
  std::vector<RecordedRequest> Requests() const;
  int64_t FaultsInjected(FaultKind kind) const;
  // 200 deliveries of one object by single or batch lookup. kind: "tracks", "artists",
  // "albums", "episodes", "shows".
  int64_t SuccessfulFetches(std::string_view kind, std::string_view id) const;
  // Successful grants by grant_type ("authorization_code", "refresh_token").
  int64_t TokenGrants(std::string_view grant_type) const;
  std::vector<std::string> SearchQueries() const;  // every q received, in order

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace uw::fakes
